import type { stationMembers } from '../modules/stations/stations.tables.js';
import type { PlannedDeputy } from './deputies.js';
import type { DeputyLevel } from './names.js';
import type { Random } from './random.js';
import type { PlannedStation } from './stations.js';

export type StationMemberRow = typeof stationMembers.$inferInsert;

/** Chance of a second station, by level: deputies of the higher congresses usually join two. */
const SECOND_STATION: Record<DeputyLevel, number> = { national: 1, provincial: 1, municipal: 0.4, county: 0.1, township: 0.03 };
/** Who is preferred as a station's head (站长): a county deputy, then municipal, then township… */
const HEAD_PREFERENCE: Record<DeputyLevel, number> = { county: 0, municipal: 1, township: 2, provincial: 3, national: 4 };

/**
 * Groups every serving deputy into one or two stations (编组进站): deputies of the higher
 * congresses into their county's main station, the others into a station of their own township
 * (or of their county when the township has none), and some into a second one — often the court,
 * procuratorate, enterprise or mobile station. Every station gets at least one member, exactly one
 * head, and a deputy head once it has six members.
 */
export function planMembers(rng: Random, stationsPlan: PlannedStation[], deputiesPlan: PlannedDeputy[]): StationMemberRow[] {
  const byCounty = new Map<string, { stations: PlannedStation[]; deputies: PlannedDeputy[] }>();
  for (const s of stationsPlan) {
    const g = byCounty.get(s.countyCode) ?? { stations: [], deputies: [] };
    g.stations.push(s);
    byCounty.set(s.countyCode, g);
  }
  for (const d of deputiesPlan) if (d.serving) byCounty.get(d.countyCode)?.deputies.push(d);

  const rows: StationMemberRow[] = [];
  for (const [countyCode, { stations, deputies }] of byCounty) {
    const r = rng.fork(`members:${countyCode}`);
    const main = stations.find((s) => s.row.tier === 'main') as PlannedStation;
    const local = stations.filter((s) => s.local);
    const special = stations.filter((s) => !s.local && s !== main);
    const inTownship = new Map<string, PlannedStation[]>();
    for (const s of local) {
      const list = inTownship.get(s.townshipCode as string) ?? [];
      list.push(s);
      inTownship.set(s.townshipCode as string, list);
    }
    const members = new Map<PlannedStation, PlannedDeputy[]>(stations.map((s) => [s, []]));
    const count = new Map<PlannedDeputy, number>();
    const join = (s: PlannedStation, d: PlannedDeputy) => {
      members.get(s)?.push(d);
      count.set(d, (count.get(d) ?? 0) + 1);
    };

    for (const d of deputies) {
      const level = d.row.level;
      const own = inTownship.get(d.townshipCode);
      const higher = level === 'national' || level === 'provincial' || level === 'municipal';
      const first = higher ? main : own ? r.pick(own) : local.length ? r.pick(local) : main;
      join(first, d);
      if (stations.length > 1 && r.chance(SECOND_STATION[level])) {
        const options = special.length && r.chance(0.6) ? special : higher && own ? own : stations.filter((s) => s !== first);
        const second = r.pick(options.filter((s) => s !== first).length ? options.filter((s) => s !== first) : [first]);
        if (second !== first) join(second, d);
      }
    }

    // A station nobody joined takes a deputy of the county who is so far in only one station.
    for (const s of stations) {
      const list = members.get(s) as PlannedDeputy[];
      if (list.length > 0) continue;
      const spare = deputies.filter((d) => (count.get(d) ?? 0) < 2 && !list.includes(d));
      if (spare.length) join(s, r.pick(spare));
    }

    for (const s of stations) {
      const list = members.get(s) as PlannedDeputy[];
      if (list.length === 0) continue;
      const best = Math.min(...list.map((d) => HEAD_PREFERENCE[d.row.level]));
      const head = r.pick(list.filter((d) => HEAD_PREFERENCE[d.row.level] === best));
      const rest = list.filter((d) => d !== head);
      const deputyHead = list.length >= 6 ? r.pick(rest) : undefined;
      for (const d of list) {
        rows.push({
          stationId: s.row.id,
          deputyId: d.row.id,
          regionCode: s.row.regionCode,
          role: d === head ? 'head' : d === deputyHead ? 'deputy_head' : 'member',
          joinedOn: d.row.startedOn,
        });
      }
    }
  }
  return rows;
}
