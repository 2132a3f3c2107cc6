import type { RequestContext } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { noteChange, unitAssignment } from '../suggestions.handling.flow.js';
import { replyOfAssignment, updateReplyGuarded } from '../suggestions.handling.repo.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { assertStateIn, changeBeside } from '../suggestions.side.js';
import { replyNotIn } from './draftReply.js';

/** The unit's head sends a reply waiting for signature back to the drafter, with the reason. */
export async function returnReply(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { reason: string },
): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    assertStateIn(row, ['assigned', 'rehandling'], { zh: '退回答复', en: 'return a reply' });
    const mine = await unitAssignment(tx, ctx, row);
    const reply = await replyOfAssignment(tx, mine.id);
    if (!reply) throw conflict('NO_REPLY', { zh: '本单位尚未起草答复', en: 'Your unit has not drafted a reply' });
    const saved = await updateReplyGuarded(tx, reply.id, ['awaiting_approval', 'approved'], {
      status: 'draft',
      approvedBy: null,
      approvedAt: null,
      updatedAt: now,
    });
    if (!saved) throw replyNotIn(reply, { zh: '退回修改', en: 'return it' });
    return noteChange(tx, ctx, row, now, {
      action: 'reply_returned',
      topic: 'suggestion.reply_returned',
      note: body.reason,
      data: { replyId: reply.id, assignmentId: mine.id },
    });
  });
}
