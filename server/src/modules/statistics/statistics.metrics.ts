/**
 * The figures of the opinion loop (DESIGN §5), one definition each, from the counters of migration
 * 0007. Every figure is about the opinions received in the period (by the China-time month of
 * receipt), as the case list with the same received dates shows them; see the migration's header.
 * Pure: sums in, figures out.
 */

/** The count columns of opinion_stat_cube, in its order. */
export const COUNT_COLUMNS = [
  'received',
  'pending',
  'rejected',
  'in_progress',
  'converted',
  'closed',
  'overdue',
  'supervised',
  'replied',
  'resolved',
  'replied_on_time',
  'fed_back',
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
] as const;

/**
 * The stages whose length is averaged: the time a case spent in each state until it left it
 * (summed over rounds when it was handled again), and 'total', receipt to closing.
 */
export const STAGES = [
  'total',
  'submitted',
  'accepted',
  'in_review',
  'transferred',
  'handling',
  'replied',
  'awaiting_evaluation',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_COLUMNS = STAGES.flatMap((s) => [`days_${s}`, `n_${s}`] as const);
export const METRIC_COLUMNS = [...COUNT_COLUMNS, ...STAGE_COLUMNS] as const;
export type MetricColumn = (typeof METRIC_COLUMNS)[number];
export type Sums = Record<MetricColumn, number>;

/**
 * The statements return a row's sums as one text, the columns' values in METRIC_COLUMNS order joined
 * by commas (SUMS in statistics.repo.ts). As thirty-one number columns, the driver made a string and
 * a number of each value and stored it on the row under a computed name: reading a breakdown's
 * twenty rows cost node 129 µs of CPU, and 85 µs as texts split here (PostgreSQL's side got cheaper too).
 */
const num = (v: string | undefined): number => (v === undefined || v === '' ? 0 : Number(v));

/**
 * The sums of that text; none (no row) is all zeros. Every property is named, not set in a loop over
 * METRIC_COLUMNS: writes by a computed name are megamorphic in V8 (the sums and figures of twenty rows
 * took 40–75 µs that way, against 5). The type checks the list is whole; the test, its order.
 */
export function sumsOf(text: string | null | undefined): Sums {
  const v = text ? text.split(',') : [];
  return {
    received: num(v[0]),
    pending: num(v[1]),
    rejected: num(v[2]),
    in_progress: num(v[3]),
    converted: num(v[4]),
    closed: num(v[5]),
    overdue: num(v[6]),
    supervised: num(v[7]),
    replied: num(v[8]),
    resolved: num(v[9]),
    replied_on_time: num(v[10]),
    fed_back: num(v[11]),
    satisfied: num(v[12]),
    basically_satisfied: num(v[13]),
    unsatisfied: num(v[14]),
    days_total: num(v[15]),
    n_total: num(v[16]),
    days_submitted: num(v[17]),
    n_submitted: num(v[18]),
    days_accepted: num(v[19]),
    n_accepted: num(v[20]),
    days_in_review: num(v[21]),
    n_in_review: num(v[22]),
    days_transferred: num(v[23]),
    n_transferred: num(v[24]),
    days_handling: num(v[25]),
    n_handling: num(v[26]),
    days_replied: num(v[27]),
    n_replied: num(v[28]),
    days_awaiting_evaluation: num(v[29]),
    n_awaiting_evaluation: num(v[30]),
  };
}

export const emptySums = (): Sums => sumsOf(null);

export interface StageFigure {
  /** Cases that completed the stage. */
  cases: number;
  /** Their average length in working days; null when none completed it. */
  averageDays: number | null;
}

export interface Figures {
  /** Opinions created in the period, merged duplicates excluded. */
  received: number;
  /** Received minus rejected (DESIGN §5); `pending` of them still await the decision. */
  accepted: number;
  pending: number;
  rejected: number;
  /** Accepted and not yet concluded (from accepted to awaiting evaluation). */
  inProgress: number;
  converted: number;
  /** Concluded: evaluated satisfied, or the evaluation window ran out. */
  closed: number;
  /** Open cases past their current stage's deadline, as the deadline sweep flags them. */
  overdue: number;
  supervised: number;
  /** Cases with a reply (their latest one counts). */
  replied: number;
  /** Replied with result resolved or basically resolved. */
  resolved: number;
  repliedOnTime: number;
  /** Replies delivered to the constituent. */
  fedBack: number;
  evaluated: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  /** (satisfied + basically satisfied) / evaluated; null when nothing was evaluated. */
  satisfactionRate: number | null;
  /** Replies made on or before their due date / replies; null without replies. */
  onTimeRate: number | null;
  /** Resolved / replies. */
  resolvedRate: number | null;
  stages: Record<Stage, StageFigure>;
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
const average = (days: number, n: number) => (n > 0 ? Math.round((days / n) * 100) / 100 : null);

export function figuresOf(s: Sums): Figures {
  const evaluated = s.satisfied + s.basically_satisfied + s.unsatisfied;
  return {
    received: s.received,
    accepted: s.received - s.rejected,
    pending: s.pending,
    rejected: s.rejected,
    inProgress: s.in_progress,
    converted: s.converted,
    closed: s.closed,
    overdue: s.overdue,
    supervised: s.supervised,
    replied: s.replied,
    resolved: s.resolved,
    repliedOnTime: s.replied_on_time,
    fedBack: s.fed_back,
    evaluated,
    satisfied: s.satisfied,
    basicallySatisfied: s.basically_satisfied,
    unsatisfied: s.unsatisfied,
    satisfactionRate: rate(s.satisfied + s.basically_satisfied, evaluated),
    onTimeRate: rate(s.replied_on_time, s.replied),
    resolvedRate: rate(s.resolved, s.replied),
    stages: stagesOf(s),
  };
}

const stage = (days: number, n: number): StageFigure => ({ cases: n, averageDays: average(days, n) });

/** Named, not looped over STAGES, for the reason sumsOf gives. */
function stagesOf(s: Sums): Record<Stage, StageFigure> {
  return {
    total: stage(s.days_total, s.n_total),
    submitted: stage(s.days_submitted, s.n_submitted),
    accepted: stage(s.days_accepted, s.n_accepted),
    in_review: stage(s.days_in_review, s.n_in_review),
    transferred: stage(s.days_transferred, s.n_transferred),
    handling: stage(s.days_handling, s.n_handling),
    replied: stage(s.days_replied, s.n_replied),
    awaiting_evaluation: stage(s.days_awaiting_evaluation, s.n_awaiting_evaluation),
  };
}

/** Labels for the export and the API's documentation (the web has its own i18n keys). */
export const STAGE_LABELS: Record<Stage, { zh: string; en: string }> = {
  total: { zh: '办结总用时', en: 'Receipt to closing' },
  submitted: { zh: '受理', en: 'Acceptance' },
  accepted: { zh: '站点办理', en: 'At the station' },
  in_review: { zh: '工委审核转办', en: 'Office review' },
  transferred: { zh: '单位签收', en: 'Unit acceptance' },
  handling: { zh: '单位办理答复', en: 'Unit handling' },
  replied: { zh: '反馈群众', en: 'Feedback' },
  awaiting_evaluation: { zh: '群众评价', en: 'Evaluation' },
};
