import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../platform/errors.js';
import { afterCommitDispatch } from '../../platform/outbox.js';
import { expireEvaluation } from './commands/expireEvaluation.js';
import { nowOf, type SuggestionDeps } from './suggestions.deps.js';
import { completeIfAllIn } from './suggestions.handling.flow.js';
import { expiredEvaluations, type Page, repliesCompleteButWaiting } from './suggestions.handling.repo.js';
import { findSuggestion } from './suggestions.repo.js';

/**
 * The evaluation deadline of the suggestion loop (DESIGN §4: the deputy rates within 20 working days
 * of the last reply), run as a durable pg-boss job like the opinion sweep: a periodic run lists the
 * suggestions whose window has passed, and closes each in its own transaction through the guarded
 * `expire_evaluation` transition, which records the silence. A suggestion rated or expired meanwhile
 * answers 409 and is skipped, so two runs at once, or a run cut short and repeated, close it once.
 * The same run moves on a suggestion whose replies are all in but which still waits for one (a
 * replying unit withdrawn or returned after the others replied): nobody's reply would move it.
 */

export const SUGGESTION_DEADLINES_QUEUE = 'suggestion-deadlines';
const BATCH = 200;

export interface SuggestionSweepResult {
  expired: number;
  completed: number;
  failed: number;
}

export async function runSuggestionDeadlinesOnce(
  deps: SuggestionDeps,
  opts: { regionCode?: string; log?: (m: string) => void } = {},
): Promise<SuggestionSweepResult> {
  const now = nowOf(deps);
  const log = opts.log ?? ((m: string) => console.warn(m));
  const result: SuggestionSweepResult = { expired: 0, completed: 0, failed: 0 };
  const each = async (what: string, next: (p: Page) => Promise<string[]>, handle: (id: string) => Promise<boolean>) => {
    let afterId: string | undefined;
    for (;;) {
      const ids = await next({ regionCode: opts.regionCode, afterId, limit: BATCH });
      for (const id of ids) {
        try {
          if (await handle(id)) result[what === 'expiry' ? 'expired' : 'completed']++;
        } catch (err) {
          // Rated, expired or moved on by someone else meanwhile: nothing left to do.
          if (!(err instanceof AppError && err.statusCode === 409)) {
            // One suggestion that fails (and is tried again next run) must not hold up the others.
            result.failed++;
            log(`[${SUGGESTION_DEADLINES_QUEUE}] ${what} of suggestion ${id} failed: ${(err as Error)?.message ?? err}`);
          }
        }
        afterId = id;
      }
      if (ids.length < BATCH) return;
    }
  };
  await each(
    'completion',
    (p) => repliesCompleteButWaiting(deps.db, p),
    async (id) => {
      const moved = await deps.db.transaction(async (tx) => {
        // The row lock makes this take turns with a unit's reply and with another run.
        const row = await findSuggestion(tx, id, { forUpdate: true });
        if (!row) return false;
        return (await completeIfAllIn(tx, row, now)).state !== row.state;
      });
      if (moved) await afterCommitDispatch(deps.jobs);
      return moved;
    },
  );
  await each(
    'expiry',
    (p) => expiredEvaluations(deps.db, now, p),
    async (id) => {
      await expireEvaluation(deps, id);
      return true;
    },
  );
  return result;
}

/** A run may be limited to a region subtree; the scheduled runs cover everything. */
const RunData = z.object({
  regionCode: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
});

export async function registerSuggestionWorkers(deps: AppDeps): Promise<void> {
  await deps.jobs.work(SUGGESTION_DEADLINES_QUEUE, async (data) => {
    const parsed = RunData.safeParse(data ?? {});
    // A malformed job must not turn into a sweep of everything: drop it, loudly.
    if (!parsed.success) {
      console.warn(`[${SUGGESTION_DEADLINES_QUEUE}] job with invalid data ignored`);
      return;
    }
    await runSuggestionDeadlinesOnce(deps, parsed.data);
  });
}

/** Every ten minutes (China time), like the opinion sweep; pg-boss queues each tick once across processes. */
export async function scheduleSuggestionJobs(deps: Pick<AppDeps, 'jobs'>): Promise<void> {
  await deps.jobs.schedule?.(SUGGESTION_DEADLINES_QUEUE, '*/10 * * * *');
}
