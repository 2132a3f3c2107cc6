import type { Tx } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, conflict, forbidden, notFound, pgErrorCode } from '../../platform/errors.js';
import { afterCommitDispatch } from '../../platform/outbox.js';
import {
  type AssignmentChanges,
  type AssignmentRow,
  findAssignment,
  updateAssignmentGuarded,
} from './suggestions.assignment.repo.js';
import { ROLE_LABELS } from './suggestions.assignment.rules.js';
import {
  ASSIGNMENT_STATUS_LABELS,
  type AssignmentAction,
  type AssignmentInput,
  type AssignmentStatus,
  decideAssignment,
} from './suggestions.assignment.workflow.js';
import { nowOf, type SuggestionDeps } from './suggestions.deps.js';
import { announce } from './suggestions.events.js';
import { findOrganization } from './suggestions.parties.repo.js';
import { assertMayView, type SuggestionFacts, suggestionFacts } from './suggestions.policy.js';
import { findSuggestion, type SuggestionRow } from './suggestions.repo.js';

/**
 * Changes to one assignment (DESIGN §3.2, per assignment): one transaction locks the suggestion —
 * so the units of one suggestion and the office take turns, and in the same order as the
 * suggestion's own transitions — then the assignment, checks that the account may act on it, and
 * writes the change with a guarded update, a timeline event on the suggestion, an audit row and the
 * outbox messages. Status changes ask suggestions.assignment.workflow.ts first.
 */

export interface AssignmentScope {
  tx: Tx;
  user: SessionUser;
  row: SuggestionRow;
  assignment: AssignmentRow;
  unitName: string;
  facts: SuggestionFacts;
  now: Date;
}

/** 409 when the guarded write finds the assignment moved on since it was read. */
export const assignmentChanged = (current: AssignmentRow | undefined) => {
  const s = current ? ASSIGNMENT_STATUS_LABELS[current.status] : null;
  return conflict('ASSIGNMENT_CHANGED', {
    zh: `该交办刚刚已被他人处理${s ? `（当前：${s.zh}）` : ''}，请刷新后重试`,
    en: `Someone else acted on this assignment a moment ago${s ? ` (it is now ${s.en.toLowerCase()})` : ''}; reload and try again`,
  });
};

/** The office of the suggestion's region; a special committee does not assign. */
export function assertOfficeMayAct(facts: SuggestionFacts): void {
  if (facts.role !== 'office_staff') throw forbidden({ zh: '只有代表工委可以进行此操作', en: 'Only the office may do this' });
  if (!facts.inRegion) throw forbidden({ zh: '该建议不在您的管辖区域内', en: 'This suggestion is outside your region' });
  if (facts.committeeAccount) {
    throw forbidden({ zh: '专门委员会不办理交办', en: 'A special committee does not assign suggestions' });
  }
}

/** A unit account acts for its own unit only. */
export const actsForUnit = (user: SessionUser, a: Pick<AssignmentRow, 'unitId'>) =>
  user.role === 'unit_staff' && user.organizationId === a.unitId;

export async function withAssignment<T>(
  deps: SuggestionDeps,
  ctx: RequestContext,
  assignmentId: string,
  work: (s: AssignmentScope) => Promise<T>,
): Promise<T> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const now = nowOf(deps);
  try {
    const result = await deps.db.transaction(async (tx) => {
      const first = await findAssignment(tx, assignmentId);
      if (!first) throw notFound('交办', 'Assignment');
      const row = await findSuggestion(tx, first.suggestionId, { forUpdate: true });
      if (!row) throw notFound('建议', 'Suggestion');
      const facts = await suggestionFacts(tx, user, row);
      assertMayView(facts, row);
      const assignment = await findAssignment(tx, assignmentId, { forUpdate: true });
      if (!assignment) throw notFound('交办', 'Assignment');
      const unit = await findOrganization(tx, assignment.unitId);
      return work({ tx, user, row, assignment, unitName: unit?.name ?? '', facts, now });
    });
    await afterCommitDispatch(deps.jobs);
    return result;
  } catch (err) {
    const code = pgErrorCode(err);
    if (code === '40P01' || code === '40001') throw assignmentChanged(await findAssignment(deps.db, assignmentId));
    throw err;
  }
}

/** The facts every assignment event and message carries. */
export const assignmentFacts = (a: AssignmentRow, unitName: string) => ({
  assignmentId: a.id,
  unitId: a.unitId,
  unitName,
  role: a.role,
  roleLabel: ROLE_LABELS[a.role].zh,
  dueAt: a.dueAt.toISOString(),
});

export interface StepPrepared {
  set?: AssignmentChanges;
  note?: string | null;
  data?: Record<string, unknown>;
  topics?: string[];
  payload?: Record<string, unknown>;
  after?: (tx: Tx, updated: AssignmentRow) => Promise<void>;
  /** Writes that follow the change on the timeline (a reassignment after the return it follows). */
  followUp?: (tx: Tx, updated: AssignmentRow) => Promise<void>;
}

export interface AssignmentStep {
  assignmentId: string;
  action: AssignmentAction;
  /** The timeline's name of the change (the suggestion's events share one table). */
  event: string;
  input?: (s: AssignmentScope) => AssignmentInput;
  prepare?: (s: AssignmentScope & { next: AssignmentStatus }) => Promise<StepPrepared> | StepPrepared;
}

/** Applies one action of the assignment workflow. */
export function applyAssignmentStep(deps: SuggestionDeps, ctx: RequestContext, step: AssignmentStep): Promise<AssignmentRow> {
  return withAssignment(deps, ctx, step.assignmentId, async (s) => {
    if (s.user.role === 'office_staff') assertOfficeMayAct(s.facts);
    const decision = decideAssignment(s.assignment.status, step.action, s.user.role, {
      role: s.assignment.role,
      actorIsUnit: actsForUnit(s.user, s.assignment),
      ...(step.input?.(s) ?? {}),
    });
    if (!decision.ok) throw new AppError(decision.status, decision.code, decision.text, decision.details);
    const prepared = (await step.prepare?.({ ...s, next: decision.next })) ?? {};
    // An assignment that ends here keeps whether it was late then; one still handled is judged live.
    const ends = decision.next === 'returned' || decision.next === 'withdrawn';
    const saved = await updateAssignmentGuarded(s.tx, s.assignment.id, s.assignment.status, decision.next, {
      ...(ends ? { overdue: s.assignment.overdue || s.now.getTime() > s.assignment.dueAt.getTime() } : {}),
      ...prepared.set,
      updatedAt: s.now,
    });
    if (!saved) throw assignmentChanged(await findAssignment(s.tx, s.assignment.id));
    await prepared.after?.(s.tx, saved);
    const facts = assignmentFacts(saved, s.unitName);
    await announce(s.tx, ctx, s.row, null, {
      action: step.event,
      note: prepared.note ?? null,
      data: { ...facts, from: s.assignment.status, to: decision.next, ...(prepared.data ?? {}) },
      topics: prepared.topics ?? [],
      payload: { ...facts, from: s.assignment.status, to: decision.next, ...(prepared.data ?? {}), ...(prepared.payload ?? {}) },
      audit: { assignmentId: saved.id, from: s.assignment.status, to: decision.next },
      at: s.now,
    });
    await prepared.followUp?.(s.tx, saved);
    return saved;
  });
}

/** A change beside the status (an extension asked or decided, a reassignment) on the timeline, the audit trail and the outbox. */
export async function announceAssignment(
  s: AssignmentScope,
  ctx: RequestContext,
  a: { event: string; assignment?: AssignmentRow; note?: string | null; data?: Record<string, unknown>; topics?: string[] },
): Promise<void> {
  const facts = assignmentFacts(a.assignment ?? s.assignment, s.unitName);
  await announce(s.tx, ctx, s.row, null, {
    action: a.event,
    note: a.note ?? null,
    data: { ...facts, ...(a.data ?? {}) },
    topics: a.topics ?? [],
    payload: { ...facts, ...(a.data ?? {}) },
    audit: { assignmentId: facts.assignmentId, ...(a.data ?? {}) },
    at: s.now,
  });
}
