import type { RequestContext } from '../../../platform/context.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { noteChange, unitAssignment } from '../suggestions.handling.flow.js';
import { replyOfAssignment, updateReplyGuarded } from '../suggestions.handling.repo.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { assertStateIn, changeBeside } from '../suggestions.side.js';
import { replyNotIn } from './draftReply.js';

/**
 * The unit's head signs the reply (签发). The account model has no "unit head" role (one role per
 * account, DESIGN decisions), so approval is modelled as four eyes within the unit: another
 * unit_staff account of the same unit than the one that drafted and submitted it. The drafter
 * cannot sign their own reply (403).
 */
export async function approveReply(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { note: string | null },
): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    assertStateIn(row, ['assigned', 'rehandling'], { zh: '签发答复', en: 'approve a reply' });
    const mine = await unitAssignment(tx, ctx, row);
    const reply = await replyOfAssignment(tx, mine.id);
    if (!reply) throw conflict('NO_REPLY', { zh: '本单位尚未起草答复', en: 'Your unit has not drafted a reply' });
    if (reply.status !== 'awaiting_approval') throw replyNotIn(reply, { zh: '签发', en: 'approve it' });
    if (reply.draftedBy && reply.draftedBy === ctx.user?.id) {
      throw forbidden({
        zh: '答复须由起草人以外的单位负责人签发',
        en: 'The reply must be approved by the head of the unit, not by the person who drafted it',
      });
    }
    const saved = await updateReplyGuarded(tx, reply.id, ['awaiting_approval'], {
      status: 'approved',
      approvedBy: ctx.user?.id ?? null,
      approvedAt: now,
      updatedAt: now,
    });
    if (!saved) throw replyNotIn(reply, { zh: '签发', en: 'approve it' });
    return noteChange(tx, ctx, row, now, {
      action: 'reply_approved',
      topic: 'suggestion.reply_approved',
      note: body.note,
      data: { replyId: reply.id, assignmentId: mine.id, replyClass: reply.replyClass },
    });
  });
}
