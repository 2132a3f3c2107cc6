import type { RequestContext } from '../../../platform/context.js';
import { badRequest } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import { mandatesByIds } from '../suggestions.parties.repo.js';
import { checkCosigners, placeOf } from '../suggestions.place.js';
import { inviteCosigners as invite, listCosigners, type SuggestionRow, touch } from '../suggestions.repo.js';
import { LIMITS } from '../suggestions.schema.js';
import { assertLead, assertStateIn, changeBeside } from '../suggestions.side.js';

/**
 * The lead deputy invites deputies of the same congress and term to co-sign. While the suggestion is
 * out for co-signing they are asked at once; on a draft, when it is sent out. A deputy who declined
 * may be asked again; one already asked keeps their answer.
 */
export async function inviteCosigners(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  deputyIds: string[],
): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, facts, now }) => {
    assertLead(facts);
    assertStateIn(row, ['draft', 'cosigning'], { zh: '邀请联名', en: 'invite co-signers' });
    const place = await placeOf(tx, { sessionId: row.sessionId, termId: row.termId });
    const [lead] = await mandatesByIds(tx, [row.leadDeputyId]);
    if (!lead) throw new Error('lead mandate vanished');
    await checkCosigners(tx, deputyIds, place, lead);
    const already = new Set((await listCosigners(tx, row.id)).map((c) => c.deputyId));
    const total = new Set([...already, ...deputyIds]).size;
    if (total > LIMITS.cosigners) {
      throw badRequest('TOO_MANY_COSIGNERS', {
        zh: `联名代表最多 ${LIMITS.cosigners} 名`,
        en: `At most ${LIMITS.cosigners} co-signers`,
      });
    }
    const invited = await invite(
      tx,
      deputyIds.map((deputyId) => ({
        suggestionId: row.id,
        deputyId,
        regionCode: row.regionCode,
        invitedBy: ctx.user?.id ?? null,
        at: now,
      })),
    );
    const saved = await touch(tx, row.id, now);
    const sent = row.state === 'cosigning';
    await announce(tx, ctx, saved, row, {
      action: 'invite',
      data: { deputyIds: invited, sent },
      // Invitations on a draft are sent when it goes out for co-signing (submit).
      topics: sent && invited.length > 0 ? ['suggestion.cosign_invited'] : [],
      payload: { deputyIds: invited },
      at: now,
    });
    return saved;
  });
}
