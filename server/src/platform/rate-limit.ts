import type { FastifyRateLimitStore } from '@fastify/rate-limit';

type Incr = Parameters<FastifyRateLimitStore['incr']>[1];

/** Past this many addresses, expired windows are dropped, then the oldest: a spoofed flood cannot grow memory. */
const MAX_KEYS = 20_000;

/**
 * A fixed-window counter per key, in memory. @fastify/rate-limit's own LocalStore hands every caller
 * the same mutable counter object, so requests that arrive together all read the final count and a
 * burst is refused whole, its first requests included. Here each request gets the count at its own
 * increment: the first `max` of a burst pass, the rest get 429.
 */
export class FixedWindowStore implements FastifyRateLimitStore {
  private readonly windows = new Map<string, { count: number; startedAt: number }>();

  incr(key: string, callback: Incr, timeWindow = 60_000): void {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.startedAt + timeWindow <= now) {
      this.windows.delete(key);
      w = { count: 0, startedAt: now };
      this.windows.set(key, w);
      if (this.windows.size > MAX_KEYS) this.evict(now, timeWindow);
    }
    w.count += 1;
    callback(null, { current: w.count, ttl: w.startedAt + timeWindow - now });
  }

  /** Each route keeps counts of its own, as the library's stores do. */
  child(): FastifyRateLimitStore {
    return new FixedWindowStore();
  }

  private evict(now: number, timeWindow: number): void {
    for (const [k, w] of this.windows) if (w.startedAt + timeWindow <= now) this.windows.delete(k);
    for (const k of this.windows.keys()) {
      if (this.windows.size <= MAX_KEYS) break;
      this.windows.delete(k);
    }
  }
}
