import { chinaDate } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, forbidden } from '../../../platform/errors.js';
import { searchDocument } from '../../../platform/text/tokens.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import { mandatesByIds } from '../suggestions.parties.repo.js';
import { assertPhaseOpen, leadMandateFor, placeOf } from '../suggestions.place.js';
import { listCosigners, type SuggestionChanges, type SuggestionRow, updateDraftGuarded } from '../suggestions.repo.js';
import type { EditInput } from '../suggestions.schema.js';
import { assertLead, assertStateIn, changeBeside } from '../suggestions.side.js';
import { changedMeanwhile } from '../suggestions.transition.js';
import { assertCategory, delegationOf } from './draftSuggestion.js';

/**
 * The lead deputy edits a draft: its text, category, kind, or where it belongs. Moving it to another
 * congress or term is refused while co-signers of the old one are invited.
 */
export async function editSuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  input: EditInput,
): Promise<SuggestionRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  await assertCategory(deps, input.categoryId);
  return changeBeside(deps, ctx, id, async ({ tx, row, facts, now }) => {
    assertLead(facts);
    assertStateIn(row, ['draft'], { zh: '修改', en: 'edit it' });
    const set: SuggestionChanges = { updatedAt: now };
    const moved = input.sessionId !== undefined || input.termId !== undefined;
    if (moved && (input.sessionId || input.termId)) {
      const place = await placeOf(tx, input);
      assertPhaseOpen(place, chinaDate(now));
      const lead = await leadMandateFor(tx, user, place);
      if (place.congress.id !== row.congressId || place.term.id !== row.termId) {
        if ((await listCosigners(tx, row.id)).length > 0) {
          throw badRequest('COSIGNERS_OF_OTHER_TERM', {
            zh: '已邀请的联名代表属于原届次，请先移除后再更换人大或届次',
            en: 'The invited co-signers belong to the old congress and term: remove them first',
          });
        }
      }
      Object.assign(set, {
        regionCode: place.congress.regionCode,
        congressId: place.congress.id,
        termId: place.term.id,
        sessionId: place.session?.id ?? null,
        phase: place.phase,
        leadDeputyId: lead.id,
      });
    }
    const kind = input.kind ?? row.kind;
    if (input.kind !== undefined) Object.assign(set, { kind, originalKind: kind });
    if (input.byDelegation !== undefined || input.kind !== undefined) {
      const [lead] = await mandatesByIds(tx, [set.leadDeputyId ?? row.leadDeputyId]);
      if (!lead) throw new Error('lead mandate vanished');
      const delegation = delegationOf(kind, input.byDelegation ?? row.byDelegation, lead);
      Object.assign(set, { byDelegation: delegation !== null, delegation });
    }
    if (input.title !== undefined) set.title = input.title;
    if (input.grounds !== undefined) set.grounds = input.grounds;
    if (input.proposal !== undefined) set.proposal = input.proposal;
    if (input.categoryId !== undefined) set.categoryId = input.categoryId;
    const text = { title: set.title ?? row.title, grounds: set.grounds ?? row.grounds, proposal: set.proposal ?? row.proposal };
    const saved = await updateDraftGuarded(tx, row.id, set, searchDocument(text.title, text.grounds, text.proposal));
    if (!saved) throw changedMeanwhile(row);
    await announce(tx, ctx, saved, row, {
      action: 'edit',
      data: { fields: Object.keys(input).filter((k) => input[k as keyof EditInput] !== undefined) },
      topics: ['suggestion.edited'],
      at: now,
    });
    return saved;
  });
}
