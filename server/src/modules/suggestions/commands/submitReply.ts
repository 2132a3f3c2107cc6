import { chinaDate } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { assertAssignment, noteChange, unitAssignment } from '../suggestions.handling.flow.js';
import { commitmentsOf, replyOfAssignment, updateReplyGuarded } from '../suggestions.handling.repo.js';
import { assertLetterComplete } from '../suggestions.letter.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { assertStateIn, changeBeside } from '../suggestions.side.js';
import { assertCommitments, replyNotIn } from './draftReply.js';

/**
 * The drafter hands the reply to the unit's head for signing (送签). Only a reply the letter can be
 * made from goes: every letter field filled, and for class B or C at least one commitment.
 */
export async function submitReply(deps: SuggestionDeps, ctx: RequestContext, id: string): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    assertStateIn(row, ['assigned', 'rehandling'], { zh: '提交签发', en: 'submit a reply for approval' });
    const mine = await unitAssignment(tx, ctx, row);
    assertAssignment(mine, 'reply', { replyApproved: true });
    const reply = await replyOfAssignment(tx, mine.id);
    if (!reply) throw conflict('NO_REPLY', { zh: '请先起草答复', en: 'Draft the reply first' });
    if (reply.status !== 'draft') throw replyNotIn(reply, { zh: '提交签发', en: 'submit it for approval' });
    assertLetterComplete(reply);
    const commitments = (await commitmentsOf(tx, row.id)).filter((c) => c.replyId === reply.id);
    if ((reply.replyClass === 'B' || reply.replyClass === 'C') && commitments.length === 0) {
      throw badRequest('COMMITMENTS_REQUIRED', {
        zh: `${reply.replyClass} 类答复须写明办理承诺（做什么、何时完成）`,
        en: `A class ${reply.replyClass} reply must state its commitments (what, by when)`,
      });
    }
    assertCommitments({ replyClass: reply.replyClass, commitments }, chinaDate(now));
    const saved = await updateReplyGuarded(tx, reply.id, ['draft'], {
      status: 'awaiting_approval',
      draftedBy: ctx.user?.id ?? null,
      updatedAt: now,
    });
    if (!saved) throw replyNotIn(reply, { zh: '提交签发', en: 'submit it for approval' });
    return noteChange(tx, ctx, row, now, {
      action: 'reply_submitted',
      topic: 'suggestion.reply_submitted',
      data: { replyId: reply.id, assignmentId: mine.id, replyClass: reply.replyClass },
    });
  });
}
