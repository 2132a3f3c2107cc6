import { createHash } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { assertAssignment, completeIfAllIn, markReplied, noteChange, unitAssignment } from '../suggestions.handling.flow.js';
import { commitmentsOf, replyOfAssignment, updateReplyGuarded } from '../suggestions.handling.repo.js';
import { DOCX_MIME, letterData, letterFilename, renderLetter } from '../suggestions.letter.js';
import { attachFile, insertFile, type SuggestionRow } from '../suggestions.repo.js';
import { assertStateIn, changeBeside } from '../suggestions.side.js';
import { replyNotIn } from './draftReply.js';

/**
 * The unit sends its approved reply to the deputy (答复): the letter is made and kept with the
 * suggestion, the reply is sent, and the assignment is replied (on time or not). When this was the
 * last reply of the round, the suggestion goes to the deputy's evaluation in the same transaction.
 * Only the approved reply goes (400 before approval); two sends at once take turns on the
 * suggestion's row lock and the second finds the assignment already replied (409).
 */
export async function sendReply(deps: SuggestionDeps, ctx: RequestContext, id: string): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    assertStateIn(row, ['assigned', 'rehandling'], { zh: '发送答复', en: 'send a reply' });
    const mine = await unitAssignment(tx, ctx, row);
    const reply = await replyOfAssignment(tx, mine.id);
    assertAssignment(mine, 'reply', { replyApproved: reply?.status === 'approved' && !!reply.replyClass });
    if (!reply) throw new Error('unreachable: an approved reply exists');
    const commitments = (await commitmentsOf(tx, row.id)).filter((c) => c.replyId === reply.id);
    const letter = await letterData(tx, row, { ...reply, sentAt: now }, commitments, now);
    const content = await renderLetter(letter);
    const file = await insertFile(tx, {
      regionCode: row.regionCode,
      filename: letterFilename(letter),
      mimeType: DOCX_MIME,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      createdBy: ctx.user?.id ?? null,
      createdAt: now,
    });
    await attachFile(tx, {
      suggestionId: row.id,
      fileId: file.id,
      regionCode: row.regionCode,
      kind: 'reply_letter',
      createdBy: ctx.user?.id ?? null,
      at: now,
    });
    const assignment = await markReplied(tx, mine, 'reply', { replyApproved: true }, now);
    const sent = await updateReplyGuarded(tx, reply.id, ['approved'], {
      status: 'sent',
      sentAt: now,
      onTime: assignment.repliedOnTime,
      letterFileId: file.id,
      updatedAt: now,
    });
    if (!sent) throw replyNotIn(reply, { zh: '发送', en: 'send it' });
    const after = await noteChange(tx, ctx, row, now, {
      action: 'reply_sent',
      topic: 'suggestion.reply_sent',
      data: {
        replyId: reply.id,
        assignmentId: mine.id,
        unitId: mine.unitId,
        round: mine.round,
        replyClass: reply.replyClass,
        onTime: assignment.repliedOnTime,
        letterFileId: file.id,
      },
    });
    return completeIfAllIn(tx, after, now);
  });
}
