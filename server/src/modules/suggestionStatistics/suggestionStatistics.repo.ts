import { and, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { organizations } from '../organizations/organizations.tables.js';
import { congresses, congressSessions, congressTerms } from '../suggestions/congresses.tables.js';
import { suggestionAssignments } from '../suggestions/suggestions.handling.tables.js';
import { suggestionCategories, suggestions } from '../suggestions/suggestions.tables.js';
import {
  assignedFact,
  type Cohort,
  type Counts,
  classFact,
  cohortWhere,
  delegationOf,
  faceToFaceFact,
  onTimeFact,
  ratingFact,
  rehandledFact,
  repliedFact,
  type UnitRef,
  unitParam,
  yearOf,
} from './suggestionStatistics.metrics.js';
import type { Dimension } from './suggestionStatistics.schema.js';

/**
 * The SQL of the suggestions' figures: one pass over the suggestions of the cohort computing each
 * one's facts (suggestionStatistics.metrics.ts), then counted per member of a dimension. Counted live:
 * see the scale note in the metrics file.
 */

export interface CountRow {
  /** null for "none": the recess, no category, no delegation. */
  key: string | null;
  counts: Counts;
}

/** As assignedFact: an assignment neither returned nor withdrawn. */
const HISTORY_STATUSES = ['returned', 'withdrawn'] as const;

export async function countBy(db: Executor, cohort: Cohort, dimension: Dimension | null): Promise<CountRow[]> {
  // The unit breakdown: one row per (suggestion, unit in force); a unit account keeps its own unit's row only.
  const pairs = db
    .selectDistinct({ suggestionId: suggestionAssignments.suggestionId, unitId: suggestionAssignments.unitId })
    .from(suggestionAssignments)
    .where(
      and(
        notInArray(suggestionAssignments.status, [...HISTORY_STATUSES]),
        cohort.unitId ? eq(suggestionAssignments.unitId, cohort.unitId) : undefined,
      ),
    )
    .as('su');
  const byUnit = dimension === 'unit';
  const unit: UnitRef = byUnit ? sql`${pairs.unitId}` : cohort.unitId ? unitParam(cohort.unitId) : null;
  const key = keyOf(dimension, byUnit ? sql<string>`${pairs.unitId}::text` : null);

  const facts = db
    .select({
      key: key.as('key'),
      submitted: sql<boolean>`${suggestions.submittedAt} IS NOT NULL`.as('submitted'),
      accepted: sql<boolean>`${suggestions.acceptedAt} IS NOT NULL`.as('accepted'),
      assigned: assignedFact(unit).as('assigned'),
      replied: repliedFact(unit).as('replied'),
      onTime: onTimeFact(unit).as('on_time'),
      replyClass: classFact(unit).as('reply_class'),
      faceToFace: faceToFaceFact(unit).as('face_to_face'),
      rating: ratingFact(unit).as('rating'),
      rehandled: rehandledFact(unit).as('rehandled'),
    })
    .from(suggestions)
    .$dynamic();
  const scoped = (byUnit ? facts.innerJoin(pairs, eq(pairs.suggestionId, suggestions.id)) : facts)
    .where(cohortWhere(cohort))
    .as('f');

  const n = (cond: SQL) => sql<number>`count(*) FILTER (WHERE ${cond})`.mapWith(Number);
  const rows = await db
    .select({
      key: scoped.key,
      submitted: n(sql`${scoped.submitted}`),
      accepted: n(sql`${scoped.accepted}`),
      assigned: n(sql`${scoped.assigned}`),
      replied: n(sql`${scoped.replied}`),
      repliedOnTime: n(sql`${scoped.onTime}`),
      classA: n(sql`${scoped.replyClass} = 'A'`),
      classB: n(sql`${scoped.replyClass} = 'B'`),
      classC: n(sql`${scoped.replyClass} = 'C'`),
      classD: n(sql`${scoped.replyClass} = 'D'`),
      faceToFace: n(sql`${scoped.faceToFace}`),
      evaluated: n(sql`${scoped.rating} IS NOT NULL`),
      satisfied: n(sql`${scoped.rating} = 'satisfied'`),
      basicallySatisfied: n(sql`${scoped.rating} = 'basically_satisfied'`),
      unsatisfied: n(sql`${scoped.rating} = 'unsatisfied'`),
      rehandled: n(sql`${scoped.rehandled}`),
    })
    .from(scoped)
    .groupBy(scoped.key);
  return rows.map(({ key: k, ...counts }) => ({ key: k, counts }));
}

function keyOf(dimension: Dimension | null, unitKey: SQL<string> | null): SQL<string | null> {
  switch (dimension) {
    case null:
      return sql<string | null>`''`;
    case 'unit':
      return unitKey ?? sql<null>`NULL::text`;
    case 'session':
      return sql<string | null>`${suggestions.sessionId}::text`;
    case 'year':
      return sql<string | null>`${yearOf}::text`;
    case 'category':
      return sql<string | null>`${suggestions.categoryId}::text`;
    case 'delegation':
      return delegationOf;
  }
}

export interface Named {
  name: string;
  nameEn: string | null;
  /** Where the member sorts among its dimension's. */
  order: number;
}

export async function unitNames(db: Executor, ids: string[]): Promise<Map<string, Named>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, nameEn: null, order: 0 }]));
}

export async function sessionNames(db: Executor, ids: string[]): Promise<Map<string, Named>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: congressSessions.id,
      congress: congresses.name,
      term: congressTerms.number,
      number: congressSessions.number,
      opensOn: congressSessions.opensOn,
    })
    .from(congressSessions)
    .innerJoin(congressTerms, eq(congressTerms.id, congressSessions.termId))
    .innerJoin(congresses, eq(congresses.id, congressSessions.congressId))
    .where(inArray(congressSessions.id, ids));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: `${r.congress}第${r.term}届第${r.number}次会议`,
        nameEn: `${r.congress}, term ${r.term}, session ${r.number}`,
        // Latest session first.
        order: -Date.parse(String(r.opensOn)),
      },
    ]),
  );
}

export async function categoryNames(db: Executor, ids: string[]): Promise<Map<string, Named>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: suggestionCategories.id,
      name: suggestionCategories.name,
      nameEn: suggestionCategories.nameEn,
      order: suggestionCategories.sortOrder,
    })
    .from(suggestionCategories)
    .where(inArray(suggestionCategories.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, nameEn: r.nameEn, order: r.order }]));
}

/** The congress, for the scoring sheets and the ranking's title. */
export async function findCongress(db: Executor, id: string) {
  const [row] = await db
    .select({ id: congresses.id, name: congresses.name, regionCode: congresses.regionCode })
    .from(congresses)
    .where(eq(congresses.id, id));
  return row ?? null;
}
