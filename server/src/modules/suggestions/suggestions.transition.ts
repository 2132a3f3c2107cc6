import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, conflict, notFound, pgErrorCode } from '../../platform/errors.js';
import { afterCommitDispatch } from '../../platform/outbox.js';
import { nowOf, type SuggestionDeps } from './suggestions.deps.js';
import { announce } from './suggestions.events.js';
import { assertMayAct, assertMayView, guardInput, type SuggestionFacts, suggestionFacts } from './suggestions.policy.js';
import { findSuggestion, type SuggestionChanges, type SuggestionRow, updateStateGuarded } from './suggestions.repo.js';
import {
  type Actor,
  decide,
  kindLabel,
  STATE_LABELS,
  type SuggestionAction,
  type SuggestionState,
  type TransitionInput,
} from './suggestions.workflow.js';

/**
 * Applies one transition of the suggestion loop (DESIGN §3): in one transaction it reads and locks
 * the suggestion, asks the workflow, writes the new state with a guarded UPDATE … WHERE state = from,
 * freezes the ending stage's overdue flag, and appends the timeline event, the audit row and the
 * outbox messages. Each command says only what its action changes beside the state.
 */

export interface StageContext {
  tx: Tx;
  row: SuggestionRow;
  next: SuggestionState;
  now: Date;
  ctx: RequestContext;
  /** Null when no account acts (the deadline jobs). */
  facts: SuggestionFacts | null;
}

export interface Prepared {
  /** Columns beside the state. due_at is the new stage's deadline: left out, the stage has none. */
  set?: SuggestionChanges;
  note?: string | null;
  data?: Record<string, unknown>;
  payload?: Record<string, unknown>;
  /** Outbox topics instead of the action's own (submitting a draft may only start co-signing). */
  topics?: string[];
  /** The text changed with the state: the search words are rebuilt. */
  searchDocument?: string;
  /** Writes that belong to the same change (co-signers asked again, followers of a merge). */
  after?: (tx: Tx, updated: SuggestionRow) => Promise<void>;
}

export interface TransitionRequest {
  suggestionId: string;
  action: SuggestionAction;
  /** The guard facts of the request and of the suggestion (co-signer counts, a reason…). */
  input?: (tx: Tx, row: SuggestionRow) => Promise<TransitionInput> | TransitionInput;
  /** Checks that need the database and the changes of this action; runs after the workflow agreed. */
  prepare?: (s: StageContext) => Promise<Prepared> | Prepared;
}

/** The outbox topic of each action. */
export const ACTION_TOPICS: Record<SuggestionAction, string> = {
  submit: 'suggestion.submitted',
  recall: 'suggestion.recalled',
  withdraw: 'suggestion.withdrawn',
  accept: 'suggestion.accepted',
  return_for_revision: 'suggestion.returned_for_revision',
  reject: 'suggestion.rejected',
  merge: 'suggestion.merged',
  refer: 'suggestion.referred',
  list: 'suggestion.listed',
  convert: 'suggestion.converted',
  not_list: 'suggestion.not_listed',
  assign: 'suggestion.assigned',
  all_replied: 'suggestion.replied',
  evaluate: 'suggestion.evaluated',
  expire_evaluation: 'suggestion.evaluation_expired',
  fulfil: 'suggestion.fulfilled',
};

/** 409 when the guarded write finds the suggestion moved on since it was read. */
export const changedMeanwhile = (current: SuggestionRow | undefined) => {
  const label = current ? STATE_LABELS[current.state] : null;
  return conflict('SUGGESTION_CHANGED', {
    zh: `该建议刚刚已被他人处理${label ? `（当前状态：${label.zh}）` : ''}，请刷新后重试`,
    en: `Someone else acted on this suggestion a moment ago${label ? ` (it is now ${label.en.toLowerCase()})` : ''}; reload and try again`,
  });
};

/**
 * Reads and locks the suggestion for a change and checks that the account may take this action on
 * it: 404 when there is none, 403 when it is not the account's to see or to act on. The lock makes
 * every change to one suggestion (a co-signer's answer and the submission among them) take turns.
 */
export async function openToAct(
  tx: Tx,
  ctx: RequestContext,
  suggestionId: string,
  action: SuggestionAction,
): Promise<{ row: SuggestionRow; facts: SuggestionFacts | null }> {
  const row = await findSuggestion(tx, suggestionId, { forUpdate: true });
  if (!row) throw notFound('建议', 'Suggestion');
  if (!ctx.user) return { row, facts: null };
  const facts = await suggestionFacts(tx, ctx.user, row);
  assertMayView(facts, row);
  assertMayAct(facts, action);
  return { row, facts };
}

const stageOverdue = (dueAt: Date | null, now: Date): boolean | null => (dueAt ? now.getTime() > dueAt.getTime() : null);

export async function applyTransition(deps: SuggestionDeps, ctx: RequestContext, req: TransitionRequest): Promise<SuggestionRow> {
  try {
    return await runTransition(deps, ctx, req);
  } catch (err) {
    // Two changes that lock the same suggestions in opposite order (A merged into B while B is merged
    // into A): PostgreSQL ends one of them, which is the same race lost as a failed guard.
    const code = pgErrorCode(err);
    if (code === '40P01' || code === '40001') throw changedMeanwhile(await findSuggestion(deps.db, req.suggestionId));
    throw err;
  }
}

async function runTransition(deps: SuggestionDeps, ctx: RequestContext, req: TransitionRequest): Promise<SuggestionRow> {
  const now = nowOf(deps);
  const updated = await deps.db.transaction(async (tx) => {
    const { row, facts } = await openToAct(tx, ctx, req.suggestionId, req.action);
    const actor: Actor = ctx.user ? ctx.user.role : 'system';
    const input: TransitionInput = {
      kind: row.kind,
      ...(facts ? guardInput(facts) : {}),
      ...((await req.input?.(tx, row)) ?? {}),
    };
    const decision = decide(row.state, req.action, actor, input);
    if (!decision.ok) throw new AppError(decision.status, decision.code, decision.text, decision.details);
    const next = decision.next;

    const prepared = (await req.prepare?.({ tx, row, next, now, ctx, facts })) ?? {};
    const overdue = stageOverdue(row.dueAt, now);
    const saved = await updateStateGuarded(
      tx,
      row.id,
      row.state,
      next,
      // A new stage starts without a deadline or overdue flag unless the action sets them.
      { dueAt: null, overdue: false, ...prepared.set, updatedAt: now },
      overdue ? row.state : null,
      prepared.searchDocument,
    );
    if (!saved) throw changedMeanwhile(await findSuggestion(tx, row.id));

    await prepared.after?.(tx, saved);
    await announce(tx, ctx, saved, row, {
      action: req.action,
      fromState: row.state,
      toState: next,
      note: prepared.note ?? null,
      data: prepared.data ?? null,
      stageOverdue: overdue,
      topics: prepared.topics ?? [ACTION_TOPICS[req.action]],
      payload: prepared.payload,
      audit: prepared.data,
      at: now,
    });
    return saved;
  });
  await afterCommitDispatch(deps.jobs);
  return updated;
}

/** "建议" or "议案", for messages about a row. */
export const nounOf = (row: Pick<SuggestionRow, 'kind'>) => kindLabel(row.kind);
