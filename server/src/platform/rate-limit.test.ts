import { describe, expect, it } from 'vitest';
import { FixedWindowStore, FixedWindows } from './rate-limit.js';

const MINUTE = 60_000;

describe('FixedWindows', () => {
  it('counts hits in a window and starts a new one when it has ended', () => {
    const w = new FixedWindows(10);
    expect(w.hit('a', 0, MINUTE).count).toBe(1);
    expect(w.hit('a', 59_999, MINUTE).count).toBe(2);
    expect(w.current('a', 59_999, MINUTE)?.count).toBe(2);
    expect(w.current('a', MINUTE, MINUTE)).toBeUndefined();
    expect(w.hit('a', MINUTE, MINUTE)).toEqual({ count: 1, startedAt: MINUTE });
  });

  it('holds at most its number of keys, dropping the oldest window first', () => {
    const w = new FixedWindows(3);
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) w.hit(k, i, MINUTE);
    expect(w.size).toBe(3);
    expect(w.current('a', 10, MINUTE)).toBeUndefined();
    expect(w.current('b', 10, MINUTE)?.count).toBe(1);
    // A window that started again is the newest: b's old one ended, its new one outlives c and d.
    w.hit('b', MINUTE + 1, MINUTE);
    w.hit('e', MINUTE + 2, MINUTE);
    expect(w.current('b', MINUTE + 2, MINUTE)?.count).toBe(1);
    expect(w.current('e', MINUTE + 2, MINUTE)?.count).toBe(1);
    expect(w.size).toBeLessThanOrEqual(3);
  });

  it('drops ended windows as new ones start, so a quiet day leaves nothing behind', () => {
    const w = new FixedWindows(1000);
    for (let i = 0; i < 500; i++) w.hit(`k${i}`, i, MINUTE);
    w.hit('late', 10 * MINUTE, MINUTE);
    expect(w.size).toBe(1);
  });

  it('keeps the newest keys through a flood of new ones past the limit', () => {
    const w = new FixedWindows(20_000);
    for (let i = 0; i < 100_000; i++) w.hit(`10.0.${i}`, 1_000, MINUTE);
    expect(w.size).toBe(20_000);
    expect(w.current('10.0.99999', 1_000, MINUTE)?.count).toBe(1);
    expect(w.current('10.0.0', 1_000, MINUTE)).toBeUndefined();
  });
});

describe('FixedWindowStore', () => {
  it('gives each request the count at its own increment and the time left', () => {
    const store = new FixedWindowStore();
    const seen: { current: number; ttl: number }[] = [];
    for (let i = 0; i < 3; i++) store.incr('1.2.3.4', (_err, r) => r && seen.push(r), MINUTE);
    expect(seen.map((r) => r.current)).toEqual([1, 2, 3]);
    expect(seen.every((r) => r.ttl > 0 && r.ttl <= MINUTE)).toBe(true);
    expect(store.child()).toBeInstanceOf(FixedWindowStore);
  });
});
