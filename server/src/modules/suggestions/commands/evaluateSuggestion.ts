import type { RequestContext } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { findCongress } from '../congresses.repo.js';
import { REPLYING_ROLES } from '../suggestions.assignment.workflow.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { monthsAfter } from '../suggestions.handling.flow.js';
import { insertAssignments, insertEvaluation, roundAssignments } from '../suggestions.handling.repo.js';
import type { SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';
import type { Rating } from '../suggestions.workflow.js';

/**
 * The lead deputy rates the handling — result and attitude apart — within the evaluation window
 * (20 working days by default). Satisfied or basically satisfied closes it; unsatisfied after the
 * first round sends it back to the units that replied, as round-2 assignments already under way,
 * due `rehandle_months` later (1 month by default); the second evaluation is final. Only the lead
 * deputy rates (the policy refuses co-signers, the office and units with 403).
 */
export function evaluateSuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { result?: Rating | null; attitude?: Rating | null; comment: string | null },
): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'evaluate',
    input: (_tx, row) => ({
      result: body.result ?? null,
      attitude: body.attitude ?? null,
      evaluationRound: Math.max(1, row.evaluationRound),
    }),
    prepare: async ({ tx, row, next, now }) => {
      if (row.dueAt && now.getTime() > row.dueAt.getTime()) {
        throw conflict('EVALUATION_WINDOW_CLOSED', {
          zh: '评价期限已过，该建议将按未评价办结',
          en: 'The evaluation window has closed; the suggestion is closed unevaluated',
        });
      }
      const round = Math.max(1, row.evaluationRound);
      const saved = await insertEvaluation(tx, {
        suggestionId: row.id,
        regionCode: row.regionCode,
        round,
        assignmentId: null,
        deputyId: row.leadDeputyId,
        result: body.result ?? null,
        attitude: body.attitude ?? null,
        silent: false,
        comment: body.comment,
        evaluatedAt: now,
        createdBy: ctx.user?.id ?? null,
      });
      if (!saved) throw conflict('ALREADY_EVALUATED', { zh: '本轮已经评价过', en: 'This round is already evaluated' });
      const data = { round, result: body.result, attitude: body.attitude };
      if (next !== 'rehandling') return { set: { closedAt: now }, note: body.comment, data };
      const congress = await findCongress(tx, row.congressId);
      const due = monthsAfter(now, congress?.rehandleMonths ?? 1);
      const replied = (await roundAssignments(tx, row.id, round)).filter(
        (a) => REPLYING_ROLES.includes(a.role) && a.status === 'replied',
      );
      const again = await insertAssignments(
        tx,
        replied.map((a) => ({
          suggestionId: row.id,
          regionCode: row.regionCode,
          unitId: a.unitId,
          role: a.role,
          round: round + 1,
          status: 'handling' as const,
          assignedBy: null,
          assignedAt: now,
          acceptedAt: now,
          dueAt: due,
          originalDueAt: due,
          createdAt: now,
          updatedAt: now,
        })),
      );
      return {
        set: { dueAt: due, rehandleCount: row.rehandleCount + 1 },
        note: body.comment,
        data: { ...data, rehandleDueAt: due.toISOString(), units: again.map((a) => a.unitId) },
      };
    },
  });
}
