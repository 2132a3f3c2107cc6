import type { RequestContext } from '../../../platform/context.js';
import { badRequest } from '../../../platform/errors.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { attachFiles, filesOwnedBy, followersOf, updateRoundUnits } from '../opinions.repo.js';
import { currentRound, replyChanges } from '../opinions.rules.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/**
 * 答复: the lead unit answers with a result and an explanation, and may attach files it uploaded.
 * The reply is on time when made by the reply deadline (DESIGN §5, on-time rate).
 */
export function replyOpinion(deps: OpinionDeps, ctx: RequestContext, opinionId: string, body: Omit<BodyOf<'reply'>, 'action'>) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'reply',
    input: () => ({ replyText: !!body.text }),
    prepare: async ({ tx, row, now }) => {
      const fileIds = [...new Set(body.fileIds)];
      const owned = ctx.user ? await filesOwnedBy(tx, fileIds, ctx.user.id) : [];
      if (owned.length !== fileIds.length) {
        throw badRequest('FILE_NOT_FOUND', {
          zh: '附件不存在或不是您上传的',
          en: 'A file does not exist or was not uploaded by you',
        });
      }
      const round = currentRound(row);
      const followers = await followersOf(tx, row.id);
      const set = replyChanges(row, body.result, body.text, now);
      return {
        set,
        note: body.text,
        data: { result: body.result, round, onTime: set.repliedOnTime, fileIds },
        payload: { result: body.result, unitId: row.leadUnitId, mergedOpinionIds: followers.map((f) => f.id) },
        after: async (t) => {
          await attachFiles(t, row.id, fileIds, 'reply', now);
          await updateRoundUnits(t, row.id, round, { status: 'replied', at: now }, ['handling']);
        },
      };
    },
  });
}
