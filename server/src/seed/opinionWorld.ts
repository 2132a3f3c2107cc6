import { and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { deputies, persons } from '../modules/deputies/deputies.tables.js';
import { organizations } from '../modules/organizations/organizations.tables.js';
import { stationMembers, stations } from '../modules/stations/stations.tables.js';
import { auditEvents, users } from '../platform/platform.tables.js';
import { DEMO_USERNAMES } from './accounts.js';
import type { DemoAccountIds, DemoOrganization } from './opinionParties.js';
import type { Scale } from './sizes.js';

/**
 * What the demo's opinions are planned on, read back from the database the base demo was written
 * to — so an interrupted run can finish on a later start with the same plan — in an order that does
 * not depend on the generated ids, so the same seed gives the same cases on any database.
 */

/** The base demo's parameters, kept in its audit row (demo.ts). */
export interface DemoParams {
  scale: Scale;
  /** The region the demo was built for (the scale's root or a part of it). */
  regionCode: string;
  fraction: number;
  /** The moment the opinions' past year leads up to. */
  opinionsUntil: string;
}

export async function demoParams(db: Executor): Promise<DemoParams | undefined> {
  const [row] = await db
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'demo.seed'))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const p = row?.after as Partial<DemoParams> | undefined;
  if (!p?.scale || !p.regionCode || !p.fraction || !p.opinionsUntil) return undefined;
  return { scale: p.scale, regionCode: p.regionCode, fraction: p.fraction, opinionsUntil: p.opinionsUntil };
}

export async function opinionsSeeded(db: Executor): Promise<boolean> {
  const found = await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, 'demo.opinions')).limit(1);
  return found.length > 0;
}

export interface DemoStation {
  id: string;
  code: string;
  name: string;
  type: string;
  tier: string;
  regionCode: string;
  countyCode: string;
  /** The township the station serves; null for the county-wide ones. */
  townshipCode: string | null;
  latitude: number | null;
  longitude: number | null;
  receptionSchedule: string | null;
}

export function loadStations(db: Executor, regionCode: string): Promise<DemoStation[]> {
  return db
    .select({
      id: stations.id,
      code: stations.code,
      name: stations.name,
      type: stations.type,
      tier: stations.tier,
      regionCode: stations.regionCode,
      countyCode: sql<string>`left(${stations.regionCode}, 6)`,
      townshipCode: sql<string | null>`CASE WHEN length(${stations.regionCode}) = 9 THEN ${stations.regionCode} END`,
      latitude: stations.latitude,
      longitude: stations.longitude,
      receptionSchedule: stations.receptionSchedule,
    })
    .from(stations)
    .where(and(like(stations.regionCode, `${regionCode}%`), eq(stations.status, 'active')))
    .orderBy(asc(stations.code));
}

/** Each station's serving members, its head first (the first responsible deputy of its cases). */
export async function loadMembers(db: Executor, regionCode: string) {
  const rows = await db
    .select({ stationId: stationMembers.stationId, deputyId: deputies.id, personId: persons.id, name: persons.name })
    .from(stationMembers)
    .innerJoin(stations, eq(stations.id, stationMembers.stationId))
    .innerJoin(deputies, eq(deputies.id, stationMembers.deputyId))
    .innerJoin(persons, eq(persons.id, deputies.personId))
    .where(and(like(stations.regionCode, `${regionCode}%`), eq(deputies.status, 'serving')))
    .orderBy(
      asc(stations.code),
      sql`CASE ${stationMembers.role} WHEN 'head' THEN 0 WHEN 'deputy_head' THEN 1 ELSE 2 END`,
      asc(deputies.levelRank),
      asc(persons.namePinyin),
      asc(persons.name),
      asc(persons.birthDate),
      asc(persons.idNumberHash),
    );
  const out = new Map<string, { deputyId: string; personId: string; name: string }[]>();
  for (const r of rows) {
    const list = out.get(r.stationId) ?? [];
    list.push({ deputyId: r.deputyId, personId: r.personId, name: r.name });
    out.set(r.stationId, list);
  }
  return out;
}

/** The handling units and offices of the region line: the region, everything below, and the levels above. */
export function loadOrganizations(db: Executor, regionCode: string): Promise<DemoOrganization[]> {
  const above = [regionCode.slice(0, 2), regionCode.slice(0, 4)].filter((c) => c.length < regionCode.length);
  return db
    .select({
      id: organizations.id,
      regionCode: organizations.regionCode,
      category: organizations.category,
      kind: organizations.kind,
      name: organizations.name,
      shortName: organizations.shortName,
    })
    .from(organizations)
    .where(
      and(
        eq(organizations.status, 'active'),
        above.length
          ? or(like(organizations.regionCode, `${regionCode}%`), inArray(organizations.regionCode, above))
          : like(organizations.regionCode, `${regionCode}%`),
      ),
    )
    .orderBy(asc(organizations.regionCode), asc(organizations.name));
}

export async function loadAccounts(db: Executor): Promise<DemoAccountIds> {
  const rows = await db
    .select({
      username: users.username,
      id: users.id,
      displayName: users.displayName,
      personId: users.personId,
      stationId: users.stationId,
      organizationId: users.organizationId,
    })
    .from(users)
    .where(inArray(users.username, [...DEMO_USERNAMES]));
  const by = new Map(rows.map((r) => [r.username, r]));
  const get = (name: (typeof DEMO_USERNAMES)[number]) => {
    const row = by.get(name);
    if (!row) throw new Error(`The demo has no ${name} account`);
    return row;
  };
  return {
    deputy: { userId: get('demo_deputy').id, personId: get('demo_deputy').personId ?? '' },
    station: { userId: get('demo_station').id, stationId: get('demo_station').stationId ?? '' },
    office: {
      userId: get('demo_office').id,
      organizationId: get('demo_office').organizationId ?? '',
      name: get('demo_office').displayName,
    },
    unit: { userId: get('demo_unit').id, organizationId: get('demo_unit').organizationId ?? '' },
    leader: { userId: get('demo_leader').id, name: get('demo_leader').displayName },
  };
}
