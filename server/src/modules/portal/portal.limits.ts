import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http.js';
import { FixedWindows } from '../../platform/rate-limit.js';

/**
 * Abuse limits of the public routes (DESIGN §7: rate limits on public routes). The counters live in
 * the process, as the platform's other rate limits do (platform/rate-limit.ts); with several app
 * processes they are per process (DESIGN §6.4: shared through Redis then).
 */
export const LIMITS = {
  /** New cases from one client address: the portal and Open311 share these counts. */
  intakePerMinute: 10,
  intakePerDay: 50,
  /** New cases for one phone number through the public routes, counted in the database. */
  intakePerPhonePerHour: 5,
  /** Looking a case up (and rating it) from one address. */
  trackingPerMinute: 30,
  photosPerMinute: 120,
  /** Wrong last-four guesses for one tracking code before the code is locked for the hour. */
  wrongLast4PerCodePerHour: 10,
} as const;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const tooMany = (retryAfterSeconds: number, text: { zh: string; en: string }) =>
  new AppError(429, 'RATE_LIMITED', text, { retryAfter: retryAfterSeconds });

const TOO_MANY_FROM_ADDRESS = {
  zh: '提交过于频繁，请稍后再试。如有急事，请拨打联络站电话。',
  en: 'Too many submissions from this network; please try again later, or call the station.',
};

type Hook = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
/** One set of counts per app, whichever route (portal or Open311) a case comes through. */
const shared = new WeakMap<object, Hook>();

/**
 * An onRequest hook that counts new cases per client address, per minute and per day. It runs before
 * the body is read, so a flood is refused without parsing uploads. Built on @fastify/rate-limit's
 * createRateLimit (its route config allows one window per route, and two hooks of it on one route
 * would skip the second).
 */
export function intakeLimiter(app: AppInstance) {
  const known = shared.get(app.deps);
  if (known) return known;
  const perMinute = app.createRateLimit({ max: LIMITS.intakePerMinute, timeWindow: 60_000 });
  const perDay = app.createRateLimit({ max: LIMITS.intakePerDay, timeWindow: DAY_MS });
  const hook = async (req: FastifyRequest, reply: FastifyReply) => {
    for (const check of [perMinute, perDay]) {
      const r = await check(req);
      if (!r.isAllowed && r.isExceeded) {
        reply.header('retry-after', r.ttlInSeconds);
        throw tooMany(r.ttlInSeconds, TOO_MANY_FROM_ADDRESS);
      }
    }
  };
  shared.set(app.deps, hook);
  return hook;
}

export const tooManyForPhone = () =>
  tooMany(HOUR_MS / 1000, {
    zh: `同一手机号每小时最多提交 ${LIMITS.intakePerPhonePerHour} 条意见，请稍后再试`,
    en: `At most ${LIMITS.intakePerPhonePerHour} opinions an hour may be submitted with one phone number; please try again later`,
  });

/** Past this many codes, expired windows are dropped, then the oldest: a flood of made-up codes cannot grow memory. */
const MAX_CODES = 20_000;

/**
 * Wrong last-four guesses per tracking code in a fixed one-hour window. Unlike a per-address limit it
 * also stops a guesser who changes addresses; the price is that the owner waits out the hour too.
 */
export class GuessCounter {
  private readonly windows = new FixedWindows(MAX_CODES);

  constructor(
    private readonly max: number = LIMITS.wrongLast4PerCodePerHour,
    private readonly windowMs: number = HOUR_MS,
  ) {}

  /** Seconds until the code opens again, or 0 when it is open. */
  lockedFor(code: string, now = Date.now()): number {
    const w = this.windows.current(code, now, this.windowMs);
    if (!w || w.count < this.max) return 0;
    return Math.ceil((w.startedAt + this.windowMs - now) / 1000);
  }

  miss(code: string, now = Date.now()): void {
    this.windows.hit(code, now, this.windowMs);
  }
}
