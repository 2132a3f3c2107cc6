import { chinaDate } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, forbidden } from '../../../platform/errors.js';
import { afterCommitDispatch } from '../../../platform/outbox.js';
import { searchDocument } from '../../../platform/text/tokens.js';
import { nowOf, type SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import { findCategory, type MandateRow } from '../suggestions.parties.repo.js';
import { assertPhaseOpen, checkCosigners, leadMandateFor, placeOf } from '../suggestions.place.js';
import { insertSuggestion, inviteCosigners, type SuggestionRow } from '../suggestions.repo.js';
import type { DraftInput } from '../suggestions.schema.js';

/** A category must exist and be in use. */
export async function assertCategory(deps: SuggestionDeps, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const category = await findCategory(deps.db, id);
  if (!category?.active) {
    throw badRequest('CATEGORY_NOT_FOUND', { zh: '建议类别不存在或已停用', en: 'The category does not exist or is inactive' });
  }
}

/** A motion raised by a delegation names the lead deputy's delegation; a suggestion is never a delegation's. */
export function delegationOf(kind: 'suggestion' | 'motion', byDelegation: boolean, lead: MandateRow): string | null {
  if (!byDelegation) return null;
  if (kind !== 'motion') {
    throw badRequest('DELEGATION_ONLY_FOR_MOTIONS', {
      zh: '只有议案可以由代表团提出',
      en: 'Only a motion can be raised by a delegation',
    });
  }
  if (!lead.delegation?.trim()) {
    throw badRequest('NO_DELEGATION', {
      zh: '您的代表信息中没有所属代表团，不能以代表团名义提出议案',
      en: 'Your mandate names no delegation: you cannot raise a motion in its name',
    });
  }
  return lead.delegation;
}

/**
 * A deputy drafts a suggestion or motion in a session or in the recess of a term, alone or with
 * co-signers invited at once (they are asked when the draft is sent out for co-signing).
 */
export async function draftSuggestion(deps: SuggestionDeps, ctx: RequestContext, input: DraftInput): Promise<SuggestionRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const now = nowOf(deps);
  const place = await placeOf(deps.db, input);
  assertPhaseOpen(place, chinaDate(now));
  const lead = await leadMandateFor(deps.db, user, place);
  await assertCategory(deps, input.categoryId);
  const delegation = delegationOf(input.kind, input.byDelegation, lead);
  const cosigners = await checkCosigners(deps.db, input.cosignerIds, place, lead);

  const row = await deps.db.transaction(async (tx) => {
    const saved = await insertSuggestion(
      tx,
      {
        regionCode: place.congress.regionCode,
        congressId: place.congress.id,
        termId: place.term.id,
        sessionId: place.session?.id ?? null,
        phase: place.phase,
        kind: input.kind,
        originalKind: input.kind,
        title: input.title,
        grounds: input.grounds,
        proposal: input.proposal,
        categoryId: input.categoryId ?? null,
        leadDeputyId: lead.id,
        byDelegation: delegation !== null,
        delegation,
        state: 'draft',
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
      },
      searchDocument(input.title, input.grounds, input.proposal),
    );
    await inviteCosigners(
      tx,
      cosigners.map((c) => ({
        suggestionId: saved.id,
        deputyId: c.id,
        regionCode: saved.regionCode,
        invitedBy: user.id,
        at: now,
      })),
    );
    await announce(tx, ctx, saved, null, {
      action: 'draft',
      toState: 'draft',
      data: { kind: saved.kind, phase: saved.phase, cosignerIds: cosigners.map((c) => c.id) },
      topics: ['suggestion.drafted'],
      audit: { kind: saved.kind, congressId: saved.congressId, termId: saved.termId, sessionId: saved.sessionId },
      at: now,
    });
    return saved;
  });
  await afterCommitDispatch(deps.jobs);
  return row;
}
