import type { Tx } from '../../../db/client.js';
import { chinaDate } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { assertAssignment, noteChange, unitAssignment } from '../suggestions.handling.flow.js';
import {
  type AssignmentRow,
  insertReply,
  type ReplyRow,
  replaceCommitments,
  replyOfAssignment,
  updateReplyGuarded,
} from '../suggestions.handling.repo.js';
import type { ReplyDraftInput } from '../suggestions.handling.schema.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { assertStateIn, changeBeside } from '../suggestions.side.js';

/**
 * A replying unit (lead, separate or joint) writes or rewrites its reply while it is a draft: the
 * class, the text, the reference number, signer and contact, and for class B or C what it promises
 * by when. A co unit is told it sends its opinion to the lead unit instead (409).
 */
export async function draftReply(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: ReplyDraftInput,
): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    assertStateIn(row, ['assigned', 'rehandling'], { zh: '起草答复', en: 'draft a reply' });
    const mine = await unitAssignment(tx, ctx, row);
    // Role and status only: approval is checked when the reply is sent.
    assertAssignment(mine, 'reply', { replyApproved: true });
    assertCommitments(body, chinaDate(now));
    const reply = await draftOf(tx, row, mine, ctx, now);
    const saved = await updateReplyGuarded(tx, reply.id, ['draft'], {
      replyClass: body.replyClass,
      text: body.text,
      referenceNumber: body.referenceNumber,
      signerName: body.signerName,
      contactName: body.contactName,
      contactPhone: body.contactPhone,
      draftedBy: ctx.user?.id ?? null,
      updatedAt: now,
    });
    if (!saved) throw replyLocked(reply);
    await replaceCommitments(tx, saved, body.commitments, now);
    return noteChange(tx, ctx, row, now, {
      action: 'reply_drafted',
      topic: 'suggestion.reply_drafted',
      data: { replyId: saved.id, assignmentId: mine.id, replyClass: body.replyClass, commitments: body.commitments.length },
    });
  });
}

/** The assignment's reply, made as an empty draft the first time. */
async function draftOf(tx: Tx, row: SuggestionRow, a: AssignmentRow, ctx: RequestContext, now: Date): Promise<ReplyRow> {
  const existing = await replyOfAssignment(tx, a.id);
  if (existing) return existing;
  const made = await insertReply(tx, {
    suggestionId: row.id,
    regionCode: row.regionCode,
    assignmentId: a.id,
    unitId: a.unitId,
    round: a.round,
    status: 'draft',
    text: '',
    draftedBy: ctx.user?.id ?? null,
    createdAt: now,
    updatedAt: now,
  });
  const reply = made ?? (await replyOfAssignment(tx, a.id));
  if (!reply) throw new Error('reply neither inserted nor found');
  return reply;
}

export function assertCommitments(body: Pick<ReplyDraftInput, 'replyClass' | 'commitments'>, today: string): void {
  if (body.commitments.length > 0 && body.replyClass !== 'B' && body.replyClass !== 'C') {
    throw badRequest('COMMITMENTS_NOT_FOR_CLASS', {
      zh: '只有 B 类、C 类答复填写办理承诺',
      en: 'Only class B and C replies carry commitments',
    });
  }
  const past = body.commitments.findIndex((c) => c.dueOn < today);
  if (past >= 0) {
    throw badRequest('COMMITMENT_IN_PAST', {
      zh: `第 ${past + 1} 项承诺的完成日期早于今天`,
      en: `Commitment ${past + 1} is due before today`,
    });
  }
}

const STATUS_WORDS: Record<ReplyRow['status'], { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'a draft' },
  awaiting_approval: { zh: '待签发', en: 'awaiting approval' },
  approved: { zh: '已签发', en: 'approved' },
  sent: { zh: '已答复', en: 'sent' },
};

export const replyLocked = (r: Pick<ReplyRow, 'status'>) =>
  conflict('REPLY_LOCKED', {
    zh: `答复当前为“${STATUS_WORDS[r.status].zh}”，不能修改${r.status === 'awaiting_approval' ? '；如需修改，请签发人退回' : ''}`,
    en: `The reply is ${STATUS_WORDS[r.status].en}: it cannot be changed${r.status === 'awaiting_approval' ? '; the approver may return it for changes' : ''}`,
  });

export const replyNotIn = (r: Pick<ReplyRow, 'status'>, what: { zh: string; en: string }) =>
  conflict('REPLY_STATUS', {
    zh: `答复当前为“${STATUS_WORDS[r.status].zh}”，不能${what.zh}`,
    en: `The reply is ${STATUS_WORDS[r.status].en}: you cannot ${what.en} now`,
  });
