import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { loadCalendar } from '../modules/calendar/calendar.repo.js';
import { congresses } from '../modules/suggestions/congresses.tables.js';
import { suggestionCategories } from '../modules/suggestions/suggestions.tables.js';
import { recordAudit } from '../platform/audit.js';
import { systemContext } from '../platform/context.js';
import { loadGeography } from './geography.js';
import { DemoClock } from './opinionClock.js';
import { type DemoParams, demoParams, loadAccounts, loadOrganizations } from './opinionWorld.js';
import { apportion, Random } from './random.js';
import { SCALES } from './sizes.js';
import { type CongressPlan, type PlanWorld, planCongress } from './suggestionPlan.js';
import { loadMandates, planCongresses, SuggestionParties, suggestionsSeeded } from './suggestionWorld.js';
import { writeCongressPlan } from './suggestionWrite.js';

/** Suggestions a year: Harbin's municipal and county congresses take about 1,500; the province ten times that. */
export const SUGGESTIONS_PER_YEAR = { city: 1_500, province: 15_000 } as const;

/** Suggestions per mandate and year: a municipal deputy raises several, a county deputy fewer. */
const PER_MANDATE = { municipal: 1.2, county: 0.3 } as const;

/** The base demo's lock (demo.ts): two processes starting on one PostgreSQL write a congress once. */
const DEMO_LOCK = 7_270_003;

export interface DemoSuggestionCounts {
  congresses: number;
  suggestions: number;
  events: number;
  assignments: number;
  byState: Record<string, number>;
}

/**
 * The demo's deputy suggestions (issue 4): the municipal and county congresses of the demo's
 * mandates with their term and the sessions of last year and this, and their suggestions played
 * through the loop up to the moment the base demo recorded. One transaction per congress; the plan
 * comes from the seed and the base demo read back from the database, so a start interrupted
 * half-way writes the remaining congresses on the next start, with the same suggestions. Returns
 * null when there is nothing to do.
 */
export async function completeDemoSuggestions(db: Executor): Promise<DemoSuggestionCounts | null> {
  const params = await demoParams(db);
  if (!params || (await suggestionsSeeded(db))) return null;
  const { rootCode, rng, planned, world, categories, perYear } = await loadSuggestionWorld(db, params);
  const counts: DemoSuggestionCounts = { congresses: 0, suggestions: 0, events: 0, assignments: 0, byState: {} };
  for (const [i, pc] of planned.entries()) {
    const plan = planCongress(rng.fork(`congress:${pc.regionCode}`), world, pc, perYear[i] ?? 0);
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEMO_LOCK})`);
      // Written in one transaction: the congress being there means its suggestions are.
      const there = await tx.select({ id: congresses.id }).from(congresses).where(eq(congresses.regionCode, pc.regionCode));
      if (there.length === 0) await writeCongressPlan(tx, plan, categories);
    });
    tally(counts, plan);
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEMO_LOCK})`);
    if (await suggestionsSeeded(tx)) return;
    await recordAudit(tx, systemContext('seed'), {
      action: 'demo.suggestions',
      entityType: 'demo',
      entityId: rootCode,
      regionCode: rootCode,
      after: counts,
    });
  });
  // Planner statistics for the tables just filled (PGlite has no autovacuum to gather them).
  await db.execute(sql`ANALYZE congresses, congress_sessions, suggestions, suggestion_assignments, suggestion_events`);
  return counts;
}

/** What the suggestions are planned on, read back from the base demo. */
export async function loadSuggestionWorld(db: Executor, params: DemoParams) {
  const geo = await loadGeography(db, SCALES[params.scale].rootCode, params.regionCode);
  const rng = new Random(`lianluo-demo:${params.scale}:${params.regionCode}:${params.fraction}`).fork('suggestions');
  const rootCode = geo.root.code;
  const organizations = await loadOrganizations(db, rootCode);
  const planned = planCongresses(geo, await loadMandates(db, rootCode), organizations);
  const categories = new Map(
    (await db.select({ id: suggestionCategories.id, code: suggestionCategories.code }).from(suggestionCategories)).map((c) => [
      c.code,
      c.id,
    ]),
  );
  const world: PlanWorld = {
    clock: new DemoClock(await loadCalendar(db), rng.fork('clock')),
    now: new Date(params.opinionsUntil),
    parties: new SuggestionParties(await loadAccounts(db)),
  };
  const total = Math.round(SUGGESTIONS_PER_YEAR[params.scale] * geo.share * params.fraction);
  const perYear = apportion(
    total,
    planned.map((c) => c.mandates.filter((m) => m.serving).length * PER_MANDATE[c.level]),
  );
  return { rootCode, rng, planned, world, categories, perYear };
}

function tally(counts: DemoSuggestionCounts, plan: CongressPlan): void {
  counts.congresses++;
  for (const s of plan.suggestions) {
    counts.suggestions++;
    counts.events += s.sim.events.length;
    counts.assignments += s.sim.rows.assignments.length;
    counts.byState[s.sim.c.state] = (counts.byState[s.sim.c.state] ?? 0) + 1;
  }
}
