import { randomInt, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Executor } from '../db/client.js';
import { loadCalendar } from '../modules/calendar/calendar.repo.js';
import { opinionCategories, opinionEvents, opinions } from '../modules/opinions/opinions.tables.js';
import { OPINION_STATES } from '../modules/opinions/opinions.workflow.js';
import { insertRegion } from '../modules/regions/regions.repo.js';
import { regions } from '../modules/regions/regions.tables.js';
import { stationMembers } from '../modules/stations/stations.tables.js';
import { STAGES, type Stage } from '../modules/statistics/statistics.metrics.js';
import { chinaDate } from '../platform/calendar/calendar.js';
import { pinyinKeys } from '../platform/text.js';
import type { TestApp } from './app.js';
import { type Agent, agentFor, uniq } from './factories.js';
import { buildOrganization } from './factories.organizations.js';
import { buildDeputy, buildStation, randomCounty } from './factories.stations.js';

type Signed = Awaited<ReturnType<typeof agentFor>>;

/**
 * A township of its own (a code no import uses) inside a real county, so its figures are exactly
 * what the test made even on the shared PostgreSQL test database; with a station, its head deputy,
 * two units and the accounts that act on and read the cases.
 */
export interface StatsWorld {
  county: string;
  township: string;
  station: Awaited<ReturnType<typeof buildStation>>;
  head: Awaited<ReturnType<typeof buildDeputy>>;
  unit: Awaited<ReturnType<typeof buildOrganization>>;
  coUnit: Awaited<ReturnType<typeof buildOrganization>>;
  deputy: Signed;
  stationStaff: Signed;
  /** Office staff of the township. */
  office: Signed;
  /** Office staff of the whole county. */
  countyOffice: Signed;
  /** Office staff of another county. */
  farOffice: Signed;
  leader: Signed;
  unitStaff: Signed;
  coUnitStaff: Signed;
}

async function freshTownship(db: Executor, county: string): Promise<string> {
  for (;;) {
    const code = `${county}9${String(randomInt(0, 100)).padStart(2, '0')}`;
    const name = `统计测试街道${uniq()}`;
    const made = await insertRegion(db, {
      code,
      name,
      level: 'township',
      parentCode: county,
      provinceCode: county.slice(0, 2),
      ...pinyinKeys(name),
      // Marks it as not imported: the migration test counts the national townships alone.
      createdBy: randomUUID(),
    });
    if (made) return code;
  }
}

export async function buildStatsWorld(t: TestApp): Promise<StatsWorld> {
  const { db, crypto } = t.deps;
  const { county } = await randomCounty(db);
  const far = await randomCounty(db, { notIn: county.slice(0, 4) });
  const township = await freshTownship(db, county);
  const station = await buildStation(db, { regionCode: township });
  const head = await buildDeputy(db, crypto, { regionCode: county });
  await db.insert(stationMembers).values({ stationId: station.id, deputyId: head.id, regionCode: township, role: 'head' });
  const unit = await buildOrganization(db, { regionCode: county, name: `${county}住建局${uniq()}` });
  const coUnit = await buildOrganization(db, { regionCode: county, name: `${county}城管局${uniq()}` });
  const [deputy, stationStaff, office, countyOffice, farOffice, leader, unitStaff, coUnitStaff] = await Promise.all([
    agentFor(t.app, { role: 'deputy', regionCode: county, personId: head.personId }),
    agentFor(t.app, { role: 'station_staff', regionCode: township, stationId: station.id }),
    agentFor(t.app, { role: 'office_staff', regionCode: township }),
    agentFor(t.app, { role: 'office_staff', regionCode: county }),
    agentFor(t.app, { role: 'office_staff', regionCode: far.county }),
    agentFor(t.app, { role: 'leader', regionCode: township }),
    agentFor(t.app, { role: 'unit_staff', regionCode: county, organizationId: unit.id }),
    agentFor(t.app, { role: 'unit_staff', regionCode: county, organizationId: coUnit.id }),
  ]);
  return {
    county,
    township,
    station,
    head,
    unit,
    coUnit,
    deputy,
    stationStaff,
    office,
    countyOffice,
    farOffice,
    leader,
    unitStaff,
    coUnitStaff,
  };
}

export async function categoryIds(db: Executor): Promise<Record<string, string>> {
  const rows = await db.select({ id: opinionCategories.id, code: opinionCategories.code }).from(opinionCategories);
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

// --- reading the statistics and the lists through the API -----------------------------------------

export type Query = Record<string, string | undefined>;
const qs = (q: Query) =>
  new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined)).toString();

export async function getJson(agent: Agent, url: string, q: Query = {}) {
  const res = await agent.inject({ method: 'GET', url: `${url}?${qs(q)}` });
  expect(res.statusCode, `${url}?${qs(q)}: ${res.body}`).toBe(200);
  return res.json();
}

export const overviewOf = async (agent: Agent, q: Query) =>
  (await getJson(agent, '/api/statistics/opinions/overview', q)).figures as Record<string, unknown> & {
    stages: Record<Stage, { cases: number; averageDays: number | null }>;
  };

export interface Row {
  key: string | null;
  name: string | null;
  drillable: boolean;
  figures: Record<string, number | null>;
}

export const breakdownOf = async (agent: Agent, dimension: string, q: Query): Promise<Row[]> =>
  (await getJson(agent, '/api/statistics/opinions/breakdown', { ...q, dimension, pageSize: '100' })).items;

/** Every state but merged: what "received" counts (DESIGN §5). */
export const COUNTED_STATES = OPINION_STATES.filter((s) => s !== 'merged').join(',');

/** The case list's total for the same filters (contracts.md §A). */
export async function listTotal(agent: Agent, q: Query): Promise<number> {
  return (await getJson(agent, '/api/opinions', { state: COUNTED_STATES, ...q, pageSize: '1' })).total;
}

/** A period of whole months as the list's received dates. */
export function listDates(from: string, to: string): { from: string; to: string } {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${from}-01`, to: `${to}-${String(last).padStart(2, '0')}` };
}

// --- the figures recomputed from the cases themselves ----------------------------------------------

/** The counts of DESIGN §5, straight from the opinions table, for cases of a region received in the period. */
export async function directCounts(db: Executor, regionCode: string, period: { from: string; to: string }) {
  const { from, to } = listDates(period.from, period.to);
  const rows = await db
    .select()
    .from(opinions)
    .where(
      and(
        sql`${opinions.regionCode} LIKE ${`${regionCode}%`}`,
        ne(opinions.state, 'merged'),
        sql`${opinions.receivedAt} >= ${`${from}T00:00:00+08:00`}::timestamptz`,
        sql`${opinions.receivedAt} < (${`${to}T00:00:00+08:00`}::timestamptz + interval '1 day')`,
      ),
    );
  const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
  const evaluated = count((r) => r.evaluation !== null);
  const counts = {
    received: rows.length,
    accepted: count((r) => r.state !== 'rejected'),
    pending: count((r) => r.state === 'submitted'),
    rejected: count((r) => r.state === 'rejected'),
    inProgress: count((r) =>
      ['accepted', 'in_review', 'transferred', 'handling', 'replied', 'awaiting_evaluation'].includes(r.state),
    ),
    converted: count((r) => r.state === 'converted'),
    closed: count((r) => r.state === 'closed'),
    overdue: count(
      (r) =>
        r.overdue &&
        r.state !== 'awaiting_evaluation' &&
        ['submitted', 'accepted', 'in_review', 'transferred', 'handling', 'replied'].includes(r.state),
    ),
    supervised: count((r) => r.supervised),
    replied: count((r) => r.repliedAt !== null),
    resolved: count((r) => r.repliedAt !== null && (r.replyResult === 'resolved' || r.replyResult === 'basically_resolved')),
    repliedOnTime: count((r) => r.repliedAt !== null && r.repliedOnTime === true),
    fedBack: count((r) => r.fedBackAt !== null),
    evaluated,
    satisfied: count((r) => r.evaluation === 'satisfied'),
    basicallySatisfied: count((r) => r.evaluation === 'basically_satisfied'),
    unsatisfied: count((r) => r.evaluation === 'unsatisfied'),
  };
  return { rows, counts };
}

/**
 * The average working days per stage, recomputed in TypeScript from the timelines with the app's
 * working calendar: the time in each state until a transition left it, summed over rounds, and
 * receipt to closing for closed cases.
 */
export async function stageAverages(
  db: Executor,
  cases: { id: string; receivedAt: Date; closedAt: Date | null; state: string }[],
): Promise<Record<Stage, { cases: number; averageDays: number | null }>> {
  const calendar = await loadCalendar(db);
  const wd = (a: Date, b: Date) => calendar.workingDaysBetween(chinaDate(a), chinaDate(b));
  const sum = Object.fromEntries(STAGES.map((s) => [s, { days: 0, n: 0 }])) as Record<Stage, { days: number; n: number }>;
  const events = cases.length
    ? await db
        .select()
        .from(opinionEvents)
        .where(
          inArray(
            opinionEvents.opinionId,
            cases.map((c) => c.id),
          ),
        )
        .orderBy(asc(opinionEvents.id))
    : [];
  for (const c of cases) {
    const perStage = new Map<string, number>();
    let previous: Date | null = null;
    for (const e of events.filter((x) => x.opinionId === c.id && x.toState !== null)) {
      if (e.fromState) {
        const start = e.fromState === 'submitted' || !previous ? c.receivedAt : previous;
        perStage.set(e.fromState, (perStage.get(e.fromState) ?? 0) + wd(start, e.at));
      }
      previous = e.at;
    }
    for (const [stage, days] of perStage) {
      const s = sum[stage as Stage];
      if (s) {
        s.days += days;
        s.n += 1;
      }
    }
    if (c.state === 'closed' && c.closedAt) {
      sum.total.days += wd(c.receivedAt, c.closedAt);
      sum.total.n += 1;
    }
  }
  return Object.fromEntries(
    STAGES.map((s) => [s, { cases: sum[s].n, averageDays: sum[s].n ? Math.round((sum[s].days / sum[s].n) * 100) / 100 : null }]),
  ) as Record<Stage, { cases: number; averageDays: number | null }>;
}

/** The counters as the triggers left them, and as a rebuild from scratch makes them, in one transaction. */
export async function incrementalAndRebuilt(db: TestApp['deps']['db']) {
  const snapshot = async (tx: Executor) => {
    const cells = await tx.execute(sql`SELECT * FROM opinion_stat_cube ORDER BY unit_id, dim, scope, month, member`);
    const years = await tx.execute(sql`SELECT * FROM opinion_stat_year ORDER BY unit_id, dim, scope, month, member`);
    const facts = await tx.execute(sql`SELECT * FROM opinion_stat_facts ORDER BY opinion_id`);
    const rows = (r: unknown) => (r as { rows: unknown[] }).rows;
    return { cells: rows(cells), years: rows(years), facts: rows(facts) };
  };
  return db.transaction(async (tx) => {
    // Writers wait until this transaction ends, so both snapshots see the same cases.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7270002)`);
    const incremental = await snapshot(tx);
    await tx.execute(sql`SELECT opinion_statistics_rebuild()`);
    const rebuilt = await snapshot(tx);
    return { incremental, rebuilt };
  });
}

export const regionName = async (db: Executor, code: string) =>
  (await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code)))[0]?.name;
