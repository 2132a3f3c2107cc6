import { chinaDate } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { noteChange, systemStep } from '../suggestions.handling.flow.js';
import { completeCommitmentGuarded, findCommitment, findReply, openCommitments } from '../suggestions.handling.repo.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { changeBeside } from '../suggestions.side.js';

/**
 * The unit that promised marks a commitment of its sent class B or C reply done, with what it did
 * and when. When that was the last open one of a closed suggestion, the suggestion is fulfilled at
 * once (from 答复满意 to 结果满意) — the office may also do it (fulfilSuggestion).
 */
export async function completeCommitment(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  commitmentId: string,
  body: { note: string | null; doneOn?: string | null },
): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    const commitment = await findCommitment(tx, row.id, commitmentId);
    if (!commitment) throw notFound('承诺事项', 'Commitment');
    if (ctx.user?.role !== 'unit_staff' || ctx.user.organizationId !== commitment.unitId) {
      throw forbidden({
        zh: '只有作出承诺的单位可以报告落实情况',
        en: 'Only the unit that made the commitment may report it done',
      });
    }
    const reply = await findReply(tx, row.id, commitment.replyId);
    if (reply?.status !== 'sent') {
      throw conflict('REPLY_NOT_SENT', { zh: '答复发出后才能报告承诺落实情况', en: 'Report commitments once the reply is sent' });
    }
    if (commitment.status !== 'open') {
      throw conflict('COMMITMENT_CLOSED', { zh: '该承诺事项已经落实', en: 'This commitment is already done' });
    }
    const today = chinaDate(now);
    if (body.doneOn && body.doneOn > today) {
      throw badRequest('DONE_IN_FUTURE', { zh: '落实日期不能晚于今天', en: 'The completion date cannot be in the future' });
    }
    const doneAt = body.doneOn && body.doneOn !== today ? new Date(`${body.doneOn}T12:00:00+08:00`) : now;
    const saved = await completeCommitmentGuarded(tx, commitment.id, { doneAt, doneNote: body.note, updatedAt: now });
    if (!saved) throw conflict('COMMITMENT_CLOSED', { zh: '该承诺事项已经落实', en: 'This commitment is already done' });
    const after = await noteChange(tx, ctx, row, now, {
      action: 'commitment_done',
      topic: 'suggestion.commitment_done',
      note: body.note,
      data: { commitmentId: commitment.id, replyId: commitment.replyId, unitId: commitment.unitId, doneAt: doneAt.toISOString() },
    });
    const committed = after.replyClass === 'B' || after.replyClass === 'C';
    if (after.state !== 'closed' || !committed) return after;
    const open = await openCommitments(tx, row.id, Math.max(1, after.evaluationRound));
    if (open > 0) return after;
    return systemStep(tx, after, 'fulfil', { replyClass: after.replyClass, openCommitments: 0 }, now, {
      set: { fulfilledAt: now },
      note: '办理承诺全部落实',
      data: { by: 'last_commitment', commitmentId: commitment.id },
    });
  });
}
