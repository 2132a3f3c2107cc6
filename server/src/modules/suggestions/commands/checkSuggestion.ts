import type { Executor } from '../../../db/client.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, forbidden } from '../../../platform/errors.js';
import { inScope } from '../../../platform/scope.js';
import { findCongress } from '../congresses.repo.js';
import { checkMatters, type MattersCheck } from '../suggestions.matters.js';
import { mandatesOfPerson } from '../suggestions.parties.repo.js';
import { loadVisible } from '../suggestions.present.js';
import { type SimilarText, similarSuggestions } from '../suggestions.similar.js';

export interface Notices {
  matters: MattersCheck;
  similar: Awaited<ReturnType<typeof similarSuggestions>>;
}

/** The one-matter warning and the similar suggestions of the congress, this session and past ones. */
export async function noticesFor(
  db: Executor,
  q: { congressId: string | null; text: SimilarText; excludeIds?: string[] },
): Promise<Notices> {
  return {
    matters: checkMatters(q.text),
    similar: q.congressId
      ? await similarSuggestions(db, { congressId: q.congressId, text: q.text, excludeIds: q.excludeIds })
      : [],
  };
}

/**
 * The check a form runs before submitting. Similar suggestions are looked up in a congress the
 * account works with: a deputy's own congress, or one in the office's region.
 */
export async function checkSuggestion(
  db: Executor,
  ctx: RequestContext,
  input: { congressId?: string | null; suggestionId?: string | null; title: string; grounds: string; proposal: string },
): Promise<Notices> {
  const user = ctx.user;
  if (!user) throw forbidden();
  let congressId = input.congressId ?? null;
  if (input.suggestionId) {
    const { row } = await loadVisible(db, user, input.suggestionId);
    congressId ??= row.congressId;
  }
  if (congressId) {
    const congress = await findCongress(db, congressId);
    if (!congress) throw badRequest('CONGRESS_NOT_FOUND', { zh: '所选人大不存在', en: 'The congress does not exist' });
    const mine =
      user.role === 'deputy'
        ? (await mandatesOfPerson(db, user.personId)).some(
            (m) => m.level === congress.level && m.congressRegionCode === congress.regionCode,
          )
        : inScope(user, congress.regionCode);
    if (!mine) throw forbidden({ zh: '您不能查看该人大的建议', en: "You may not look into this congress's suggestions" });
  }
  return noticesFor(db, {
    congressId,
    text: input,
    excludeIds: input.suggestionId ? [input.suggestionId] : [],
  });
}
