import { addMonths, chinaDate, endOfChinaDay } from '../platform/calendar/calendar.js';
import type { DemoClock } from './opinionClock.js';
import { uuidFrom } from './opinionClock.js';
import type { Random } from './random.js';

/**
 * One demo suggestion's rows, built step by step as the loop of DESIGN §3.2 moves it: the columns
 * of the suggestion, its co-signers, assignments, handling rows and timeline. A step dated after
 * `now` is not taken and nothing after it happens, so the demo holds suggestions in every state.
 */

export interface SimActor {
  id: string | null;
  role: string;
  name: string;
}

export interface SimEvent {
  at: Date;
  actor: SimActor;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
  stageOverdue: boolean | null;
}

export type Row = Record<string, unknown>;

/** The rows of one suggestion, keyed by their table, in the tables' column names. */
export interface SimRows {
  cosigners: Row[];
  assignments: Row[];
  coOpinions: Row[];
  consultations: Row[];
  replies: Row[];
  commitments: Row[];
  evaluations: Row[];
  extensions: Row[];
}

/** The suggestion's columns that the loop changes (snake_case: written as they are). */
export interface SimColumns {
  state: string;
  number: number | null;
  due_at: Date | null;
  overdue: boolean;
  overdue_stages: string[];
  cosigning_started_at: Date | null;
  submitted_at: Date | null;
  last_submitted_at: Date | null;
  reviewed_by: string | null;
  accepted_at: Date | null;
  return_reason: string | null;
  return_count: number;
  reject_reason: string | null;
  reject_note: string | null;
  merged_into_id: string | null;
  assigned_at: Date | null;
  reply_class: string | null;
  replied_at: Date | null;
  evaluation_round: number;
  rehandle_count: number;
  closed_at: Date | null;
  fulfilled_at: Date | null;
  version: number;
  updated_at: Date;
}

export class SuggestionSim {
  readonly events: SimEvent[] = [];
  readonly rows: SimRows = {
    cosigners: [],
    assignments: [],
    coOpinions: [],
    consultations: [],
    replies: [],
    commitments: [],
    evaluations: [],
    extensions: [],
  };
  readonly c: SimColumns;
  /** When each commitment of a B or C reply would be done, if the story gets that far. */
  readonly plannedDone = new Map<string, Date>();
  last: Date;
  stopped = false;

  constructor(
    readonly id: string,
    readonly regionCode: string,
    readonly createdAt: Date,
    readonly now: Date,
    readonly clock: DemoClock,
    private readonly rng: Random,
  ) {
    this.c = {
      state: 'draft',
      number: null,
      due_at: null,
      overdue: false,
      overdue_stages: [],
      cosigning_started_at: null,
      submitted_at: null,
      last_submitted_at: null,
      reviewed_by: null,
      accepted_at: null,
      return_reason: null,
      return_count: 0,
      reject_reason: null,
      reject_note: null,
      merged_into_id: null,
      assigned_at: null,
      reply_class: null,
      replied_at: null,
      evaluation_round: 0,
      rehandle_count: 0,
      closed_at: null,
      fulfilled_at: null,
      version: 1,
      updated_at: createdAt,
    };
    this.last = createdAt;
  }

  /** A fresh id from the plan's generator: a rerun writes the same ids. */
  newId(): string {
    return uuidFrom(this.rng);
  }

  /** Whether `at` has come (without stopping the suggestion). */
  reached(at: Date): boolean {
    return !this.stopped && at.getTime() <= this.now.getTime();
  }

  /** Whether a step at `at` can still happen; the first that cannot stops the suggestion. */
  can(at: Date): boolean {
    if (this.stopped || at.getTime() > this.now.getTime()) {
      this.stopped = true;
      return false;
    }
    return true;
  }

  /**
   * A state change: the stage that ends late is frozen in overdue_stages (as the transition engine
   * does), the new stage gets its deadline from `set.due_at` or none.
   */
  move(
    at: Date,
    actor: SimActor,
    action: string,
    to: string,
    opts: { set?: Partial<SimColumns>; note?: string | null; data?: Record<string, unknown> | null } = {},
  ): boolean {
    if (!this.can(at)) return false;
    const from = this.c.state;
    // The deadline jobs close an evaluation window when it ends: that is no late step.
    const late = actor.role !== 'system' && this.c.due_at !== null && at.getTime() > this.c.due_at.getTime();
    if (late) this.c.overdue_stages.push(from);
    Object.assign(this.c, { due_at: null, overdue: false }, opts.set ?? {}, {
      state: to,
      version: this.c.version + 1,
      updated_at: at,
    });
    this.push(at, actor, action, from, to, opts.note ?? null, opts.data ?? null, late || null);
    return true;
  }

  /** A step that leaves the suggestion's state as it is (a unit's acceptance, a consultation, a reply). */
  note(at: Date, actor: SimActor, action: string, note: string | null, data: Record<string, unknown> | null): boolean {
    if (!this.can(at)) return false;
    this.push(at, actor, action, null, null, note, data, null);
    return true;
  }

  /** An event on this suggestion that another one's step causes (merge_in on the primary). */
  push(
    at: Date,
    actor: SimActor,
    action: string,
    fromState: string | null,
    toState: string | null,
    note: string | null,
    data: Record<string, unknown> | null,
    stageOverdue: boolean | null,
  ): void {
    this.events.push({ at, actor, action, fromState, toState, note, data, stageOverdue });
    if (at.getTime() > this.last.getTime()) this.last = at;
  }

  /** The deadline sweep's view at `now`: the open stage's flag, and each open assignment's. */
  finish(): void {
    this.c.overdue = this.c.due_at !== null && this.c.due_at.getTime() < this.now.getTime();
    for (const a of this.rows.assignments) {
      const open = a.status === 'pending' || a.status === 'handling';
      a.overdue = open && (a.due_at as Date).getTime() < this.now.getTime();
    }
    // Events another suggestion added (merge_in) may come before this one's later steps.
    this.events.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}

/** The end of the day `months` after an instant, in China: the reply and opinion deadlines. */
export const monthsAfter = (at: Date, months: number): Date => endOfChinaDay(addMonths(chinaDate(at), months));

/** `n` working days after an instant, at the end of that day. */
export const workingDaysAfter = (clock: DemoClock, at: Date, n: number): Date => clock.calendar.dueAfterWorkingDays(at, n);
