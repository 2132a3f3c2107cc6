import type { RequestContext } from '../../../platform/context.js';
import { AppError, badRequest, conflict } from '../../../platform/errors.js';
import { emit } from '../../../platform/outbox.js';
import { inScope } from '../../../platform/scope.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { announce, basePayload } from '../opinions.events.js';
import { lockPrimary, repointFollowers } from '../opinions.repo.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';
import { isClosed, STATE_LABELS } from '../opinions.workflow.js';

/**
 * 并案: a duplicate joins a primary case and follows it; its constituent still hears the answer.
 * Cases that had been merged into the duplicate follow the primary too. The primary is locked for
 * the transaction so it cannot close or be merged away while this one joins it.
 */
export function mergeOpinion(deps: OpinionDeps, ctx: RequestContext, opinionId: string, body: Omit<BodyOf<'merge'>, 'action'>) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'merge',
    input: () => ({ mergeTarget: !!body.primaryId }),
    prepare: async ({ tx, row, now }) => {
      const primaryId = body.primaryId as string;
      if (primaryId === row.id)
        throw badRequest('MERGE_SELF', { zh: '不能并入自身', en: 'An opinion cannot be merged into itself' });
      const primary = await lockPrimary(tx, primaryId);
      if (!primary)
        throw badRequest('PRIMARY_NOT_FOUND', { zh: '要并入的主意见不存在', en: 'The opinion to merge into does not exist' });
      if (ctx.user && !inScope(ctx.user, primary.regionCode)) {
        throw new AppError(403, 'FORBIDDEN', {
          zh: '主意见不在您的管辖区域内',
          en: 'The primary opinion is outside your region',
        });
      }
      if (isClosed(primary.state)) {
        const s = STATE_LABELS[primary.state];
        throw conflict('PRIMARY_CLOSED', {
          zh: `主意见当前状态为“${s.zh}”，不能再并入`,
          en: `The primary opinion is ${s.en.toLowerCase()}: nothing can be merged into it`,
        });
      }
      const primaryRef = { primaryId, primaryTrackingCode: primary.trackingCode };
      return {
        set: { mergedIntoId: primaryId, closedAt: now },
        note: body.note,
        data: primaryRef,
        payload: primaryRef,
        after: async (t, saved) => {
          await repointFollowers(t, row.id, primaryId, now);
          await announce(t, ctx, primary, null, {
            action: 'merged_in',
            note: body.note,
            data: { opinionId: row.id, trackingCode: row.trackingCode },
            at: now,
          });
          // Joining a case that was already answered: this constituent gets the answer now.
          if (primary.fedBackAt) {
            await emit(t, {
              topic: 'opinion.feedback',
              aggregateType: 'opinion',
              aggregateId: primary.id,
              regionCode: primary.regionCode,
              payload: {
                ...basePayload(primary),
                action: 'merged_in',
                result: primary.replyResult,
                recipients: [{ opinionId: saved.id, trackingCode: saved.trackingCode }],
              },
            });
          }
        },
      };
    },
  });
}
