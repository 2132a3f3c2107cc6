import type { Tx } from '../../db/client.js';
import { addMonths, chinaDate, endOfChinaDay } from '../../platform/calendar/calendar.js';
import { type RequestContext, systemContext } from '../../platform/context.js';
import { AppError, forbidden } from '../../platform/errors.js';
import type { Text } from '../../platform/i18n.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { findCongress } from './congresses.repo.js';
import {
  type AssignmentAction,
  type AssignmentInput,
  allRepliesIn,
  decideAssignment,
} from './suggestions.assignment.workflow.js';
import { announce } from './suggestions.events.js';
import {
  type AssignmentRow,
  currentAssignmentOf,
  latestRound,
  replyOfAssignment,
  roundAssignments,
  updateAssignmentGuarded,
} from './suggestions.handling.repo.js';
import type { SuggestionFacts } from './suggestions.policy.js';
import { type SuggestionChanges, type SuggestionRow, touch, updateStateGuarded } from './suggestions.repo.js';
import { ACTION_TOPICS, changedMeanwhile } from './suggestions.transition.js';
import { decide, type SuggestionAction, type TransitionInput } from './suggestions.workflow.js';

/**
 * What the handling commands share: finding the acting unit's assignment, moving it through the
 * per-assignment workflow with a guarded write, noting a change beside the state on the timeline,
 * and the steps the system takes inside the same transaction (all replies in → awaiting evaluation;
 * the last commitment done → fulfilled). They run inside changeBeside's transaction, which holds the
 * suggestion's row lock, so two units finishing at once take turns and the suggestion moves once.
 */

export const SYSTEM_CTX: RequestContext = systemContext('handling');

/** The acting unit account's current assignment; 403 when the account acts for no assigned unit. */
export async function unitAssignment(tx: Tx, ctx: RequestContext, row: SuggestionRow): Promise<AssignmentRow> {
  const unitId = ctx.user?.role === 'unit_staff' ? ctx.user.organizationId : null;
  const assignment = unitId ? await currentAssignmentOf(tx, row.id, unitId) : undefined;
  if (!assignment) {
    throw forbidden({ zh: '只有被交办的单位可以办理该建议', en: 'Only a unit this suggestion is assigned to may do this' });
  }
  return assignment;
}

/** Asks the assignment workflow; throws its refusal. */
export function assertAssignment(a: AssignmentRow, action: AssignmentAction, input: AssignmentInput): void {
  const d = decideAssignment(a.status, action, 'unit_staff', { role: a.role, actorIsUnit: true, ...input });
  if (!d.ok) throw new AppError(d.status, d.code, d.text, d.details);
}

/** Moves an assignment to replied (a reply or a co opinion) with the guarded write; 409 when it moved meanwhile. */
export async function markReplied(
  tx: Tx,
  a: AssignmentRow,
  action: AssignmentAction,
  input: AssignmentInput,
  now: Date,
): Promise<AssignmentRow> {
  const d = decideAssignment(a.status, action, 'unit_staff', { role: a.role, actorIsUnit: true, ...input });
  if (!d.ok) throw new AppError(d.status, d.code, d.text, d.details);
  const saved = await updateAssignmentGuarded(tx, a.id, a.status, d.next, {
    repliedAt: now,
    repliedOnTime: now.getTime() <= a.dueAt.getTime(),
    updatedAt: now,
  });
  if (!saved) {
    throw new AppError(409, 'ASSIGNMENT_CHANGED', {
      zh: '该交办刚刚已被他人处理，请刷新后重试',
      en: 'Someone else acted on this assignment a moment ago; reload and try again',
    });
  }
  return saved;
}

/** A change beside the state: the suggestion's version moves and the timeline, audit and outbox record it. */
export async function noteChange(
  tx: Tx,
  ctx: RequestContext,
  row: SuggestionRow,
  now: Date,
  a: { action: string; topic: string; note?: string | null; data?: Record<string, unknown> },
): Promise<SuggestionRow> {
  const after = await touch(tx, row.id, now);
  await announce(tx, ctx, after, row, {
    action: a.action,
    note: a.note ?? null,
    data: a.data ?? null,
    topics: [a.topic],
    audit: a.data,
    at: now,
  });
  return after;
}

/** A transition the system takes inside the caller's transaction (the caller holds the row lock). */
export async function systemStep(
  tx: Tx,
  row: SuggestionRow,
  action: SuggestionAction,
  input: TransitionInput,
  now: Date,
  p: { set?: SuggestionChanges; note?: string; data?: Record<string, unknown> },
): Promise<SuggestionRow> {
  const d = decide(row.state, action, 'system', { kind: row.kind, ...input });
  if (!d.ok) throw new AppError(d.status, d.code, d.text, d.details);
  const overdue = row.dueAt ? now.getTime() > row.dueAt.getTime() : null;
  const saved = await updateStateGuarded(
    tx,
    row.id,
    row.state,
    d.next,
    { dueAt: null, overdue: false, ...p.set, updatedAt: now },
    overdue ? row.state : null,
  );
  if (!saved) throw changedMeanwhile(row);
  await announce(tx, SYSTEM_CTX, saved, row, {
    action,
    fromState: row.state,
    toState: d.next,
    note: p.note ?? null,
    data: p.data ?? null,
    stageOverdue: overdue,
    topics: [ACTION_TOPICS[action]],
    audit: p.data,
    at: now,
  });
  return saved;
}

/** The instant `workingDays` working days after `now`, on the China calendar the administrators keep. */
export async function workingDaysAfter(tx: Tx, now: Date, workingDays: number): Promise<Date> {
  return (await loadCalendar(tx)).dueAfterWorkingDays(now, workingDays);
}

export const monthsAfter = (now: Date, months: number): Date => endOfChinaDay(addMonths(chinaDate(now), months));

/**
 * After a reply is sent: when every replying unit of the round has replied, the suggestion goes to
 * the deputy's evaluation, due `evaluation_working_days` working days later (DESIGN §4). The class
 * shown for the suggestion is the lead unit's (else the first replying unit's).
 */
export async function completeIfAllIn(tx: Tx, row: SuggestionRow, now: Date): Promise<SuggestionRow> {
  if (row.state !== 'assigned' && row.state !== 'rehandling') return row;
  const round = await latestRound(tx, row.id);
  const assignments = await roundAssignments(tx, row.id, round);
  if (!allRepliesIn(assignments)) return row;
  const congress = await findCongress(tx, row.congressId);
  const due = await workingDaysAfter(tx, now, congress?.evaluationWorkingDays ?? 20);
  const lead =
    assignments.find((a) => a.role === 'lead' && a.status === 'replied') ?? assignments.find((a) => a.status === 'replied');
  const reply = lead ? await replyOfAssignment(tx, lead.id) : undefined;
  return systemStep(tx, row, 'all_replied', {}, now, {
    set: { dueAt: due, evaluationRound: round, replyClass: reply?.replyClass ?? null, repliedAt: now },
    note: round === 2 ? '重新办理答复齐全，待代表再次评价' : '答复齐全，待代表评价',
    data: { round, evaluationDueAt: due.toISOString() },
  });
}

/** 403 unless the account is the suggestion's lead deputy. */
export function assertLeadDeputy(facts: SuggestionFacts, what: Text): void {
  if (facts.role !== 'deputy' || !facts.lead) {
    throw forbidden({ zh: `只有领衔代表可以${what.zh}`, en: `Only the lead deputy may ${what.en}` });
  }
}
