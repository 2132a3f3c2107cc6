import type { RequestContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import { removeCosigner as remove, type SuggestionRow, touch } from '../suggestions.repo.js';
import { assertLead, assertStateIn, changeBeside } from '../suggestions.side.js';

/** The lead deputy takes back an invitation (or a signature) before the suggestion is submitted. */
export async function removeCosigner(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  deputyId: string,
): Promise<SuggestionRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, facts, now }) => {
    assertLead(facts);
    assertStateIn(row, ['draft', 'cosigning'], { zh: '移除联名代表', en: 'remove a co-signer' });
    if (!(await remove(tx, row.id, deputyId))) throw notFound('联名邀请', 'Invitation');
    const saved = await touch(tx, row.id, now);
    await announce(tx, ctx, saved, row, {
      action: 'uninvite',
      data: { deputyId },
      topics: row.state === 'cosigning' ? ['suggestion.cosign_withdrawn'] : [],
      payload: { deputyId },
      at: now,
    });
    return saved;
  });
}
