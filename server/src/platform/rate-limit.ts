import type { FastifyRateLimitStore } from '@fastify/rate-limit';

type Incr = Parameters<FastifyRateLimitStore['incr']>[1];

export interface Window {
  count: number;
  startedAt: number;
}

/**
 * Fixed windows per key, in memory, holding at most `maxKeys` keys so that a flood of made-up keys
 * (spoofed addresses, guessed codes) cannot grow memory. A window that starts again is moved to the
 * end of the map, so the map runs from the oldest start to the newest and what must go is at its
 * front: each new window drops the expired ones there, then the oldest while over the limit. Scanning
 * the whole map instead cost a full pass per request once it was full (17 % of the public intake's
 * time in the bench, whose every case comes from another address).
 */
export class FixedWindows {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly maxKeys: number) {}

  /** The key's window if it is still open. */
  current(key: string, now: number, windowMs: number): Window | undefined {
    const w = this.windows.get(key);
    return w && w.startedAt + windowMs > now ? w : undefined;
  }

  /** Counts one more in the key's window, starting a new one when the last has ended. */
  hit(key: string, now: number, windowMs: number): Window {
    let w = this.current(key, now, windowMs);
    if (!w) {
      this.windows.delete(key);
      w = { count: 0, startedAt: now };
      this.windows.set(key, w);
      this.evict(now, windowMs);
    }
    w.count += 1;
    return w;
  }

  get size(): number {
    return this.windows.size;
  }

  private evict(now: number, windowMs: number): void {
    for (const [k, w] of this.windows) {
      if (this.windows.size <= this.maxKeys && w.startedAt + windowMs > now) break;
      this.windows.delete(k);
    }
  }
}

/** Past this many addresses, expired windows are dropped, then the oldest. */
const MAX_KEYS = 20_000;

/**
 * A fixed-window counter per key for @fastify/rate-limit. The library's own LocalStore hands every
 * caller the same mutable counter object, so requests that arrive together all read the final count
 * and a burst is refused whole, its first requests included. Here each request gets the count at its
 * own increment: the first `max` of a burst pass, the rest get 429.
 */
export class FixedWindowStore implements FastifyRateLimitStore {
  private readonly windows = new FixedWindows(MAX_KEYS);

  incr(key: string, callback: Incr, timeWindow = 60_000): void {
    const now = Date.now();
    const w = this.windows.hit(key, now, timeWindow);
    callback(null, { current: w.count, ttl: w.startedAt + timeWindow - now });
  }

  /** Each route keeps counts of its own, as the library's stores do. */
  child(): FastifyRateLimitStore {
    return new FixedWindowStore();
  }
}
