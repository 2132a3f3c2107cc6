import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../app.js';
import type { Executor } from '../db/client.js';
import { loadCalendar } from '../modules/calendar/calendar.repo.js';
import { workingDaysFor } from '../modules/opinions/opinions.deadlines.js';
import { opinionCategories, opinions, receptions } from '../modules/opinions/opinions.tables.js';
import { recordAudit } from '../platform/audit.js';
import { systemContext } from '../platform/context.js';
import { loadGeography } from './geography.js';
import type { DeadlineDays } from './opinionCase.js';
import { DemoClock } from './opinionClock.js';
import { PartyBook } from './opinionParties.js';
import { type CountyWorld, type PlannedCase, planCountyOpinions } from './opinionPlan.js';
import type { PlannedReception } from './opinionReceptions.js';
import { demoParams, loadAccounts, loadMembers, loadOrganizations, loadStations, opinionsSeeded } from './opinionWorld.js';
import { writeCounty } from './opinionWrite.js';
import { apportion, Random } from './random.js';
import { SCALES } from './sizes.js';

/** Cases of the past twelve months: Harbin's stations take about 20,000 a year; the province ten times that. */
export const OPINIONS_PER_YEAR = { city: 20_000, province: 200_000 } as const;

export interface DemoOpinionCounts {
  opinions: number;
  receptions: number;
  events: number;
  units: number;
  byState: Record<string, number>;
}

/** What a station draws, by kind (the main and central stations by tier): the town stations most. */
const STATION_WEIGHT: Record<string, number> = {
  station: 1.2,
  home: 1,
  point: 0.6,
  online: 1,
  mobile: 0.8,
  court: 0.3,
  procuratorate: 0.3,
  enterprise: 0.4,
};
/** Letters and 12345 forwards the offices take in without a station. */
const OFFICE_SHARE = 0.04;
/** The base demo's lock (demo.ts): two processes starting on one PostgreSQL write a county once. */
const DEMO_LOCK = 7_270_003;

/**
 * The demo's constituent opinions (issue 3): for each county, its cases of the past year played
 * through the loop up to the moment the base demo recorded, with their units, timelines, deadline
 * notices and the stations' reception days. They go through plain SQL, so the statistics triggers
 * of migration 0007 count them like any other case.
 *
 * Each county is written in a transaction of its own: the triggers update the same aggregate rows
 * for every case, and in one transaction for the whole city their cost grows with every case
 * already written (2,000 cases took 7 s, 20,000 would take many minutes). The plan is drawn from the
 * seed, the recorded moment and the base demo read back from the database — ids included — so a
 * start interrupted half-way finishes the remaining counties on the next start, with the same cases.
 * Returns null when there is nothing to do.
 */
export async function completeDemoOpinions(deps: Pick<AppDeps, 'db' | 'crypto'>): Promise<DemoOpinionCounts | null> {
  const { db, crypto } = deps;
  const params = await demoParams(db);
  if (!params || (await opinionsSeeded(db))) return null;
  const geo = await loadGeography(db, SCALES[params.scale].rootCode, params.regionCode);
  const rng = new Random(`lianluo-demo:${params.scale}:${params.regionCode}:${params.fraction}`).fork('opinions');
  const rootCode = geo.root.code;
  const days: DeadlineDays = {
    accept: await workingDaysFor(db, rootCode, 'opinion.accept'),
    unitAccept: await workingDaysFor(db, rootCode, 'opinion.unit_accept'),
    reply: await workingDaysFor(db, rootCode, 'opinion.reply'),
    replyComplex: await workingDaysFor(db, rootCode, 'opinion.reply_complex'),
    evaluation: await workingDaysFor(db, rootCode, 'opinion.evaluation'),
  };
  const categories = await db
    .select({ id: opinionCategories.id, code: opinionCategories.code })
    .from(opinionCategories)
    .where(eq(opinionCategories.active, true));
  const world: CountyWorld = {
    clock: new DemoClock(await loadCalendar(db), rng.fork('clock')),
    days,
    now: new Date(params.opinionsUntil),
    parties: new PartyBook(await loadOrganizations(db, rootCode), await loadAccounts(db)),
    categories: new Map(categories.map((c) => [c.code, c.id])),
    members: await loadMembers(db, rootCode),
    codes: new Set(),
  };

  const total = Math.round(OPINIONS_PER_YEAR[params.scale] * geo.share * params.fraction);
  const stations = await loadStations(db, rootCode);
  const stationCases = apportion(
    Math.round(total * (1 - OFFICE_SHARE)),
    stations.map((s) => (s.tier === 'main' ? 3 : s.tier === 'central' ? 2 : (STATION_WEIGHT[s.type] ?? 1))),
  );
  const officeCases = apportion(
    total - stationCases.reduce((a, b) => a + b, 0),
    geo.counties.map((c) => c.population),
  );
  const counts: DemoOpinionCounts = { opinions: 0, receptions: 0, events: 0, units: 0, byState: {} };
  for (const [i, county] of geo.counties.entries()) {
    const mine = stations
      .map((station, k) => ({ station, cases: stationCases[k] ?? 0 }))
      .filter((s) => s.station.countyCode === county.code);
    // Planned even when already written: the tracking codes of every county are drawn from one set.
    const planned = planCountyOpinions(rng.fork(`opinions:${county.code}`), world, county, mine, officeCases[i] ?? 0);
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEMO_LOCK})`);
      if (!(await countyWritten(tx, planned.cases, planned.receptions)))
        await writeCounty(tx, crypto, planned.cases, planned.receptions);
    });
    tally(counts, planned.cases, planned.receptions);
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEMO_LOCK})`);
    if (await opinionsSeeded(tx)) return;
    await recordAudit(tx, systemContext('seed'), {
      action: 'demo.opinions',
      entityType: 'demo',
      entityId: rootCode,
      regionCode: rootCode,
      after: counts,
    });
  });
  // Planner statistics for the tables just filled (PGlite has no autovacuum to gather them).
  await db.execute(sql`ANALYZE receptions, opinions, opinion_units, opinion_events, opinion_reminders`);
  return counts;
}

/** A county's rows are written in one transaction: its first case (or reception) being there means all are. */
async function countyWritten(tx: Executor, cases: PlannedCase[], planned: PlannedReception[]): Promise<boolean> {
  const firstCase = cases[0];
  if (firstCase) return (await tx.select({ id: opinions.id }).from(opinions).where(eq(opinions.id, firstCase.sim.id))).length > 0;
  const firstReception = planned[0];
  if (firstReception)
    return (await tx.select({ id: receptions.id }).from(receptions).where(eq(receptions.id, firstReception.id))).length > 0;
  return true;
}

function tally(counts: DemoOpinionCounts, cases: PlannedCase[], planned: PlannedReception[]): void {
  counts.opinions += cases.length;
  counts.receptions += planned.length;
  for (const c of cases) {
    counts.events += c.sim.events.length;
    counts.units += c.sim.units.length;
    counts.byState[c.sim.state] = (counts.byState[c.sim.state] ?? 0) + 1;
  }
}
