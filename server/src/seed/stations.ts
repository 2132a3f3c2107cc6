import { randomUUID } from 'node:crypto';
import type { stations } from '../modules/stations/stations.tables.js';
import { pinyinKeys } from '../platform/text.js';
import type { County, Township } from './geography.js';
import { COMMUNITY_WORDS, ENTERPRISES, ROAD_WORDS } from './names.js';
import type { Random } from './random.js';

export type StationRow = typeof stations.$inferInsert & { id: string };

export interface PlannedStation {
  row: StationRow;
  countyCode: string;
  /** The township the station serves; null for the county-wide ones (main, court, mobile…). */
  townshipCode: string | null;
  /** Deputies of its township join it first; the special ones take deputies as a second station. */
  local: boolean;
}

const OPENING_HOURS = [
  '周一至周五 8:30-11:30，13:30-17:00',
  '工作日 9:00-17:00',
  '周一至周五 8:00-12:00，13:00-16:30；接待日全天开放',
  '周二、周四 9:00-16:00',
];
const RECEPTION_DAYS = [5, 8, 10, 15, 18, 20, 25];
const STARS: readonly (readonly [number, number])[] = [
  [5, 8],
  [4, 20],
  [3, 35],
  [2, 20],
  [1, 10],
  [0, 7],
];

/**
 * Plans one county's stations: a main station (总站), one station or deputies' home per township
 * until every township has one (the 全覆盖 goal), then second stations and contact points in
 * the largest places, plus the court, procuratorate, mobile and enterprise stations a county
 * of that size usually has. Codes are `<county>-<nnn>` in that order.
 */
export function planCountyStations(rng: Random, county: County, count: number): PlannedStation[] {
  const out: PlannedStation[] = [];
  const names = new Set<string>();
  const center = countyCenter(rng, county);
  const road = () => `${rng.pick(ROAD_WORDS)}${rng.int(1, 399)}号`;

  const add = (p: {
    name: string;
    type: StationRow['type'];
    tier: StationRow['tier'];
    township: Township | null;
    address: string;
    local: boolean;
    stars?: number;
    description: string;
  }) => {
    names.add(p.name);
    const code = `${county.code}-${String(out.length + 1).padStart(3, '0')}`;
    out.push({
      countyCode: county.code,
      townshipCode: p.township?.code ?? null,
      local: p.local,
      row: {
        id: randomUUID(),
        code,
        name: p.name,
        type: p.type,
        tier: p.tier,
        regionCode: p.township?.code ?? county.code,
        address: p.address,
        latitude: round5(center.lat + (rng.next() - 0.5) * 0.06),
        longitude: round5(center.lng + (rng.next() - 0.5) * 0.08),
        openingHours: rng.pick(OPENING_HOURS),
        receptionSchedule: `每月${rng.pick(RECEPTION_DAYS)}日 ${rng.pick(['9:00-11:30', '8:30-11:30', '14:00-16:30'])}`,
        hotline: `${county.city.areaCode}-${rng.pick(['5', '8'])}${rng.digits(7)}`,
        starLevel: p.stars ?? rng.weighted(STARS),
        description: p.description,
        status: 'active',
        ...pinyinKeys(p.name),
      },
    });
  };

  const cityCounty = `${county.city.name}${county.name}`;
  add({
    name: `${county.name}人大代表联络总站`,
    type: 'station',
    tier: 'main',
    township: null,
    address: `${cityCounty}${road()}`,
    local: false,
    stars: 5,
    description: `${county.name}人大常委会设立的代表联络总站，统筹全${county.name.slice(-1)}各联络站的接待、培训和意见建议的分流督办。`,
  });

  const rest = count - 1;
  const specials: (() => void)[] = [];
  if (rest >= 5) {
    specials.push(() =>
      add({
        name: `${county.name}流动人大代表联络站`,
        type: 'mobile',
        tier: 'basic',
        township: null,
        address: `${cityCounty}人大常委会（流动接待，地点按月公布）`,
        local: false,
        description: '代表定期进村入户、深入园区和项目一线流动接待群众。',
      }),
    );
  }
  if (rest >= 7) {
    specials.push(() =>
      add({
        name: `${county.name}人民法院人大代表联络站`,
        type: 'court',
        tier: 'basic',
        township: null,
        address: `${cityCounty}${road()}（${county.name}人民法院内）`,
        local: false,
        description: '人民法院与人大代表常态化联络的平台，邀请代表旁听庭审、见证执行、听取意见。',
      }),
    );
  }
  if (rest >= 9) {
    specials.push(() =>
      add({
        name: `${county.name}人民检察院人大代表联络站`,
        type: 'procuratorate',
        tier: 'basic',
        township: null,
        address: `${cityCounty}${road()}（${county.name}人民检察院内）`,
        local: false,
        description: '检察机关接受代表监督、听取代表意见建议的联络平台。',
      }),
    );
  }
  const enterprises = Math.floor(rest / 15);
  for (let i = 0; i < enterprises; i++) {
    const township = rng.pick(county.townships);
    const enterprise = `${county.city.shortName}${ENTERPRISES[(i + county.code.charCodeAt(5)) % ENTERPRISES.length]}`;
    specials.push(() =>
      add({
        name: unique(names, `${enterprise}人大代表联络站`, () => `${enterprise}${rng.pick(COMMUNITY_WORDS)}分厂人大代表联络站`),
        type: 'enterprise',
        tier: 'basic',
        township,
        address: `${cityCounty}${township.name}${road()}`,
        local: false,
        description: '设在企业的代表联络站，听取职工和企业的意见建议，服务营商环境。',
      }),
    );
  }

  const localCount = Math.max(0, rest - specials.length);
  const order = rng.shuffle(county.townships);
  for (let i = 0; i < localCount; i++) {
    const township = order[i % order.length] as Township;
    const first = i < order.length;
    const place = `${cityCounty}${township.name}`;
    if (first && !township.street && rng.chance(0.4)) {
      add({
        name: `${county.name}${township.name}人大代表之家`,
        type: 'home',
        tier: 'central',
        township,
        address: `${place}人民政府院内`,
        local: true,
        description: `${township.name}人大主席团设立的代表之家，兼作${township.name}人大代表联络中心站。`,
      });
    } else if (first) {
      add({
        name: `${county.name}${township.name}人大代表联络站`,
        type: 'station',
        tier: rng.chance(0.1) ? 'central' : 'basic',
        township,
        address: township.street ? `${place}${road()}` : `${place}人民政府院内`,
        local: true,
        description: `设在${township.name}的代表联络站，代表按月轮值接待选民群众。`,
      });
    } else {
      const suffix = township.street ? '社区' : '村';
      const point = rng.chance(0.5);
      const kind = point ? '人大代表联系点' : '人大代表联络站';
      const base = township.name;
      const name = unique(
        names,
        `${base}${rng.pick(COMMUNITY_WORDS)}${suffix}${kind}`,
        () => `${base}${rng.pick(COMMUNITY_WORDS)}${rng.int(2, 9)}${suffix}${kind}`,
      );
      add({
        name,
        type: point ? 'point' : 'station',
        tier: 'basic',
        township,
        address: `${place}${name.slice(base.length, name.indexOf(suffix, base.length) + 1)}${township.street ? '居委会' : '村委会'}`,
        local: true,
        description: point ? '设在社区（村）的代表联系点，方便群众就近找代表。' : '设在社区（村）的代表联络站。',
      });
    }
  }
  for (const make of specials) make();
  return out;
}

function unique(names: Set<string>, first: string, next: () => string): string {
  let name = first;
  for (let tries = 0; names.has(name) && tries < 50; tries++) name = next();
  return names.has(name) ? `${name}${names.size}` : name;
}

/** A point near the city centre: districts close in, counties up to ~60 km out. */
function countyCenter(rng: Random, county: County) {
  const spread = county.name.endsWith('区') ? 0.15 : 1.0;
  return {
    lat: county.city.lat + (rng.next() - 0.5) * spread,
    lng: county.city.lng + (rng.next() - 0.5) * spread * 1.4,
  };
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
