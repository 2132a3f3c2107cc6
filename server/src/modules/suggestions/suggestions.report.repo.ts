import { sql } from 'drizzle-orm';
import { type Executor, resultRows } from '../../db/client.js';
import type { ReplyClass } from './congresses.tables.js';

/**
 * The counts of the annual handling report (年度办理情况报告), with the metric definitions of DESIGN §5
 * as the suggestion statistics read them (suggestionStatistics.metrics.ts, built at the same time):
 *
 * - the set: suggestions of kind 'suggestion' (converted motions included) of the congress, first
 *   submitted in the year (China time); every figure is about that set, as of now;
 * - accepted: accepted by the office; assigned: with an assignment neither returned nor withdrawn;
 * - replied: with a reply sent to the deputy; replied on time: replied, and no sent reply was late
 *   (the reply's on_time flag, else sent on or before its assignment's due date);
 * - class A–D: the class of the latest sent reply (last round, lead unit first); shares and the
 *   solved rate (class A) are over the replied;
 * - face-to-face rate: replied with a face-to-face consultation the deputy confirmed / replied;
 * - satisfaction rate: (satisfied + basically satisfied) / rated, on the result rating of the latest
 *   round's evaluation (a silent one is not rated).
 *
 * Per unit, a suggestion counts when assigned to the unit, and each fact looks at the unit's part.
 * This is a small query of its own so the report does not wait for the statistics module; when both
 * are in, the report should take its SQL from the statistics' metric definitions.
 */

export interface ReportCounts {
  submitted: number;
  accepted: number;
  assigned: number;
  replied: number;
  repliedOnTime: number;
  classes: Record<ReplyClass, number>;
  faceToFace: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

export interface UnitCounts extends Omit<ReportCounts, 'submitted' | 'accepted'> {
  unitId: string;
  unitName: string;
}

const unitOn = (alias: string, per: boolean) => (per ? sql.raw(` AND ${alias}.unit_id = u.unit_id`) : sql``);

/** The facts of one suggestion `s.id` (for the unit `u.unit_id` when per unit). */
const facts = (per: boolean) => sql`
  EXISTS (SELECT 1 FROM suggestion_assignments a WHERE a.suggestion_id = s.id
    AND a.status NOT IN ('returned', 'withdrawn')${unitOn('a', per)}) AS assigned,
  EXISTS (SELECT 1 FROM suggestion_replies r WHERE r.suggestion_id = s.id AND r.status = 'sent'${unitOn('r', per)}) AS replied,
  EXISTS (SELECT 1 FROM suggestion_replies r JOIN suggestion_assignments a ON a.id = r.assignment_id
    WHERE r.suggestion_id = s.id AND r.status = 'sent'${unitOn('r', per)}
      AND NOT coalesce(r.on_time, r.sent_at <= a.due_at, false)) AS late,
  (SELECT r.reply_class FROM suggestion_replies r JOIN suggestion_assignments a ON a.id = r.assignment_id
    WHERE r.suggestion_id = s.id AND r.status = 'sent'${unitOn('r', per)}
    ORDER BY r.round DESC, (a.role = 'lead') DESC, r.sent_at DESC, r.id LIMIT 1) AS reply_class,
  EXISTS (SELECT 1 FROM suggestion_consultations c WHERE c.suggestion_id = s.id AND c.kind = 'face_to_face'
    AND c.confirmation = 'confirmed'${unitOn('c', per)}) AS face_to_face,
  (SELECT e.result FROM suggestion_evaluations e LEFT JOIN suggestion_assignments a ON a.id = e.assignment_id
    WHERE e.suggestion_id = s.id${per ? sql` AND (e.assignment_id IS NULL OR a.unit_id = u.unit_id)` : sql``}
    ORDER BY e.round DESC, ${per ? sql`(e.assignment_id IS NOT NULL)` : sql`(e.assignment_id IS NULL)`} DESC,
      e.evaluated_at DESC, e.id LIMIT 1) AS rating`;

const inYear = (congressId: string, year: number) => sql`
  SELECT s.id, s.accepted_at FROM suggestions s
  WHERE s.congress_id = ${congressId} AND s.kind = 'suggestion' AND s.submitted_at IS NOT NULL
    AND extract(year FROM s.submitted_at AT TIME ZONE 'Asia/Shanghai') = ${year}`;

const tally = sql`
  count(*) FILTER (WHERE f.assigned)::int AS assigned,
  count(*) FILTER (WHERE f.replied)::int AS replied,
  count(*) FILTER (WHERE f.replied AND NOT f.late)::int AS replied_on_time,
  count(*) FILTER (WHERE f.replied AND f.reply_class = 'A')::int AS class_a,
  count(*) FILTER (WHERE f.replied AND f.reply_class = 'B')::int AS class_b,
  count(*) FILTER (WHERE f.replied AND f.reply_class = 'C')::int AS class_c,
  count(*) FILTER (WHERE f.replied AND f.reply_class = 'D')::int AS class_d,
  count(*) FILTER (WHERE f.replied AND f.face_to_face)::int AS face_to_face,
  count(*) FILTER (WHERE f.rating IS NOT NULL)::int AS rated,
  count(*) FILTER (WHERE f.rating = 'satisfied')::int AS satisfied,
  count(*) FILTER (WHERE f.rating = 'basically_satisfied')::int AS basically_satisfied,
  count(*) FILTER (WHERE f.rating = 'unsatisfied')::int AS unsatisfied`;

type Row = Record<string, unknown>;
const n = (r: Row, k: string) => Number(r[k] ?? 0);
const tallied = (r: Row): Omit<ReportCounts, 'submitted' | 'accepted'> => ({
  assigned: n(r, 'assigned'),
  replied: n(r, 'replied'),
  repliedOnTime: n(r, 'replied_on_time'),
  classes: { A: n(r, 'class_a'), B: n(r, 'class_b'), C: n(r, 'class_c'), D: n(r, 'class_d') },
  faceToFace: n(r, 'face_to_face'),
  rated: n(r, 'rated'),
  satisfied: n(r, 'satisfied'),
  basicallySatisfied: n(r, 'basically_satisfied'),
  unsatisfied: n(r, 'unsatisfied'),
});

const rowsOf = (res: unknown): Row[] => resultRows<Row>(res);

export async function yearCounts(db: Executor, congressId: string, year: number): Promise<ReportCounts> {
  const res = await db.execute(sql`
    WITH s AS (${inYear(congressId, year)}),
    f AS (SELECT s.id, s.accepted_at IS NOT NULL AS accepted, ${facts(false)} FROM s)
    SELECT count(*)::int AS submitted, count(*) FILTER (WHERE f.accepted)::int AS accepted, ${tally} FROM f`);
  const r = rowsOf(res)[0] ?? {};
  return { submitted: n(r, 'submitted'), accepted: n(r, 'accepted'), ...tallied(r) };
}

export async function unitCounts(db: Executor, congressId: string, year: number): Promise<UnitCounts[]> {
  const res = await db.execute(sql`
    WITH s AS (${inYear(congressId, year)}),
    u AS (SELECT DISTINCT a.suggestion_id, a.unit_id FROM suggestion_assignments a JOIN s ON s.id = a.suggestion_id
      WHERE a.status NOT IN ('returned', 'withdrawn')),
    f AS (SELECT u.unit_id, ${facts(true)} FROM s JOIN u ON u.suggestion_id = s.id)
    SELECT f.unit_id, o.name AS unit_name, ${tally}
    FROM f JOIN organizations o ON o.id = f.unit_id
    GROUP BY f.unit_id, o.name, o.name_pinyin
    ORDER BY count(*) DESC, o.name_pinyin`);
  return rowsOf(res).map((r) => ({ unitId: String(r.unit_id), unitName: String(r.unit_name), ...tallied(r) }));
}
