import { stageOverdue } from '../modules/opinions/opinions.deadlines.js';
import type { EvaluationValue, ReplyResult } from '../modules/opinions/opinions.tables.js';
import { decide, type OpinionAction, type OpinionState } from '../modules/opinions/opinions.workflow.js';
import type { DemoClock } from './opinionClock.js';

/**
 * One demo case played through the opinion loop the way the commands play it (modules/opinions:
 * applyTransition and each command's changes), including what the deadline sweep does meanwhile:
 * the overdue flag with its timeline event and its notice. Every transition is checked against the
 * workflow table, so a demo case can only take the paths a real one can. Nothing happens after `now`:
 * the first step that would lies in the future leaves the case where it is.
 */

export interface DeadlineDays {
  accept: number;
  unitAccept: number;
  reply: number;
  replyComplex: number;
  evaluation: number;
}

export interface SimActor {
  id: string | null;
  role: string;
  name: string;
}

export interface SimEvent {
  at: Date;
  actor: SimActor;
  action: string;
  fromState: OpinionState | null;
  toState: OpinionState | null;
  note: string | null;
  data: Record<string, unknown> | null;
  stageOverdue: boolean | null;
}

export interface SimUnit {
  unitId: string;
  role: 'lead' | 'co';
  round: number;
  status: 'transferred' | 'handling' | 'returned' | 'replied';
  dueAt: Date | null;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimReminder {
  stage: OpinionState;
  dueAt: Date;
  sentAt: Date;
}

/** The columns of the case that the loop changes. */
export interface CaseColumns {
  state: OpinionState;
  dueAt: Date | null;
  overdue: boolean;
  overdueStages: string[];
  urgeCount: number;
  supervised: boolean;
  supervisedBy: string | null;
  supervisionInstruction: string | null;
  rejectReason: string | null;
  rejectGuidance: string | null;
  replyResult: ReplyResult | null;
  replyText: string | null;
  repliedAt: Date | null;
  replyDueAt: Date | null;
  repliedOnTime: boolean | null;
  fedBackAt: Date | null;
  evaluation: EvaluationValue | null;
  evaluationComment: string | null;
  evaluatedAt: Date | null;
  rehandleCount: number;
  closedAt: Date | null;
  mergedIntoId: string | null;
  leadUnitId: string | null;
  complex: boolean;
  version: number;
  updatedAt: Date;
}

const STAFF_STAGES: readonly OpinionState[] = ['submitted', 'transferred', 'handling'];
const STAGE_DUTY: Partial<Record<OpinionState, string>> = { submitted: '受理', transferred: '签收', handling: '答复' };
const SYSTEM: SimActor = { id: null, role: 'system', name: '系统' };

export class CaseSim {
  readonly events: SimEvent[] = [];
  readonly units: SimUnit[] = [];
  readonly reminders: SimReminder[] = [];
  readonly c: CaseColumns;
  /** The moment of the latest event: the next one comes after it. */
  last: Date;
  /** A step fell after `now`: the case stays as it is. */
  stopped = false;

  constructor(
    readonly id: string,
    readonly trackingCode: string,
    readonly receivedAt: Date,
    submit: { actor: SimActor; data: Record<string, unknown>; complex: boolean },
    private readonly clock: DemoClock,
    private readonly days: DeadlineDays,
    readonly now: Date,
  ) {
    this.c = {
      state: 'submitted',
      dueAt: clock.calendar.dueAfterWorkingDays(receivedAt, days.accept),
      overdue: false,
      overdueStages: [],
      urgeCount: 0,
      supervised: false,
      supervisedBy: null,
      supervisionInstruction: null,
      rejectReason: null,
      rejectGuidance: null,
      replyResult: null,
      replyText: null,
      repliedAt: null,
      replyDueAt: null,
      repliedOnTime: null,
      fedBackAt: null,
      evaluation: null,
      evaluationComment: null,
      evaluatedAt: null,
      rehandleCount: 0,
      closedAt: null,
      mergedIntoId: null,
      leadUnitId: null,
      complex: submit.complex,
      version: 1,
      updatedAt: receivedAt,
    };
    this.last = receivedAt;
    this.push(receivedAt, submit.actor, 'submit', null, 'submitted', null, submit.data, null);
  }

  get state(): OpinionState {
    return this.c.state;
  }

  /** Whether a step at `at` can still happen (not after now); past now the case stops for good. */
  can(at: Date): boolean {
    if (this.stopped || at.getTime() > this.now.getTime()) this.stopped = true;
    return !this.stopped;
  }

  private push(
    at: Date,
    actor: SimActor,
    action: string,
    fromState: OpinionState | null,
    toState: OpinionState | null,
    note: string | null,
    data: Record<string, unknown> | null,
    overdue: boolean | null,
  ): void {
    this.events.push({ at, actor, action, fromState, toState, note, data, stageOverdue: overdue });
    this.last = at;
  }

  /** What the deadline sweep does before `until`: flag the stage overdue once, and tell of it once. */
  sweep(until: Date): void {
    const due = this.c.dueAt;
    if (!due || this.c.overdue || !STAFF_STAGES.includes(this.c.state)) return;
    const flaggedAt = this.clock.sweepAfter(due);
    if (flaggedAt.getTime() >= until.getTime() || flaggedAt.getTime() > this.now.getTime()) return;
    this.c.overdue = true;
    this.c.version++;
    this.c.updatedAt = flaggedAt;
    this.push(
      flaggedAt,
      SYSTEM,
      'overdue',
      null,
      null,
      `${STAGE_DUTY[this.c.state] ?? '办理'}期限已过`,
      {
        stage: this.c.state,
        dueAt: due.toISOString(),
      },
      null,
    );
    const noticeAt = this.clock.noticeAfter(flaggedAt);
    if (noticeAt.getTime() < until.getTime() && noticeAt.getTime() <= this.now.getTime()) {
      this.reminders.push({ stage: this.c.state, dueAt: due, sentAt: noticeAt });
    }
  }

  /**
   * applyTransition: the workflow decides, the ending stage's overdue flag is frozen, the new stage
   * starts without a deadline or flag unless the action sets them. Returns false when `at` is after now.
   */
  transition(
    action: OpinionAction,
    at: Date,
    actor: SimActor,
    change: {
      set?: Partial<CaseColumns>;
      note?: string | null;
      data?: Record<string, unknown> | null;
      evaluation?: EvaluationValue;
    } = {},
  ): boolean {
    const when = at.getTime() <= this.last.getTime() ? new Date(this.last.getTime() + 60_000) : at;
    if (!this.can(when)) return false;
    this.sweep(when);
    const decision = decide(this.c.state, action, actor.role as Parameters<typeof decide>[2], {
      reason: change.note ?? null,
      evaluation: change.evaluation,
      actorIsResponsibleDeputy: true,
      actorIsLeadUnit: true,
      actorAtStation: true,
      hasLeadUnit: !!this.c.leadUnitId || action === 'transfer',
      previouslyTransferred: !!this.c.leadUnitId,
      replyText: true,
      mergeTarget: true,
    });
    if (!decision.ok)
      throw new Error(`demo case ${this.trackingCode}: ${action} from ${this.c.state} by ${actor.role}: ${decision.code}`);
    const overdue = stageOverdue(this.c.state, this.c.dueAt, when);
    if (overdue) this.c.overdueStages.push(this.c.state);
    const from = this.c.state;
    Object.assign(this.c, { dueAt: null, overdue: false }, change.set ?? {}, {
      state: decision.next,
      version: this.c.version + 1,
      updatedAt: when,
    });
    this.push(when, actor, action, from, decision.next, change.note ?? null, change.data ?? null, overdue);
    return true;
  }

  /** An event beside the state (urging, supervision, a merged duplicate, the primary's answer). */
  note(
    at: Date,
    actor: SimActor,
    action: string,
    note: string | null,
    data: Record<string, unknown> | null,
    bump = true,
  ): boolean {
    const when = at.getTime() <= this.last.getTime() ? new Date(this.last.getTime() + 60_000) : at;
    if (!this.can(when)) return false;
    this.sweep(when);
    if (bump) this.c.version++;
    this.c.updatedAt = when;
    this.push(when, actor, action, null, null, note, data, null);
    return true;
  }

  /** The stage's deadline from `at`. */
  due(at: Date, days: number): Date {
    return this.clock.calendar.dueAfterWorkingDays(at, days);
  }

  get deadlines(): DeadlineDays {
    return this.days;
  }

  /** The rows of the current round's units in `from` status move on (updateRoundUnits). */
  moveUnits(round: number, from: SimUnit['status'][], to: SimUnit['status'], at: Date, extra: { dueAt?: Date; note?: string }) {
    for (const u of this.units) {
      if (u.round !== round || !from.includes(u.status)) continue;
      u.status = to;
      if (extra.dueAt !== undefined) u.dueAt = extra.dueAt;
      if (extra.note !== undefined) u.note = extra.note;
      u.updatedAt = at;
    }
  }

  /** Where the case stands at `now`: the sweep's work up to now. */
  finish(): void {
    this.sweep(new Date(this.now.getTime() + 1));
  }
}
