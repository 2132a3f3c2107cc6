import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { conflict, forbidden, notFound } from '../../platform/errors.js';
import { afterCommitDispatch } from '../../platform/outbox.js';
import { nowOf, type SuggestionDeps } from './suggestions.deps.js';
import { assertMayView, type SuggestionFacts, suggestionFacts } from './suggestions.policy.js';
import { findSuggestion, type SuggestionRow } from './suggestions.repo.js';
import { kindLabel, STATE_LABELS, type SuggestionState } from './suggestions.workflow.js';

/**
 * Changes beside the state — editing a draft, inviting and answering co-signers, attaching files —
 * run here: one transaction that locks the suggestion (so they take turns with the transitions),
 * checks that the account may see it, and dispatches the outbox after the commit.
 */
export interface Beside {
  tx: Tx;
  row: SuggestionRow;
  facts: SuggestionFacts;
  now: Date;
}

export async function changeBeside<T>(
  deps: SuggestionDeps,
  ctx: RequestContext,
  suggestionId: string,
  work: (b: Beside) => Promise<T>,
): Promise<T> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const now = nowOf(deps);
  const result = await deps.db.transaction(async (tx) => {
    const row = await findSuggestion(tx, suggestionId, { forUpdate: true });
    if (!row) throw notFound('建议', 'Suggestion');
    const facts = await suggestionFacts(tx, user, row);
    assertMayView(facts, row);
    return work({ tx, row, facts, now });
  });
  await afterCommitDispatch(deps.jobs);
  return result;
}

export function assertLead(facts: SuggestionFacts): void {
  if (!facts.lead) throw forbidden({ zh: '只有领衔代表可以进行此操作', en: 'Only the lead deputy may do this' });
}

/** 409 naming the state when a change needs the suggestion in other states. */
export function assertStateIn(
  row: Pick<SuggestionRow, 'state' | 'kind'>,
  states: readonly SuggestionState[],
  what: { zh: string; en: string },
): void {
  if (states.includes(row.state)) return;
  const s = STATE_LABELS[row.state];
  const k = kindLabel(row.kind);
  throw conflict('INVALID_STATE', {
    zh: `该${k.zh}当前状态为“${s.zh}”，不能${what.zh}`,
    en: `The ${k.en} is ${s.en.toLowerCase()}: you cannot ${what.en} now`,
  });
}
