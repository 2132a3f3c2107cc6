import { and, eq, isNotNull, like, type SQL, sql } from 'drizzle-orm';
import { likeEscape } from '../../platform/text.js';
import type { ReplyClass } from '../suggestions/congresses.tables.js';
import { suggestions } from '../suggestions/suggestions.tables.js';
import type { Rating } from '../suggestions/suggestions.workflow.js';

/**
 * The figures of deputies' suggestions (DESIGN §5, issue 4 item 9), one definition each. Every page,
 * export, ranking and list filter takes its SQL from here, so a figure and the list behind it are the
 * same query: the statistics count `count(*) FILTER (WHERE fact)` over the suggestions that the list
 * with the same filter shows.
 *
 * Which suggestions: those of kind 'suggestion' (motions converted to suggestions included) that were
 * submitted to the office, in the account's region, narrowed by congress, session, year of first
 * submission (China time), category, the lead deputy's delegation, and unit. Like the opinions'
 * figures, every count is about that set — "replied" is how many of them have a reply by now.
 *
 * Per unit, a suggestion counts when it is assigned to the unit (an assignment neither returned nor
 * withdrawn), and each fact looks at that unit's part only: its replies, its consultations, the
 * evaluation of its assignment (or of the whole handling), its re-handling round.
 *
 * Scale: a city has ~1,500 suggestions a year against hundreds of thousands of opinions, so these
 * are counted live with correlated subqueries over the suggestion tables (each served by an index on
 * suggestion_id, see migrations 0011 and 0013) rather than kept in a rollup like the opinions' cube.
 */

/** The unit whose part is counted: a bound id, or the unit column of the unit breakdown; null = all. */
export type UnitRef = SQL | null;

const S_ID = sql`${suggestions.id}`;
const onUnit = (alias: string, unit: UnitRef) => (unit ? sql` AND ${sql.raw(alias)}.unit_id = ${unit}` : sql``);

/** An assignment still in force: a returned or withdrawn one is history. */
const ACTIVE = (alias: string) => sql.raw(`${alias}.status NOT IN ('returned', 'withdrawn')`);

/** Assigned to a unit (to this unit): an assignment in force. */
export const assignedFact = (unit: UnitRef): SQL<boolean> =>
  sql`EXISTS (SELECT 1 FROM suggestion_assignments a WHERE a.suggestion_id = ${S_ID} AND ${ACTIVE('a')}${onUnit('a', unit)})`;

/** Replied: a reply sent to the deputy (a draft or one awaiting the head's approval is not a reply). */
export const repliedFact = (unit: UnitRef): SQL<boolean> =>
  sql`EXISTS (SELECT 1 FROM suggestion_replies r WHERE r.suggestion_id = ${S_ID} AND r.status = 'sent'${onUnit('r', unit)})`;

/**
 * On time: a sent reply made on or before its assignment's due date (extensions move the due date).
 * The reply's own on_time flag wins when the reply command recorded it.
 */
const lateReply = (unit: UnitRef) =>
  sql`EXISTS (SELECT 1 FROM suggestion_replies r JOIN suggestion_assignments a ON a.id = r.assignment_id
    WHERE r.suggestion_id = ${S_ID} AND r.status = 'sent'${onUnit('r', unit)}
      AND NOT coalesce(r.on_time, r.sent_at <= a.due_at, false))`;

/** Replied on time: replied, and none of its sent replies (of every round) was late. */
export const onTimeFact = (unit: UnitRef): SQL<boolean> => sql`(${repliedFact(unit)} AND NOT ${lateReply(unit)})`;

/**
 * The reply class of a suggestion: that of its latest sent reply — the last round first, the lead
 * unit's before a co or separate unit's, then the latest sent.
 */
export const classFact = (unit: UnitRef): SQL<ReplyClass | null> =>
  sql`(SELECT r.reply_class FROM suggestion_replies r JOIN suggestion_assignments a ON a.id = r.assignment_id
    WHERE r.suggestion_id = ${S_ID} AND r.status = 'sent'${onUnit('r', unit)}
    ORDER BY r.round DESC, (a.role = 'lead') DESC, r.sent_at DESC, r.id LIMIT 1)`;

/** Face to face (见面沟通): replied, with a face-to-face consultation the deputy confirmed took place. */
export const faceToFaceFact = (unit: UnitRef): SQL<boolean> =>
  sql`(${repliedFact(unit)} AND EXISTS (SELECT 1 FROM suggestion_consultations c WHERE c.suggestion_id = ${S_ID}
    AND c.kind = 'face_to_face' AND c.confirmation = 'confirmed'${onUnit('c', unit)}))`;

/**
 * The deputy's rating of the result (not of the attitude): from the latest round's evaluation — of
 * the whole handling, or failing that of a unit; for one unit, of its assignment, or failing that of
 * the whole handling. A silent evaluation (the window ran out) has no rating.
 */
export const ratingFact = (unit: UnitRef): SQL<Rating | null> =>
  sql`(SELECT e.result FROM suggestion_evaluations e LEFT JOIN suggestion_assignments a ON a.id = e.assignment_id
    WHERE e.suggestion_id = ${S_ID}${unit ? sql` AND (e.assignment_id IS NULL OR a.unit_id = ${unit})` : sql``}
    ORDER BY e.round DESC, ${unit ? sql`(e.assignment_id IS NOT NULL)` : sql`(e.assignment_id IS NULL)`} DESC,
      e.evaluated_at DESC, e.id LIMIT 1)`;

/** Re-handled (重新办理): a second-round assignment in force, after an unsatisfied first evaluation. */
export const rehandledFact = (unit: UnitRef): SQL<boolean> =>
  sql`EXISTS (SELECT 1 FROM suggestion_assignments a WHERE a.suggestion_id = ${S_ID} AND a.round = 2
    AND ${ACTIVE('a')}${onUnit('a', unit)})`;

/** The lead deputy's delegation (代表团), from the mandate the suggestion was raised under. */
export const delegationOf: SQL<string | null> =
  sql`(SELECT d.delegation FROM deputies d WHERE d.id = ${suggestions.leadDeputyId})`;

/** The year of first submission, China time. */
export const yearOf: SQL<number> = sql`extract(year FROM (${suggestions.submittedAt} AT TIME ZONE 'Asia/Shanghai'))::int`;

// --- which suggestions ---------------------------------------------------------------------------

export interface Cohort {
  /** Region prefix ('' = everywhere). */
  regionCode?: string;
  congressId?: string;
  sessionId?: string;
  phase?: 'session' | 'recess';
  year?: number;
  categoryId?: string;
  delegation?: string;
  unitId?: string;
}

/**
 * The suggestions a figure is about, as SQL over `suggestions`. The year is a range of instants
 * (from 1 January, China time), equal to yearOf but able to use the submitted_at index.
 */
export function cohortWhere(c: Cohort): SQL | undefined {
  return and(eq(suggestions.kind, 'suggestion'), isNotNull(suggestions.submittedAt), ...cohortParts(c));
}

/** The narrowing conditions alone: the list applies them to every kind and state it shows. */
export function cohortParts(c: Cohort): (SQL | undefined)[] {
  return [
    c.regionCode ? like(suggestions.regionCode, `${likeEscape(c.regionCode)}%`) : undefined,
    c.congressId ? eq(suggestions.congressId, c.congressId) : undefined,
    c.sessionId ? eq(suggestions.sessionId, c.sessionId) : undefined,
    c.phase ? eq(suggestions.phase, c.phase) : undefined,
    c.year !== undefined ? yearRange(c.year) : undefined,
    c.categoryId ? eq(suggestions.categoryId, c.categoryId) : undefined,
    c.delegation ? sql`${delegationOf} = ${c.delegation}` : undefined,
    c.unitId ? assignedFact(unitParam(c.unitId)) : undefined,
  ];
}

export const unitParam = (unitId: string): SQL => sql`${unitId}::uuid`;

export const yearRange = (year: number): SQL =>
  sql`(${suggestions.submittedAt} >= ${`${year}-01-01T00:00:00+08:00`}::timestamptz
    AND ${suggestions.submittedAt} < ${`${year + 1}-01-01T00:00:00+08:00`}::timestamptz)`;

// --- what a list may be filtered by (GET /api/suggestions) ----------------------------------------

export const REACHED = ['submitted', 'accepted', 'assigned', 'replied', 'face_to_face', 'evaluated', 'rehandled'] as const;
export type Reached = (typeof REACHED)[number];

/** The stage a suggestion reached, for one unit's part when `unit` is given. */
export function reachedFact(reached: Reached, unit: UnitRef): SQL {
  switch (reached) {
    case 'submitted':
      return sql`${suggestions.submittedAt} IS NOT NULL`;
    case 'accepted':
      return sql`${suggestions.acceptedAt} IS NOT NULL`;
    case 'assigned':
      return assignedFact(unit);
    case 'replied':
      return repliedFact(unit);
    case 'face_to_face':
      return faceToFaceFact(unit);
    case 'evaluated':
      return sql`${ratingFact(unit)} IS NOT NULL`;
    case 'rehandled':
      return rehandledFact(unit);
  }
}

// --- figures -------------------------------------------------------------------------------------

export const COUNTS = [
  'submitted',
  'accepted',
  'assigned',
  'replied',
  'repliedOnTime',
  'classA',
  'classB',
  'classC',
  'classD',
  'faceToFace',
  'evaluated',
  'satisfied',
  'basicallySatisfied',
  'unsatisfied',
  'rehandled',
] as const;
export type CountName = (typeof COUNTS)[number];
export type Counts = Record<CountName, number>;

export const emptyCounts = (): Counts => Object.fromEntries(COUNTS.map((c) => [c, 0])) as Counts;

export interface Figures extends Counts {
  /** Replied on time / replied. */
  onTimeRate: number | null;
  /** Class A replies / replies (解决和基本解决比例). */
  solvedRate: number | null;
  /** Each class's share of the replied suggestions. */
  classShares: Record<ReplyClass, number | null>;
  /** Replied with a confirmed face-to-face consultation / replied (见面沟通率). */
  faceToFaceRate: number | null;
  /** (Satisfied + basically satisfied) / rated. */
  satisfactionRate: number | null;
}

/** A share rounded to four places; null — not NaN — when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

export function figuresOf(c: Counts): Figures {
  return {
    ...c,
    onTimeRate: rate(c.repliedOnTime, c.replied),
    solvedRate: rate(c.classA, c.replied),
    classShares: {
      A: rate(c.classA, c.replied),
      B: rate(c.classB, c.replied),
      C: rate(c.classC, c.replied),
      D: rate(c.classD, c.replied),
    },
    faceToFaceRate: rate(c.faceToFace, c.replied),
    satisfactionRate: rate(c.satisfied + c.basicallySatisfied, c.evaluated),
  };
}

/**
 * The filter of GET /api/suggestions that lists the suggestions behind each count (added to the
 * cohort's own parameters, see listLinks).
 */
export const COUNT_FILTERS: Record<CountName, Record<string, string>> = {
  submitted: { reached: 'submitted' },
  accepted: { reached: 'accepted' },
  assigned: { reached: 'assigned' },
  replied: { reached: 'replied' },
  repliedOnTime: { onTime: 'true' },
  classA: { replyClass: 'A' },
  classB: { replyClass: 'B' },
  classC: { replyClass: 'C' },
  classD: { replyClass: 'D' },
  faceToFace: { reached: 'face_to_face' },
  evaluated: { reached: 'evaluated' },
  satisfied: { rating: 'satisfied' },
  basicallySatisfied: { rating: 'basically_satisfied' },
  unsatisfied: { rating: 'unsatisfied' },
  rehandled: { reached: 'rehandled' },
};

/** The list query of each count: kind=suggestion, the cohort, and the count's own filter. */
export function listLinks(c: Cohort): Record<CountName, string> {
  const base: Record<string, string> = { kind: 'suggestion' };
  for (const [k, v] of Object.entries(c)) if (v !== undefined && v !== '') base[k] = String(v);
  return Object.fromEntries(
    COUNTS.map((name) => [name, new URLSearchParams({ ...base, ...COUNT_FILTERS[name] }).toString()]),
  ) as Record<CountName, string>;
}

/** Labels for the export (the web has its own i18n keys). */
export const COUNT_LABELS: Record<CountName, { zh: string; en: string }> = {
  submitted: { zh: '提出建议', en: 'Submitted' },
  accepted: { zh: '立案', en: 'Accepted' },
  assigned: { zh: '交办', en: 'Assigned' },
  replied: { zh: '已答复', en: 'Replied' },
  repliedOnTime: { zh: '按期答复', en: 'Replied on time' },
  classA: { zh: 'A 类', en: 'Class A' },
  classB: { zh: 'B 类', en: 'Class B' },
  classC: { zh: 'C 类', en: 'Class C' },
  classD: { zh: 'D 类', en: 'Class D' },
  faceToFace: { zh: '见面沟通', en: 'Face to face' },
  evaluated: { zh: '已测评', en: 'Rated' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basicallySatisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
  rehandled: { zh: '重新办理', en: 'Re-handled' },
};
