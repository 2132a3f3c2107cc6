import { randomInt } from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { deputies, persons } from '../modules/deputies/deputies.tables.js';
import { regions } from '../modules/regions/regions.tables.js';
import { type StationTier, type StationType, stations } from '../modules/stations/stations.tables.js';
import type { FieldCrypto } from '../platform/crypto.js';
import { maskPhone } from '../platform/crypto.js';
import { pinyinKeys } from '../platform/text.js';
import { uniq } from './factories.js';

/**
 * A county picked at random from the national tree (with a township below it), so parallel tests and
 * the shared PostgreSQL test database rarely meet in the same county's 1,000 station codes.
 */
export async function randomCounty(db: Executor, opts: { notIn?: string } = {}): Promise<{ county: string; township: string }> {
  for (;;) {
    const [row] = await db
      .select({ county: regions.code, township: sql<string>`min(t.code)` })
      .from(regions)
      .innerJoin(sql`regions t`, sql`t.parent_code = ${regions.code}`)
      .where(and(eq(regions.level, 'county'), sql`length(${regions.code}) = 6`))
      .groupBy(regions.code)
      .orderBy(sql`random()`)
      .limit(1);
    if (!row) throw new Error('no county with townships: were the regions imported?');
    if (!opts.notIn || !row.county.startsWith(opts.notIn)) return row;
  }
}

/** A station code of the county that no station uses yet. */
export async function freeStationCode(db: Executor, county: string): Promise<string> {
  const used = new Set(
    (
      await db
        .select({ code: stations.code })
        .from(stations)
        .where(like(stations.code, `${county}-%`))
    ).map((r) => r.code),
  );
  if (used.size >= 1000) throw new Error(`county ${county} has no free station code`);
  for (;;) {
    const code = `${county}-${String(randomInt(1, 1000)).padStart(3, '0')}`;
    if (!used.has(code)) return code;
  }
}

export interface StationOverrides {
  regionCode: string;
  code?: string;
  name?: string;
  type?: StationType;
  tier?: StationTier;
  status?: 'active' | 'inactive';
  hotline?: string | null;
}

/** A station row written directly, for tests about something other than creating stations. */
export async function buildStation(db: Executor, o: StationOverrides) {
  const name = o.name ?? `测试联络站${uniq()}`;
  const [row] = await db
    .insert(stations)
    .values({
      code: o.code ?? (await freeStationCode(db, o.regionCode.slice(0, 6))),
      name,
      type: o.type ?? 'station',
      tier: o.tier ?? 'basic',
      regionCode: o.regionCode,
      address: '测试路 1 号',
      hotline: o.hotline === undefined ? '0451-86001234' : o.hotline,
      status: o.status ?? 'active',
      ...pinyinKeys(name),
    })
    .returning();
  if (!row) throw new Error('station not created');
  return row;
}

export interface DeputyOverrides {
  regionCode: string;
  name?: string;
  level?: 'national' | 'provincial' | 'municipal' | 'county' | 'township';
  status?: 'serving' | 'ended' | 'resigned' | 'recalled' | 'deceased';
  phone?: string;
  deputyGroup?: string | null;
}

/** A person with one mandate, the phone encrypted as the deputies module stores it. */
export async function buildDeputy(db: Executor, crypto: FieldCrypto, o: DeputyOverrides) {
  const name = o.name ?? `代表${uniq()}`;
  const phone = o.phone ?? `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  const [person] = await db
    .insert(persons)
    .values({
      regionCode: o.regionCode,
      name,
      gender: 'female',
      phoneEnc: crypto.encrypt(phone),
      phoneHash: crypto.blindIndex(phone),
      phoneMasked: maskPhone(phone),
      ...pinyinKeys(name),
    })
    .returning();
  if (!person) throw new Error('person not created');
  const [deputy] = await db
    .insert(deputies)
    .values({
      personId: person.id,
      level: o.level ?? 'county',
      congressRegionCode: o.regionCode,
      regionCode: o.regionCode,
      term: 18,
      deputyGroup: o.deputyGroup === undefined ? '第一代表小组' : o.deputyGroup,
      status: o.status ?? 'serving',
      startedOn: '2021-12-01',
      endedOn: o.status && o.status !== 'serving' ? '2024-01-01' : null,
    })
    .returning();
  if (!deputy) throw new Error('deputy not created');
  return { ...deputy, name, phone, person };
}
