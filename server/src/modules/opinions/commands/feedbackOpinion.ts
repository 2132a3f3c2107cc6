import type { RequestContext } from '../../../platform/context.js';
import { dueAfter } from '../opinions.deadlines.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { announce } from '../opinions.events.js';
import { findOpinion, followersOf, markFollowersFedBack } from '../opinions.repo.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/**
 * 反馈群众: the answer is delivered to the constituent, whose evaluation window opens. Every
 * constituent whose duplicate was merged into this case hears the same answer: they are among the
 * event's recipients, and their own cases record the delivery.
 */
export function feedbackOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: Omit<BodyOf<'feedback'>, 'action'>,
) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'feedback',
    prepare: async ({ tx, row, now, calendar }) => {
      const followers = await followersOf(tx, row.id);
      const dueAt = await dueAfter(tx, calendar, row.regionCode, 'opinion.evaluation', now);
      return {
        set: { fedBackAt: now, dueAt },
        note: body.note,
        data: followers.length ? { mergedOpinionIds: followers.map((f) => f.id) } : undefined,
        payload: {
          result: row.replyResult,
          recipients: [
            { opinionId: row.id, trackingCode: row.trackingCode },
            ...followers.map((f) => ({ opinionId: f.id, trackingCode: f.trackingCode })),
          ],
        },
        after: async (t, saved) => {
          await markFollowersFedBack(t, row.id, now);
          for (const f of followers) {
            const merged = await findOpinion(t, f.id);
            if (!merged) continue;
            await announce(t, ctx, merged, null, {
              action: 'primary_feedback',
              note: body.note,
              data: { primaryId: saved.id, primaryTrackingCode: saved.trackingCode, result: saved.replyResult },
              at: now,
            });
          }
        },
      };
    },
  });
}
