import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { noteChange, unitAssignment } from '../suggestions.handling.flow.js';
import { insertConsultation } from '../suggestions.handling.repo.js';
import type { ConsultationInput } from '../suggestions.handling.schema.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { assertStateIn, changeBeside } from '../suggestions.side.js';

/** A few minutes of clock difference between a phone and the server is not "in the future". */
const CLOCK_SLACK_MS = 10 * 60 * 1000;

/**
 * A unit records a contact with the lead deputy (面商: face to face, by phone, a visit, a meeting).
 * The deputy confirms it took place or disputes it; face-to-face ones feed the face-to-face rate.
 */
export async function logConsultation(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: ConsultationInput,
): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    assertStateIn(row, ['assigned', 'rehandling', 'awaiting_evaluation'], { zh: '记录面商情况', en: 'log a consultation' });
    const mine = await unitAssignment(tx, ctx, row);
    if (mine.status !== 'handling' && mine.status !== 'replied') {
      throw conflict('NOT_HANDLING', {
        zh: '请先签收该建议再记录面商情况',
        en: 'Accept the assignment before logging a consultation',
      });
    }
    const heldAt = new Date(body.heldAt);
    if (heldAt.getTime() > now.getTime() + CLOCK_SLACK_MS) {
      throw badRequest('HELD_IN_FUTURE', { zh: '沟通时间不能晚于现在', en: 'The consultation cannot be in the future' });
    }
    if (row.assignedAt && heldAt.getTime() < row.assignedAt.getTime() - 30 * 24 * 3600 * 1000) {
      throw badRequest('HELD_BEFORE_ASSIGNMENT', {
        zh: '沟通时间早于交办时间一个月以上，请核对',
        en: 'The consultation is more than a month before the assignment; check the time',
      });
    }
    const saved = await insertConsultation(tx, {
      suggestionId: row.id,
      regionCode: row.regionCode,
      assignmentId: mine.id,
      unitId: mine.unitId,
      deputyId: row.leadDeputyId,
      kind: body.kind,
      heldAt,
      place: body.place,
      participants: body.participants,
      summary: body.summary,
      createdBy: ctx.user?.id ?? null,
      createdAt: now,
    });
    return noteChange(tx, ctx, row, now, {
      action: 'consultation',
      topic: 'suggestion.consultation_logged',
      data: { consultationId: saved.id, kind: body.kind, unitId: mine.unitId, heldAt: heldAt.toISOString() },
    });
  });
}
