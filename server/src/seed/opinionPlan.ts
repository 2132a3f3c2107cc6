import { TRACKING_ALPHABET, TRACKING_CODE_LENGTH, titleFrom } from '../modules/opinions/opinions.rules.js';
import type { OpinionChannel } from '../modules/opinions/opinions.tables.js';
import { chinaDate } from '../platform/calendar/calendar.js';
import type { County } from './geography.js';
import { COMMUNITY_WORDS, mobilePhone, personName, ROAD_WORDS } from './names.js';
import { CaseSim, type DeadlineDays, type SimActor } from './opinionCase.js';
import { chinaTime, type DemoClock, uuidFrom } from './opinionClock.js';
import { findPrimary, merge } from './opinionMerge.js';
import type { PartyBook } from './opinionParties.js';
import { type PlannedReception, planReceptions, visitTime } from './opinionReceptions.js';
import { drawStory, type Parties, playStory } from './opinionStory.js';
import { CATEGORY_TEXTS, REJECTIONS } from './opinionTexts.js';
import type { DemoStation } from './opinionWorld.js';
import type { Random } from './random.js';

/**
 * Plans one county's constituent opinions of the past year: who raised what, where and through
 * which channel, and what has become of it by `now` (DESIGN §3.1). Cases come in proportion to
 * the stations' size; station visits happen on the stations' reception days.
 */

export interface PlannedCase {
  sim: CaseSim;
  regionCode: string;
  stationId: string | null;
  receptionId: string | null;
  channel: OpinionChannel;
  categoryId: string | null;
  title: string;
  content: string;
  placeText: string;
  latitude: number | null;
  longitude: number | null;
  submitter: { name: string | null; phone: string | null; address: string | null };
  nameHidden: boolean;
  consentShare: boolean;
  consentPublish: boolean;
  responsibleDeputyId: string | null;
  createdBy: string | null;
}

export interface CountyWorld {
  clock: DemoClock;
  days: DeadlineDays;
  now: Date;
  parties: PartyBook;
  /** Category code → id, for the categories this database has. */
  categories: Map<string, string>;
  /** The serving members of each station, head first. */
  members: Map<string, { deputyId: string; personId: string; name: string }[]>;
  /** Tracking codes already given, across counties. */
  codes: Set<string>;
}

const STAFF_CHANNELS: ReadonlySet<OpinionChannel> = new Set([
  'station_visit',
  'hotline',
  'card',
  'home_visit',
  'mobile_station',
  'letter',
  'hotline_12345',
]);

type Mix = readonly (readonly [OpinionChannel, number])[];
const STATION_MIX: Mix = [
  ['station_visit', 35],
  ['qr', 22],
  ['online', 8],
  ['hotline', 8],
  ['card', 10],
  ['home_visit', 9],
  ['letter', 3],
  ['hotline_12345', 5],
];
const MIX_BY_TYPE: Partial<Record<string, Mix>> = {
  online: [
    ['online', 60],
    ['qr', 30],
    ['hotline', 10],
  ],
  mobile: [
    ['mobile_station', 70],
    ['qr', 20],
    ['card', 10],
  ],
};
const OFFICE_MIX: Mix = [
  ['letter', 40],
  ['hotline_12345', 45],
  ['online', 15],
];

const DAY_MS = 24 * 60 * 60 * 1000;

export function planCountyOpinions(
  rng: Random,
  w: CountyWorld,
  county: County,
  stations: { station: DemoStation; cases: number }[],
  officeCases: number,
): { cases: PlannedCase[]; receptions: PlannedReception[] } {
  const receptions: PlannedReception[] = [];
  const seeds: Seed[] = [];
  for (const { station, cases } of stations) {
    const members = w.members.get(station.id) ?? [];
    const own = planReceptions(rng.fork(`receptions:${station.code}`), w, station, members);
    receptions.push(...own);
    const township = county.townships.find((t) => t.code === station.townshipCode) ?? null;
    for (let i = 0; i < cases; i++) {
      let channel = rng.weighted(MIX_BY_TYPE[station.type] ?? STATION_MIX);
      const reception = channel === 'station_visit' && own.length ? rng.pick(own) : null;
      if (channel === 'station_visit' && !reception) channel = 'card';
      seeds.push({
        station,
        township,
        channel,
        reception,
        receivedAt: reception ? visitTime(rng, reception, w.now) : receivedAt(rng, w, STAFF_CHANNELS.has(channel)),
      });
    }
  }
  for (let i = 0; i < officeCases; i++) {
    const channel = rng.weighted(OFFICE_MIX);
    const township = rng.chance(0.7) ? rng.pick(county.townships) : null;
    seeds.push({ station: null, township, channel, reception: null, receivedAt: receivedAt(rng, w, channel !== 'online') });
  }
  seeds.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());

  const cases: PlannedCase[] = [];
  for (const seed of seeds) cases.push(playSeed(rng, w, county, seed, cases));
  const visits = new Map<string, number>();
  for (const c of cases) if (c.receptionId) visits.set(c.receptionId, (visits.get(c.receptionId) ?? 0) + 1);
  for (const r of receptions) r.visitorCount += visits.get(r.id) ?? 0;
  return { cases, receptions };
}

interface Seed {
  station: DemoStation | null;
  township: County['townships'][number] | null;
  channel: OpinionChannel;
  reception: PlannedReception | null;
  receivedAt: Date;
}

/** When a case came in: any hour for the constituents' own channels, office hours of a working day for the staff's. */
function receivedAt(rng: Random, w: CountyWorld, staff: boolean): Date {
  const at = new Date(w.now.getTime() - rng.int(0, 364 * 24 * 60) * 60_000);
  let day = chinaDate(at);
  if (!staff) {
    const t = chinaTime(day, rng.int(7 * 60, 23 * 60));
    return t.getTime() < w.now.getTime() ? t : new Date(w.now.getTime() - rng.int(1, 90) * 60_000);
  }
  for (;;) {
    while (!w.clock.calendar.isWorkingDay(day)) day = chinaDate(new Date(Date.parse(`${day}T12:00:00+08:00`) - DAY_MS));
    const t = w.clock.officeHours(day);
    if (t.getTime() < w.now.getTime()) return t;
    day = chinaDate(new Date(Date.parse(`${day}T12:00:00+08:00`) - DAY_MS));
  }
}

const inHeatingSeason = (day: string) => day.slice(5) >= '10-20' || day.slice(5) <= '04-20';

function playSeed(rng: Random, w: CountyWorld, county: County, seed: Seed, earlier: PlannedCase[]): PlannedCase {
  const { station, township, channel, reception } = seed;
  const day = chinaDate(seed.receivedAt);
  const rural = township ? !township.street : !county.name.endsWith('区');
  const codes = Object.keys(CATEGORY_TEXTS).filter((c) => w.categories.has(c) && (rural || !CATEGORY_TEXTS[c]?.rural));
  const code = rng.weighted(
    codes.map((c) => [c, (inHeatingSeason(day) && CATEGORY_TEXTS[c]?.winterWeight) || (CATEGORY_TEXTS[c]?.weight ?? 1)] as const),
  );
  const texts = CATEGORY_TEXTS[code] as (typeof CATEGORY_TEXTS)[string];
  const item = rng.pick(texts.items);
  const where = township?.name ?? county.name;
  const spot = rng.chance(0.5) ? `${rng.pick(COMMUNITY_WORDS)}社区` : rng.pick(ROAD_WORDS);
  const place = `${where}${spot}`;
  const rejected = rng.chance(0.04);
  const rejection = rejected ? rng.pick(REJECTIONS) : null;
  const n = item.text.includes('{n}度') ? rng.int(10, 15) : rng.int(2, 9);
  const content = (rejection?.text ?? item.text).replace('{place}', place).replace('{n}', String(n));

  const members = station ? (w.members.get(station.id) ?? []) : [];
  const duty = reception ? members.filter((m) => reception.deputyIds.includes(m.deputyId)) : [];
  // Named at a reception: the deputy on duty; otherwise the station's head (createOpinion's rule).
  const responsible = duty.length ? rng.pick(duty) : (members[0] ?? null);
  const deputyActor = responsible ? w.parties.deputy(responsible.personId, responsible.name) : null;
  const staffActor = station ? w.parties.station(station) : null;
  const office = w.parties.office(rng, county.code);
  const regionCode = station?.regionCode ?? township?.code ?? county.code;
  const front: SimActor = staffActor ? (deputyActor && rng.chance(0.5) ? deputyActor : staffActor) : office;
  const submitter: SimActor = !STAFF_CHANNELS.has(channel)
    ? { id: null, role: 'public', name: '群众' }
    : channel === 'station_visit' && deputyActor
      ? deputyActor
      : (staffActor ?? office);

  const id = uuidFrom(rng);
  const sim = new CaseSim(
    id,
    trackingCode(rng, w.codes),
    seed.receivedAt,
    {
      actor: submitter,
      data: {
        channel,
        stationId: station?.id ?? null,
        responsibleDeputyId: responsible?.deputyId ?? null,
        receptionId: reception?.id ?? null,
      },
      complex: rng.chance(0.08),
    },
    w.clock,
    w.days,
    w.now,
  );

  const words = texts.units;
  const lead = w.parties.unitFor(rng, regionCode, words);
  const co = rng.chance(0.15) ? [w.parties.unitFor(rng, regionCode, [...words].reverse(), new Set([lead.id]))] : [];
  const other = w.parties.unitFor(rng, regionCode, ['办事处', '人民政府', ...words], new Set([lead.id]));
  const parties: Parties = {
    front,
    station: channel === 'station_visit' && deputyActor ? deputyActor : (staffActor ?? null),
    office,
    leader: w.parties.leader(),
    lead: { id: lead.id, actor: w.parties.unitActor(lead) },
    co: co.map((u) => ({ id: u.id, actor: w.parties.unitActor(u) })),
    other: { id: other.id, actor: w.parties.unitActor(other) },
    fix: item.fix,
    rejection,
  };

  const categoryId = rejection
    ? rng.chance(0.5)
      ? (w.categories.get('other') ?? null)
      : null
    : (w.categories.get(code) ?? null);
  const story = drawStory(rng, { atStation: !!station, visit: channel === 'station_visit' && !!deputyActor, rejected });
  const candidate = !rejection && rng.chance(0.03) ? findPrimary(rng, earlier, categoryId, seed.receivedAt) : undefined;
  const primary = candidate && merge(sim, candidate, office, w.clock, rng) ? candidate : undefined;
  if (!primary && !sim.stopped) playStory(sim, story, parties, rng, w.clock);
  sim.finish();
  const text = primary ? primary.content : content;

  const publicChannel = !STAFF_CHANNELS.has(channel);
  const shareLocation = publicChannel && !!station && rng.chance(0.4);
  return {
    sim,
    regionCode,
    stationId: station?.id ?? null,
    receptionId: reception?.id ?? null,
    channel,
    categoryId,
    title: titleFrom(text),
    content: text,
    placeText: primary ? primary.placeText : place,
    latitude: shareLocation ? round5((station?.latitude ?? 0) + (rng.next() - 0.5) * 0.01) : null,
    longitude: shareLocation ? round5((station?.longitude ?? 0) + (rng.next() - 0.5) * 0.01) : null,
    submitter: {
      name: rng.chance(0.9) ? personName(rng, rng.chance(0.5) ? 'male' : 'female') : null,
      phone: publicChannel || rng.chance(0.85) ? mobilePhone(rng) : null,
      address: rng.chance(0.25) ? `${place}${rng.int(1, 30)}号楼${rng.int(1, 6)}单元` : null,
    },
    nameHidden: rng.chance(0.6),
    consentShare: publicChannel || rng.chance(0.9),
    consentPublish: rng.chance(0.25),
    responsibleDeputyId: responsible?.deputyId ?? null,
    createdBy: publicChannel ? null : submitter.id,
  };
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function trackingCode(rng: Random, taken: Set<string>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += rng.pick([...TRACKING_ALPHABET]);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}
