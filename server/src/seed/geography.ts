import { and, asc, eq, inArray, like, or } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { regions } from '../modules/regions/regions.tables.js';
import { cityFacts, HARBIN_COUNTY_POPULATION, isDevelopmentZone, isPrefecture, isStreet } from './places.js';

export interface Township {
  code: string;
  name: string;
  /** 街道: no township congress, so no township deputies. */
  street: boolean;
}

export interface County {
  code: string;
  name: string;
  city: City;
  townships: Township[];
  /** Relative population (万人): the census figure for Harbin, the city's share by township count elsewhere. */
  population: number;
}

export interface City {
  code: string;
  name: string;
  /** 哈尔滨市 → 哈尔滨, for utility and delegation names. */
  shortName: string;
  prefecture: boolean;
  areaCode: string;
  lat: number;
  lng: number;
}

export interface Geography {
  root: { code: string; name: string; level: 'province' | 'city' | 'county' };
  province: { code: string; name: string; shortName: string };
  cities: City[];
  counties: County[];
}

const shorten = (name: string) => name.replace(/(省|市|地区|自治区|特别行政区)$/, '');

/**
 * Reads the real region tree under `rootCode` (a province, city or county) from the regions
 * table, in code order so the generator sees the same input every time. With `focusCode` (a
 * region inside the root) the geography is narrowed to that subtree, and `share` says which part
 * of the root's population it holds — computed on the whole root, so a county's weight does not
 * change with the region asked for.
 */
export async function loadGeography(
  db: Executor,
  rootCode: string,
  focusCode = rootCode,
): Promise<Geography & { share: number }> {
  if (!focusCode.startsWith(rootCode)) throw new Error(`Region ${focusCode} is not inside ${rootCode}`);
  const provinceCode = rootCode.slice(0, 2);
  const cityCode = rootCode.slice(0, 4);
  const rows = await db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode })
    .from(regions)
    .where(
      and(
        inArray(regions.level, ['province', 'city', 'county', 'township']),
        or(like(regions.code, `${rootCode}%`), eq(regions.code, provinceCode), eq(regions.code, cityCode)),
      ),
    )
    .orderBy(asc(regions.code));
  const rootRow = rows.find((r) => r.code === rootCode);
  const provinceRow = rows.find((r) => r.code === provinceCode);
  if (!rootRow || !provinceRow) {
    throw new Error(`Region ${rootCode} is not in the regions table: import the regions before seeding the demo`);
  }
  if (rootRow.level !== 'province' && rootRow.level !== 'city' && rootRow.level !== 'county') {
    throw new Error(`The demo is built on a province, a city or a county; ${rootCode} is a ${rootRow.level}`);
  }

  const cities = new Map<string, City>();
  for (const r of rows) {
    if (r.level !== 'city') continue;
    const facts = cityFacts(r.code);
    cities.set(r.code, {
      code: r.code,
      name: r.name,
      shortName: shorten(r.name),
      prefecture: isPrefecture(r.name),
      areaCode: facts.areaCode,
      lat: facts.lat,
      lng: facts.lng,
    });
  }

  const counties: County[] = [];
  const byCode = new Map<string, County>();
  for (const r of rows) {
    if (r.level !== 'county' || !r.code.startsWith(rootCode) || isDevelopmentZone(r.code, r.name)) continue;
    const city = cities.get(r.code.slice(0, 4));
    if (!city) continue;
    const county: County = { code: r.code, name: r.name, city, townships: [], population: 0 };
    counties.push(county);
    byCode.set(r.code, county);
  }
  for (const r of rows) {
    // 001–099 are sub-districts, 100–199 towns, 200–399 townships; 400 and above are farms,
    // forestry bureaus and zones that have no township congress, so the demo leaves them out.
    const serial = Number(r.code.slice(6));
    if (r.level !== 'township' || serial >= 400) continue;
    const street = serial < 100 || isStreet(r.name);
    byCode.get(r.code.slice(0, 6))?.townships.push({ code: r.code, name: r.name, street });
  }
  const withTownships = counties.filter((c) => c.townships.length > 0);
  if (withTownships.length === 0) throw new Error(`Region ${rootCode} has no counties with townships to build a demo on`);

  // Outside the census table, a city's population is spread over its counties by township count.
  const townshipsPerCity = new Map<string, number>();
  for (const c of withTownships) townshipsPerCity.set(c.city.code, (townshipsPerCity.get(c.city.code) ?? 0) + c.townships.length);
  for (const c of withTownships) {
    c.population =
      HARBIN_COUNTY_POPULATION[c.code] ??
      (cityFacts(c.city.code).population * c.townships.length) / (townshipsPerCity.get(c.city.code) ?? 1);
  }

  const focusRow = rows.find((r) => r.code === focusCode);
  if (!focusRow || (focusRow.level !== 'province' && focusRow.level !== 'city' && focusRow.level !== 'county')) {
    throw new Error(`The demo is built on a province, a city or a county inside ${rootCode}; ${focusCode} is not one`);
  }
  const focused = withTownships.filter((c) => c.code.startsWith(focusCode));
  if (focused.length === 0) throw new Error(`Region ${focusCode} has no counties with townships to build a demo on`);
  const total = withTownships.reduce((a, c) => a + c.population, 0);
  return {
    root: { code: focusRow.code, name: focusRow.name, level: focusRow.level },
    province: { code: provinceRow.code, name: provinceRow.name, shortName: shorten(provinceRow.name) },
    cities: [...cities.values()].filter((c) => focused.some((k) => k.city.code === c.code)),
    counties: focused,
    share: focused.reduce((a, c) => a + c.population, 0) / total,
  };
}
