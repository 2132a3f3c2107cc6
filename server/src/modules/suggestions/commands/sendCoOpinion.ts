import type { RequestContext } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { assertAssignment, markReplied, noteChange, unitAssignment } from '../suggestions.handling.flow.js';
import { insertCoOpinion, roundAssignments } from '../suggestions.handling.repo.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { assertStateIn, changeBeside } from '../suggestions.side.js';

/**
 * A co unit sends its opinion to the lead unit (协办意见, within a month of the assignment by
 * default): its assignment is then done (send_opinion → replied), on time or not. It does not reply
 * to the deputy, and the suggestion's evaluation does not wait for it.
 */
export async function sendCoOpinion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { text: string },
): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    assertStateIn(row, ['assigned', 'rehandling'], { zh: '提出协办意见', en: 'send a co opinion' });
    const mine = await unitAssignment(tx, ctx, row);
    assertAssignment(mine, 'send_opinion', { opinionText: body.text.length > 0 });
    const lead = (await roundAssignments(tx, row.id, mine.round)).find(
      (a) => a.role === 'lead' && a.status !== 'returned' && a.status !== 'withdrawn',
    );
    if (!lead) {
      throw conflict('NO_LEAD_UNIT', {
        zh: '该建议目前没有主办单位，协办意见无处送达，请联系代表工委',
        en: 'The suggestion has no lead unit to send the opinion to; ask the office',
      });
    }
    const saved = await markReplied(tx, mine, 'send_opinion', { opinionText: true }, now);
    const opinion = await insertCoOpinion(tx, {
      suggestionId: row.id,
      regionCode: row.regionCode,
      assignmentId: mine.id,
      leadAssignmentId: lead.id,
      text: body.text,
      sentBy: ctx.user?.id ?? null,
      sentAt: now,
      onTime: saved.repliedOnTime,
    });
    if (!opinion) throw conflict('ALREADY_SENT', { zh: '协办意见已经提出过', en: 'The opinion was already sent' });
    return noteChange(tx, ctx, row, now, {
      action: 'co_opinion',
      topic: 'suggestion.co_opinion_sent',
      data: { assignmentId: mine.id, leadAssignmentId: lead.id, unitId: mine.unitId, onTime: saved.repliedOnTime },
    });
  });
}
