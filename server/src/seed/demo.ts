import { inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../app.js';
import type { Executor } from '../db/client.js';
import { deputies, persons } from '../modules/deputies/deputies.tables.js';
import { organizations } from '../modules/organizations/organizations.tables.js';
import { stationMembers, stations } from '../modules/stations/stations.tables.js';
import { recordAudit } from '../platform/audit.js';
import type { Role } from '../platform/auth/roles.js';
import { systemContext } from '../platform/context.js';
import { users } from '../platform/platform.tables.js';
import { DEMO_USERNAMES, planAccounts } from './accounts.js';
import { completeDemoOpinions } from './demoOpinions.js';
import { completeDemoSuggestions } from './demoSuggestions.js';
import { LEVELS, planDeputies } from './deputies.js';
import { loadGeography } from './geography.js';
import { planMembers } from './members.js';
import { planOrganizations } from './organizations.js';
import { PeopleFactory } from './people.js';
import { Random } from './random.js';
import { computeSizes, SCALES, type Scale } from './sizes.js';
import { type PlannedStation, planCountyStations } from './stations.js';
import { insertBatches } from './write.js';

export interface SeedOptions {
  scale: Scale;
  /** Build only this province, city or county of the scale's region (tests use one district). */
  regionCode?: string;
  /** Shrink every count by this factor (0 < fraction ≤ 1); tests use a few per cent. */
  fraction?: number;
  /**
   * The moment the demo's past year of opinions leads up to (default: the current time). The same
   * scale, region, fraction and moment give the same demo.
   */
  now?: Date;
  /**
   * Told the demo accounts and their passwords as soon as they are committed, before the minutes of
   * opinions and suggestions: a start interrupted then finishes those on the next, and the accounts
   * must have been shown already, since their passwords are kept only as hashes.
   */
  onAccounts?: (accounts: SeedResult['accounts']) => void;
}

export interface SeedResult {
  created: boolean;
  summary: string;
  accounts: { role: Role; username: string; password: string }[];
}

const DEMO_LOCK = 7_270_003;

/**
 * Builds the deterministic demo (DESIGN issue 2, item 9) straight into the tables: organizations,
 * stations, persons with their encrypted personal data, mandates, station groupings and one account
 * per role. All that is written in one transaction, so a crash leaves no half demo behind and a
 * second process waits and then finds the demo there. The constituent opinions of the past year
 * follow, county by county (demoOpinions.ts); a start interrupted among them finishes them on the
 * next. When the demo accounts already exist nothing else is changed and `created` is false.
 */
export async function seedDemo(deps: Pick<AppDeps, 'db' | 'crypto'>, opts: SeedOptions): Promise<SeedResult> {
  const { db, crypto } = deps;
  const totals = SCALES[opts.scale];
  if (!totals) throw new Error(`Unknown demo scale "${String(opts.scale)}": use city or province`);
  const fraction = opts.fraction ?? 1;
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`The demo fraction must be in (0, 1], got ${fraction}`);
  const focus = opts.regionCode ?? totals.rootCode;
  if (!focus.startsWith(totals.rootCode))
    throw new Error(`Region ${focus} is not inside ${totals.rootCode}, the region of the ${opts.scale} demo`);

  if (await demoPresent(db)) {
    // A start interrupted while writing the opinions or suggestions finishes them now.
    await completeDemoOpinions(deps);
    await completeDemoSuggestions(db);
    return notCreated();
  }
  const started = Date.now();

  const geo = await loadGeography(db, totals.rootCode, focus);
  const sizes = computeSizes(geo, totals, geo.share, fraction);
  const rng = new Random(`lianluo-demo:${opts.scale}:${focus}:${fraction}`);

  const orgs = planOrganizations(rng.fork('organizations'), geo);
  const stationPlan: PlannedStation[] = geo.counties.flatMap((c) =>
    planCountyStations(rng.fork(`stations:${c.code}`), c, sizes.stationsPerCounty.get(c.code) ?? 1),
  );
  const people = planDeputies(rng.fork('deputies'), geo, sizes.deputies, new PeopleFactory(crypto));
  const members = planMembers(rng.fork('members'), stationPlan, people.deputies);

  // The demo deputy heads a township station of the first county, so the account has a station to show.
  const firstLocal = stationPlan.find((s) => s.local) ?? (stationPlan[0] as PlannedStation);
  const head = members.find((m) => m.stationId === firstLocal.row.id && m.role === 'head');
  const headDeputy = people.deputies.find((d) => d.row.id === head?.deputyId) ?? people.deputies.find((d) => d.serving);
  const headPerson = people.persons.find((p) => p.id === headDeputy?.row.personId);
  if (!headDeputy || !headPerson) throw new Error('The demo has no serving deputy to link the deputy account to');
  const { rows: userRows, accounts } = await planAccounts({
    rootRegionCode: geo.root.code,
    deputy: { personId: headPerson.id, name: headPerson.name, regionCode: headDeputy.row.regionCode },
    station: { id: firstLocal.row.id, name: firstLocal.row.name, regionCode: firstLocal.row.regionCode },
    office: { id: orgs.rootOffice.id, name: orgs.rootOffice.name },
    unit: { id: orgs.rootUnit.id, name: orgs.rootUnit.name },
    standingCommittee: { id: orgs.rootStandingCommittee.id, name: orgs.rootStandingCommittee.name },
  });

  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, people.deputies.filter((d) => d.row.level === l).length]));
  const counts = {
    scale: opts.scale,
    regionCode: geo.root.code,
    fraction,
    counties: geo.counties.length,
    townships: geo.counties.reduce((a, c) => a + c.townships.length, 0),
    organizations: orgs.rows.length,
    stations: stationPlan.length,
    persons: people.persons.length,
    deputies: people.deputies.length,
    deputiesByLevel: byLevel,
    stationMembers: members.length,
    accounts: userRows.map((u) => u.username),
  };

  const created = await db.transaction(async (tx) => {
    // Two processes starting on one PostgreSQL: the second waits here, then sees the demo.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEMO_LOCK})`);
    if (await demoPresent(tx)) return false;
    await insertBatches(tx, organizations, orgs.rows);
    await insertBatches(
      tx,
      stations,
      stationPlan.map((s) => s.row),
    );
    await insertBatches(tx, persons, people.persons);
    await insertBatches(
      tx,
      deputies,
      people.deputies.map((d) => d.row),
    );
    await insertBatches(tx, stationMembers, members);
    await insertBatches(tx, users, userRows);
    await recordAudit(tx, systemContext('seed'), {
      action: 'demo.seed',
      entityType: 'demo',
      entityId: geo.root.code,
      regionCode: geo.root.code,
      // The moment the demo's opinions lead up to, so an interrupted run finishes them with the same plan.
      after: { ...counts, opinionsUntil: (opts.now ?? new Date()).toISOString() },
    });
    return true;
  });
  if (!created) {
    await completeDemoOpinions(deps);
    await completeDemoSuggestions(db);
    return notCreated();
  }
  opts.onAccounts?.(accounts);
  // Planner statistics for the tables just filled: PGlite has no autovacuum to gather them, and
  // on PostgreSQL the first queries would otherwise plan for empty tables.
  await db.execute(sql`ANALYZE organizations, stations, persons, deputies, station_members, users`);

  const baseSeconds = ((Date.now() - started) / 1000).toFixed(1);
  const opinions = await completeDemoOpinions(deps);
  const opinionSeconds = ((Date.now() - started) / 1000).toFixed(1);
  const suggestions = await completeDemoSuggestions(db);
  // A year of cases written in minutes updated each statistics cell hundreds of times in a burst
  // that no autovacuum keeps pace with: the province's cells came out at nearly six times their size
  // (the year cells at fifteen), which a live installation, its cells changed a few times a minute
  // and vacuumed as it goes, never reaches. Compact them, then reclaim the dead versions elsewhere
  // and count the rows, as autovacuum (PostgreSQL) or the nightly maintenance (PGlite) would; the
  // plain VACUUM after the FULL one also marks the pages all-visible for index-only reads.
  await db.execute(sql`VACUUM (FULL) opinion_stat_cube, opinion_stat_year, opinion_stat_facts`);
  await db.execute(
    sql`VACUUM (ANALYZE) opinion_stat_cube, opinion_stat_year, opinion_stat_facts, opinions, opinion_events, opinion_search_words`,
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const n = (x: number) => x.toLocaleString('en-US');
  const summary =
    `${geo.root.name}: ${n(counts.counties)} 个县区 counties, ${n(counts.townships)} 个乡镇街道 townships, ` +
    `${n(counts.stations)} 个联络站 stations, ${n(counts.deputies)} 名代表 deputies ` +
    `(${LEVELS.map((l) => `${l} ${n(byLevel[l] ?? 0)}`).join(', ')}; ${n(counts.persons)} persons), ` +
    `${n(counts.stationMembers)} 编组 station members, ${n(counts.organizations)} 个机构 organizations, ` +
    `${n(opinions?.opinions ?? 0)} 件群众意见 opinions (${n(opinions?.receptions ?? 0)} 次接待日 receptions), ` +
    `${n(suggestions?.suggestions ?? 0)} 件代表建议 suggestions (${n(suggestions?.congresses ?? 0)} 个人大 congresses), ` +
    `${userRows.length} 个演示账号 demo accounts — ${seconds} s (${baseSeconds} s before the opinions, ${opinionSeconds} s before the suggestions)`;
  return { created: true, summary, accounts };
}

async function demoPresent(db: Executor): Promise<boolean> {
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.username, [...DEMO_USERNAMES]))
    .limit(1);
  return found.length > 0;
}

function notCreated(): SeedResult {
  return { created: false, summary: '演示数据已存在，未作改动 (the demo is already there; nothing changed)', accounts: [] };
}
