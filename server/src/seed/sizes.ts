import type { DeputyCounts } from './deputies.js';
import type { Geography } from './geography.js';
import type { DeputyLevel } from './names.js';
import { apportion } from './random.js';

export type Scale = 'city' | 'province';

/**
 * The two demo sizes. City is Harbin as it roughly is (337 stations, 15,000 mandates);
 * province is ten times that on all of Heilongjiang, for benchmarks.
 */
export const SCALES: Record<Scale, { rootCode: string; stations: number; deputies: Record<DeputyLevel, number> }> = {
  city: {
    rootCode: '2301',
    stations: 337,
    deputies: { national: 8, provincial: 100, municipal: 500, county: 3000, township: 11392 },
  },
  province: {
    rootCode: '23',
    stations: 3370,
    deputies: { national: 80, provincial: 1000, municipal: 5000, county: 30000, township: 113920 },
  },
};

export interface Sizes {
  stationsPerCounty: Map<string, number>;
  deputies: DeputyCounts;
}

/**
 * Spreads the scale's totals over the counties of `geo`. `share` is the part of the scale's
 * population that `geo` covers (1 unless a smaller region was asked for), `fraction` shrinks
 * everything further (tests). Stations and county congresses follow a blend of population and
 * township count — every township should have a station, and a county congress has a statutory
 * minimum size — while the deputies of the national, provincial and municipal congresses follow
 * population alone.
 */
export function computeSizes(geo: Geography, totals: (typeof SCALES)[Scale], share: number, fraction: number): Sizes {
  const counties = geo.counties;
  const scaled = (n: number) => Math.round(n * share * fraction);
  const pop = counties.map((c) => c.population);
  const popSum = pop.reduce((a, b) => a + b, 0);
  const townSum = counties.reduce((a, c) => a + c.townships.length, 0);
  const blend = counties.map((c, i) => 0.5 * ((pop[i] as number) / popSum) + 0.5 * (c.townships.length / townSum));

  const stations = apportion(Math.max(counties.length, scaled(totals.stations)), blend, 1);
  const stationsPerCounty = new Map(counties.map((c, i) => [c.code, stations[i] as number]));

  const national = apportion(scaled(totals.deputies.national), pop);
  const provincial = apportion(scaled(totals.deputies.provincial), pop);
  const municipal = apportion(
    scaled(totals.deputies.municipal),
    counties.map((c, i) => (c.city.prefecture ? 0 : (pop[i] as number))),
  );
  // Every station needs a county deputy to head it.
  const countyTotal = Math.max(
    scaled(totals.deputies.county),
    stations.reduce((a, b) => a + b, 0),
  );
  const county = apportionAtLeast(countyTotal, blend, stations);

  const perCounty = new Map(
    counties.map((c, i) => [
      c.code,
      {
        national: national[i] as number,
        provincial: provincial[i] as number,
        municipal: municipal[i] as number,
        county: county[i] as number,
      },
    ]),
  );

  // A town's congress grows with its population, from a floor every town has.
  const perTownship = popSum / townSum;
  const towns = counties.flatMap((c, i) =>
    c.townships
      .filter((t) => !t.street)
      .map((t) => ({ code: t.code, weight: 0.5 + (0.5 * ((pop[i] as number) / c.townships.length)) / perTownship })),
  );
  const township = apportion(
    scaled(totals.deputies.township),
    towns.map((t) => t.weight),
  );
  const perTown = new Map(towns.map((t, i) => [t.code, township[i] as number]));
  return { stationsPerCounty, deputies: { perCounty, perTown } };
}

/** apportion() with a per-item minimum (the total is raised to cover the minimums). */
function apportionAtLeast(total: number, weights: readonly number[], mins: readonly number[]): number[] {
  const minSum = mins.reduce((a, b) => a + b, 0);
  const extra = apportion(Math.max(0, total - minSum), weights);
  return mins.map((m, i) => m + (extra[i] as number));
}
