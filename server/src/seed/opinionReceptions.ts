import { addMonths, chinaDate } from '../platform/calendar/calendar.js';
import { personName } from './names.js';
import { chinaTime, uuidFrom } from './opinionClock.js';
import type { CountyWorld } from './opinionPlan.js';
import { RECEPTION_SUMMARIES } from './opinionTexts.js';
import type { DemoStation } from './opinionWorld.js';
import type { Random } from './random.js';

/** A reception day held at a station (接待日), with the deputies on duty; its visitors are counted once its cases are planned. */
export interface PlannedReception {
  id: string;
  stationId: string;
  regionCode: string;
  receivedOn: string;
  deputyIds: string[];
  staffNames: string;
  visitorCount: number;
  summary: string;
  createdBy: string | null;
  createdAt: Date;
  /** When visitors come: the schedule's hours, in minutes after China midnight. */
  from: number;
  to: number;
}

const SCHEDULE = /每月(\d{1,2})日\s*(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})/;

/**
 * The reception days of the past year that the station's schedule (每月15日 9:00-11:30) gives,
 * each moved to the next working day when it falls on a weekend or holiday, up to now.
 */
export function planReceptions(
  rng: Random,
  w: Pick<CountyWorld, 'clock' | 'now' | 'parties'>,
  station: DemoStation,
  members: readonly { deputyId: string }[],
): PlannedReception[] {
  const m = SCHEDULE.exec(station.receptionSchedule ?? '');
  if (!m) return [];
  const dayOfMonth = Number(m[1]);
  const from = Number(m[2]) * 60 + Number(m[3]);
  const to = Number(m[4]) * 60 + Number(m[5]);
  const today = chinaDate(w.now);
  const firstMonth = `${addMonths(today, -12).slice(0, 7)}-01`;
  const oldest = chinaDate(new Date(w.now.getTime() - 364 * 24 * 60 * 60 * 1000));
  const liaison = personName(rng, rng.chance(0.6) ? 'female' : 'male');
  const out: PlannedReception[] = [];
  for (let k = 0; k <= 12; k++) {
    const month = addMonths(firstMonth, k).slice(0, 7);
    const day = w.clock.workingDayFrom(`${month}-${String(dayOfMonth).padStart(2, '0')}`);
    if (day < oldest || chinaTime(day, from).getTime() >= w.now.getTime()) continue;
    const onDuty = rng.shuffle(members).slice(0, Math.min(members.length, rng.int(1, 3)));
    const closes = chinaTime(day, to + 30);
    out.push({
      id: uuidFrom(rng),
      stationId: station.id,
      regionCode: station.regionCode,
      receivedOn: day,
      deputyIds: onDuty.map((d) => d.deputyId),
      staffNames: liaison,
      visitorCount: rng.int(2, 12),
      summary: rng.pick(RECEPTION_SUMMARIES),
      createdBy: w.parties.station(station).id,
      createdAt: closes.getTime() < w.now.getTime() ? closes : w.now,
      from,
      to,
    });
  }
  return out;
}

/** A visitor's moment at a reception, before now. */
export function visitTime(rng: Random, r: PlannedReception, now: Date): Date {
  const at = chinaTime(r.receivedOn, rng.int(r.from, Math.max(r.from, r.to - 10)));
  return at.getTime() < now.getTime()
    ? at
    : new Date(Math.max(chinaTime(r.receivedOn, r.from).getTime(), now.getTime() - 60_000));
}
