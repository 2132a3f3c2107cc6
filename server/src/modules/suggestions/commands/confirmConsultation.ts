import type { RequestContext } from '../../../platform/context.js';
import { conflict, notFound } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { assertLeadDeputy, noteChange } from '../suggestions.handling.flow.js';
import { answerConsultationGuarded, findConsultation } from '../suggestions.handling.repo.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { changeBeside } from '../suggestions.side.js';

/**
 * The lead deputy confirms that a consultation took place, or disputes it with a note. Answered once:
 * a second answer (or two at once) finds it no longer pending.
 */
export async function confirmConsultation(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  consultationId: string,
  body: { decision: 'confirm' | 'dispute'; note: string | null },
): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, facts, now }) => {
    assertLeadDeputy(facts, { zh: '确认面商情况', en: 'confirm a consultation' });
    const found = await findConsultation(tx, row.id, consultationId);
    if (!found) throw notFound('面商记录', 'Consultation');
    const confirmation = body.decision === 'confirm' ? 'confirmed' : 'disputed';
    const saved = await answerConsultationGuarded(tx, found.id, {
      confirmation,
      confirmedAt: now,
      confirmationNote: body.note,
    });
    if (!saved) {
      throw conflict('ALREADY_ANSWERED', {
        zh: '该面商记录已经确认或提出异议',
        en: 'This consultation was already confirmed or disputed',
      });
    }
    return noteChange(tx, ctx, row, now, {
      action: confirmation === 'confirmed' ? 'consultation_confirmed' : 'consultation_disputed',
      topic: 'suggestion.consultation_answered',
      note: body.note,
      data: { consultationId: found.id, confirmation, unitId: found.unitId },
    });
  });
}
