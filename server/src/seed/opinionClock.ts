import { addDays, chinaDate, type WorkingCalendar } from '../platform/calendar/calendar.js';
import type { Random } from './random.js';

/**
 * Instants for the demo's timelines, in China time: the people handling a case act on working days
 * during office hours; the deadline sweep runs every ten minutes, its notices from 8:00 on working
 * days (modules/opinions/opinions.jobs.ts).
 */

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** An instant on a China calendar day, `minutes` after midnight. */
export const chinaTime = (day: string, minutes: number): Date =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + Math.round(minutes) * MINUTE_MS);

/** Minutes after China midnight of an instant. */
const chinaMinutes = (at: Date): number => ((at.getTime() + 8 * HOUR_MS) % (24 * HOUR_MS)) / MINUTE_MS;

const OPEN = 8 * 60 + 30;
const CLOSE = 17 * 60 + 30;

export class DemoClock {
  constructor(
    readonly calendar: WorkingCalendar,
    private readonly rng: Random,
  ) {}

  /** The first working day on or after `day`. */
  workingDayFrom(day: string): string {
    let d = day;
    while (!this.calendar.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** A moment in office hours of a working day. */
  officeHours(day: string): Date {
    return chinaTime(day, this.rng.int(OPEN, CLOSE));
  }

  /**
   * When someone acts `workingDays` after `from`: 0 is later the same working day when office hours
   * leave room, else the next working day; always strictly after `from`.
   */
  after(from: Date, workingDays: number): Date {
    const fromDay = chinaDate(from);
    if (workingDays === 0 && this.calendar.isWorkingDay(fromDay) && chinaMinutes(from) < CLOSE - 20) {
      const start = Math.max(chinaMinutes(from) + 5, OPEN);
      return chinaTime(fromDay, this.rng.int(Math.ceil(start), CLOSE));
    }
    const day = this.calendar.addWorkingDays(fromDay, Math.max(1, workingDays));
    return this.officeHours(day);
  }

  /** A few minutes after `from` (the same sitting: answered on the spot, accepted at once). */
  soon(from: Date): Date {
    return new Date(from.getTime() + this.rng.int(3, 40) * MINUTE_MS);
  }

  /** The deadline sweep's run that first finds `due` passed. */
  sweepAfter(due: Date): Date {
    return new Date(due.getTime() + this.rng.int(1, 10) * MINUTE_MS);
  }

  /** The first sweep allowed to send notices at or after `at`: a working day, from 8:00. */
  noticeAfter(at: Date): Date {
    const day = chinaDate(at);
    if (this.calendar.isWorkingDay(day) && chinaMinutes(at) >= 8 * 60) return at;
    const next = this.calendar.isWorkingDay(day) && chinaMinutes(at) < 8 * 60 ? day : this.workingDayFrom(addDays(day, 1));
    return chinaTime(next, 8 * 60 + this.rng.int(0, 9));
  }
}

/** A version-4 UUID drawn from the demo's generator, so a rerun of the same plan writes the same ids. */
export function uuidFrom(rng: Random): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((rng.int(0, 15) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
