import { chinaDate } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { loadCalendar } from '../../calendar/calendar.repo.js';
import { findCongress } from '../congresses.repo.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { mandatesByIds } from '../suggestions.parties.repo.js';
import { assertLeadServing, assertPhaseOpen, placeOf } from '../suggestions.place.js';
import { cosignerCounts, listCosigners, type SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';
import { type Notices, noticesFor } from './checkSuggestion.js';

/**
 * The lead deputy submits. A draft with co-signers goes out for co-signing first (the invitations are
 * sent); submitting it then sends it to the office, counting the confirmed signatures — a motion
 * without a delegation needs the congress's threshold, and the refusal says how many are missing. A
 * recess suggestion must be assigned within the congress's working days from now (DESIGN §4). The
 * answer carries the one-matter warning and the similar suggestions of this and past sessions.
 */
export async function submitSuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
): Promise<{ row: SuggestionRow; notices: Notices }> {
  const calendar = await loadCalendar(deps.db);
  const row = await applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'submit',
    input: async (tx, r) => {
      const [counts, congress] = await Promise.all([cosignerCounts(tx, r.id), findCongress(tx, r.congressId)]);
      return {
        contentComplete: r.grounds.trim().length > 0 && r.proposal.trim().length > 0,
        cosignerCount: counts.total,
        invitedCount: counts.invited,
        confirmedCount: counts.confirmedServing,
        minSigners: congress?.motionMinSigners,
        byDelegation: r.byDelegation,
      };
    },
    prepare: async ({ tx, row: r, next, now }) => {
      const place = await placeOf(tx, { sessionId: r.sessionId, termId: r.termId });
      assertPhaseOpen(place, chinaDate(now));
      const [lead] = await mandatesByIds(tx, [r.leadDeputyId]);
      assertLeadServing(lead);
      const cosigners = await listCosigners(tx, r.id);
      if (next === 'cosigning') {
        const invited = cosigners.filter((c) => c.status === 'invited').map((c) => c.deputyId);
        return {
          set: { cosigningStartedAt: now },
          data: { invited: invited.length },
          topics: ['suggestion.cosigning_started', 'suggestion.cosign_invited'],
          payload: { deputyIds: invited },
        };
      }
      const confirmed = cosigners.filter((c) => c.status === 'confirmed' && c.deputyStatus === 'serving');
      const dueAt = r.phase === 'recess' ? calendar.dueAfterWorkingDays(now, place.congress.assignWorkingDays) : null;
      return {
        set: { submittedAt: r.submittedAt ?? now, lastSubmittedAt: now, dueAt },
        data: {
          signers: 1 + confirmed.length,
          unanswered: cosigners.filter((c) => c.status === 'invited').length,
          declined: cosigners.filter((c) => c.status === 'declined').length,
        },
        payload: { cosignerIds: confirmed.map((c) => c.deputyId) },
      };
    },
  });
  const notices = await noticesFor(deps.db, { congressId: row.congressId, text: row, excludeIds: [row.id] });
  return { row, notices };
}
