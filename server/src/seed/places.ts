/**
 * Facts about Heilongjiang that the regions table does not carry: populations (2020 census,
 * in ten thousands, rounded), telephone area codes and city centres. They make the demo's
 * proportions and addresses plausible; they are not meant as statistics.
 */

/** Resident population of Harbin's districts and counties, 万人. */
export const HARBIN_COUNTY_POPULATION: Readonly<Record<string, number>> = {
  '230102': 97,
  '230103': 134,
  '230104': 73,
  '230108': 22,
  '230109': 47,
  '230110': 114,
  '230111': 68,
  '230112': 48,
  '230113': 61,
  '230123': 26,
  '230124': 16,
  '230125': 44,
  '230126': 42,
  '230127': 19,
  '230128': 16,
  '230129': 18,
  '230183': 44,
  '230184': 73,
};

export interface CityFacts {
  population: number;
  areaCode: string;
  lat: number;
  lng: number;
}

export const HEILONGJIANG_CITIES: Readonly<Record<string, CityFacts>> = {
  '2301': { population: 1001, areaCode: '0451', lat: 45.76, lng: 126.63 },
  '2302': { population: 407, areaCode: '0452', lat: 47.35, lng: 123.92 },
  '2303': { population: 150, areaCode: '0467', lat: 45.3, lng: 130.97 },
  '2304': { population: 89, areaCode: '0468', lat: 47.35, lng: 130.3 },
  '2305': { population: 121, areaCode: '0469', lat: 46.65, lng: 131.16 },
  '2306': { population: 278, areaCode: '0459', lat: 46.59, lng: 125.1 },
  '2307': { population: 88, areaCode: '0458', lat: 47.73, lng: 128.84 },
  '2308': { population: 216, areaCode: '0454', lat: 46.8, lng: 130.32 },
  '2309': { population: 69, areaCode: '0464', lat: 45.77, lng: 131.0 },
  '2310': { population: 229, areaCode: '0453', lat: 44.55, lng: 129.63 },
  '2311': { population: 129, areaCode: '0456', lat: 50.25, lng: 127.53 },
  '2312': { population: 376, areaCode: '0455', lat: 46.65, lng: 126.97 },
  '2327': { population: 33, areaCode: '0457', lat: 50.42, lng: 124.12 },
};

/** What a city the table does not know gets, so the generator never fails on a region it was not tuned for. */
export function cityFacts(cityCode: string): CityFacts {
  return HEILONGJIANG_CITIES[cityCode] ?? { population: 100, areaCode: '0451', lat: 45.76, lng: 126.63 };
}

/**
 * A prefecture (地区) has no people's congress of its own: the provincial standing committee
 * works there through a 人大工作委员会, and there are no municipal deputies.
 */
export const isPrefecture = (cityName: string): boolean => cityName.endsWith('地区');

/** Development zones (codes with 7 in the fifth digit) are run by commissions, not by a congress. */
export const isDevelopmentZone = (countyCode: string, name: string): boolean => countyCode[4] === '7' || name.includes('开发区');

/** Sub-district offices (街道) have no congress; towns and townships (镇, 乡) do. */
export const isStreet = (townshipName: string): boolean => townshipName.endsWith('街道') || townshipName.endsWith('街道办事处');
