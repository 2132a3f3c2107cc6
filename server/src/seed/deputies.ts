import { randomUUID } from 'node:crypto';
import type { deputies } from '../modules/deputies/deputies.tables.js';
import type { County, Geography, Township } from './geography.js';
import type { DeputyLevel } from './names.js';
import type { PeopleFactory, PersonRow } from './people.js';
import type { Random } from './random.js';

export type DeputyRow = typeof deputies.$inferInsert & { id: string; level: DeputyLevel };

export const LEVELS: readonly DeputyLevel[] = ['national', 'provincial', 'municipal', 'county', 'township'];

/** The current terms (national and provincial elected in 2023, municipal in 2022, county and township in 2021). */
const TERMS: Record<DeputyLevel, { term: number; startedOn: string }> = {
  national: { term: 14, startedOn: '2023-03-05' },
  provincial: { term: 14, startedOn: '2023-01-16' },
  municipal: { term: 16, startedOn: '2022-01-06' },
  county: { term: 18, startedOn: '2021-12-20' },
  township: { term: 19, startedOn: '2021-11-26' },
};

/** Share of mandates held by someone who already sits in the congress one level up (兼任). */
const DOUBLE_MANDATE: Partial<Record<DeputyLevel, number>> = { municipal: 0.2, county: 0.25, township: 0.1 };

export interface DeputyCounts {
  /** Per county code, the mandates of the levels above the township. */
  perCounty: Map<string, Record<Exclude<DeputyLevel, 'township'>, number>>;
  /** Per township code (towns only), the township congress's deputies. */
  perTown: Map<string, number>;
}

export interface PlannedDeputy {
  row: DeputyRow;
  countyCode: string;
  townshipCode: string;
  serving: boolean;
}

export interface PlannedDeputies {
  persons: PersonRow[];
  deputies: PlannedDeputy[];
}

/**
 * Elects the demo's deputies county by county, from the national level down, so a person who
 * sits in two congresses is drawn from those already elected above. A few mandates have ended
 * early (resigned, deceased, recalled) to give the status filters something to show.
 */
export function planDeputies(rng: Random, geo: Geography, counts: DeputyCounts, people: PeopleFactory): PlannedDeputies {
  const persons: PersonRow[] = [];
  const planned: PlannedDeputy[] = [];

  for (const county of geo.counties) {
    const r = rng.fork(`deputies:${county.code}`);
    const perLevel = counts.perCounty.get(county.code);
    // Persons already holding a mandate, by level, so the level below can reuse them.
    const holders = new Map<DeputyLevel, { person: PersonRow; township: Township }[]>();
    const holdsAt = new Map<string, Set<DeputyLevel>>();

    const elect = (level: DeputyLevel, township: Township) => {
      const above = LEVELS[LEVELS.indexOf(level) - 1];
      const pool = above ? (holders.get(above) ?? []) : [];
      const candidates =
        level === 'township'
          ? pool.filter((h) => h.township.code === township.code && !holdsAt.get(h.person.id as string)?.has(level))
          : pool.filter((h) => !holdsAt.get(h.person.id as string)?.has(level));
      let person: PersonRow;
      let home = township;
      const reuse = DOUBLE_MANDATE[level] ?? 0;
      if (candidates.length > 0 && r.chance(reuse)) {
        const h = r.pick(candidates);
        person = h.person;
        home = h.township;
      } else {
        person = people.create(r, level, county.code, township.code, !township.street);
        persons.push(person);
      }
      const held = holdsAt.get(person.id) ?? new Set<DeputyLevel>();
      held.add(level);
      holdsAt.set(person.id, held);
      const list = holders.get(level) ?? [];
      list.push({ person, township: home });
      holders.set(level, list);
      planned.push(mandate(r, geo, county, home, level, person));
    };

    if (perLevel) {
      for (const level of ['national', 'provincial', 'municipal', 'county'] as const) {
        for (let i = 0; i < perLevel[level]; i++) elect(level, r.pick(county.townships));
      }
    }
    for (const township of county.townships) {
      const n = counts.perTown.get(township.code) ?? 0;
      for (let i = 0; i < n; i++) elect('township', township);
    }
  }
  return { persons, deputies: planned };
}

function mandate(
  r: Random,
  geo: Geography,
  county: County,
  township: Township,
  level: DeputyLevel,
  person: PersonRow,
): PlannedDeputy {
  const { term, startedOn } = TERMS[level];
  const congressRegionCode =
    level === 'national' || level === 'provincial'
      ? geo.province.code
      : level === 'municipal'
        ? county.city.code
        : level === 'county'
          ? county.code
          : township.code;
  const delegation =
    level === 'national'
      ? `${geo.province.shortName}代表团`
      : level === 'provincial'
        ? `${county.city.shortName}代表团`
        : level === 'municipal'
          ? `${county.name}代表团`
          : null;
  // Deputies above the county are elected by the congress one level down, not in a constituency.
  const constituency =
    level === 'national'
      ? `${geo.province.name}人民代表大会`
      : level === 'provincial'
        ? `${county.city.name}人民代表大会`
        : level === 'municipal'
          ? `${county.name}人民代表大会`
          : `第${r.int(1, level === 'county' ? 90 : 25)}选区`;
  const deputyGroup = level === 'township' ? `${township.name}第${r.int(1, 6)}代表小组` : `${township.name}代表小组`;

  const roll = r.next();
  const status = roll < 0.008 ? 'resigned' : roll < 0.011 ? 'deceased' : roll < 0.012 ? 'recalled' : 'serving';
  const changedOn = status === 'serving' ? null : dateBetween(r, startedOn, '2025-06-30');
  return {
    countyCode: county.code,
    townshipCode: township.code,
    serving: status === 'serving',
    row: {
      id: randomUUID(),
      personId: person.id,
      level,
      congressRegionCode,
      regionCode: township.code,
      term,
      delegation,
      constituency,
      deputyGroup,
      status,
      startedOn,
      endedOn: changedOn,
      statusChangedOn: changedOn,
    },
  };
}

function dateBetween(r: Random, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(r.next() * ((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}
