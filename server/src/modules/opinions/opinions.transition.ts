import type { Tx } from '../../db/client.js';
import type { WorkingCalendar } from '../../platform/calendar/calendar.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { afterCommitDispatch } from '../../platform/outbox.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { stageOverdue } from './opinions.deadlines.js';
import { nowOf, type OpinionDeps } from './opinions.deps.js';
import { type Anonymous, announce } from './opinions.events.js';
import { assertMayAct, assertMayView, type CaseFacts, caseFacts, guardInput } from './opinions.policy.js';
import { findOpinion, type OpinionChanges, type OpinionRow, updateStateGuarded } from './opinions.repo.js';
import {
  type Actor,
  decide,
  type OpinionAction,
  type OpinionState,
  STATE_LABELS,
  type TransitionInput,
} from './opinions.workflow.js';

/**
 * Applies one transition of the opinion loop, whatever it is (DESIGN §3): in one transaction it reads
 * the case, asks the workflow, writes the new state with a guarded UPDATE … WHERE state = from,
 * freezes the ending stage's overdue flag, appends the timeline event, the audit row and the outbox
 * messages. Each command only says what its action changes beside the state.
 */

export interface StageContext {
  tx: Tx;
  row: OpinionRow;
  next: OpinionState;
  now: Date;
  calendar: WorkingCalendar;
  ctx: RequestContext;
  /** Null when no account acts (the constituent through the portal, the deadline jobs). */
  facts: CaseFacts | null;
}

export interface Prepared {
  /** Columns beside the state. due_at is the new stage's deadline: left out, the stage has none. */
  set?: OpinionChanges;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Extra outbox payload. */
  payload?: Record<string, unknown>;
  /** Writes that belong to the same change (units of a round, followers of a merge). */
  after?: (tx: Tx, updated: OpinionRow) => Promise<void>;
}

export interface TransitionRequest {
  opinionId: string;
  action: OpinionAction;
  /** Who acts when no account does. */
  as?: Anonymous;
  /** The guard facts the request carries (a reason, a reply text, an evaluation…). */
  input?: (row: OpinionRow) => TransitionInput;
  /** Checks that need the database and the changes of this action; runs after the workflow agreed. */
  prepare?: (s: StageContext) => Promise<Prepared> | Prepared;
}

/** The outbox topic of each action; a case that closes also announces opinion.closed. */
export const ACTION_TOPICS: Record<OpinionAction, string> = {
  accept: 'opinion.accepted',
  reject: 'opinion.rejected',
  answer_on_spot: 'opinion.replied',
  resolve: 'opinion.replied',
  escalate: 'opinion.escalated',
  transfer: 'opinion.transferred',
  unit_accept: 'opinion.unit_accepted',
  unit_return: 'opinion.returned',
  reply: 'opinion.replied',
  feedback: 'opinion.feedback',
  evaluate: 'opinion.evaluated',
  rehandle: 'opinion.rehandled',
  expire_evaluation: 'opinion.closed',
  merge: 'opinion.merged',
  convert: 'opinion.converted',
};

/** 409 when the guarded write finds the case moved on since it was read. */
export const changedMeanwhile = (current: OpinionState | undefined) => {
  const label = current ? STATE_LABELS[current] : null;
  return conflict('OPINION_CHANGED', {
    zh: `该意见刚刚已被他人处理${label ? `（当前状态：${label.zh}）` : ''}，请刷新后重试`,
    en: `Someone else acted on this opinion a moment ago${label ? ` (it is now ${label.en.toLowerCase()})` : ''}; reload and try again`,
  });
};

/**
 * Reads the case for a change and checks that the account may act on it at all: 404 when there is no
 * such case, 403 when it is not the account's to see or to act on. Without an account (the portal,
 * the jobs) the caller has made its own checks.
 */
export async function openCaseToAct(
  tx: Tx,
  ctx: RequestContext,
  opinionId: string,
): Promise<{ row: OpinionRow; facts: CaseFacts | null }> {
  const row = await findOpinion(tx, opinionId);
  if (!row) throw notFound('意见', 'Opinion');
  if (!ctx.user) return { row, facts: null };
  const facts = await caseFacts(tx, ctx.user, row);
  assertMayView(facts);
  assertMayAct(facts);
  return { row, facts };
}

export async function applyTransition(deps: OpinionDeps, ctx: RequestContext, req: TransitionRequest): Promise<OpinionRow> {
  const now = nowOf(deps);
  const calendar = await loadCalendar(deps.db);
  const updated = await deps.db.transaction(async (tx) => {
    const { row, facts } = await openCaseToAct(tx, ctx, req.opinionId);
    const actor: Actor = ctx.user ? ctx.user.role : (req.as ?? 'system');

    const decision = decide(row.state, req.action, actor, { ...(facts ? guardInput(facts) : {}), ...(req.input?.(row) ?? {}) });
    if (!decision.ok) throw new AppError(decision.status, decision.code, decision.text);
    const next = decision.next;

    const prepared = (await req.prepare?.({ tx, row, next, now, calendar, ctx, facts })) ?? {};
    const overdue = stageOverdue(row.state, row.dueAt, now);
    const saved = await updateStateGuarded(
      tx,
      row.id,
      row.state,
      next,
      // A new stage starts without a deadline, reminder or overdue flag unless the action sets them.
      { dueAt: null, overdue: false, remindedAt: null, ...prepared.set, updatedAt: now },
      overdue ? row.state : null,
    );
    if (!saved) throw changedMeanwhile((await findOpinion(tx, row.id))?.state);

    await prepared.after?.(tx, saved);
    const topics = [ACTION_TOPICS[req.action]];
    if (next === 'closed' && req.action !== 'expire_evaluation') topics.push('opinion.closed');
    await announce(tx, ctx, saved, row, {
      action: req.action,
      fromState: row.state,
      toState: next,
      note: prepared.note ?? null,
      data: prepared.data ?? null,
      stageOverdue: overdue,
      topics,
      payload: prepared.payload,
      audit: prepared.data,
      as: req.as,
      at: now,
    });
    return saved;
  });
  await afterCommitDispatch(deps.jobs);
  return updated;
}
