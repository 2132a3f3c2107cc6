import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { WorkingCalendar } from '../../platform/calendar/calendar.js';
import { calendarDays } from './calendar.tables.js';

export const listDays = (db: Executor, year: number) =>
  db
    .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));

export const findDay = async (db: Executor, day: string) =>
  (await db.select().from(calendarDays).where(eq(calendarDays.day, day)))[0];

// Deadlines are computed often and the table changes a few times a year: keep it in memory for a
// minute, and drop the copy on every change made through this process.
const TTL_MS = 60_000;
const cache = new WeakMap<object, { at: number; calendar: Promise<WorkingCalendar> }>();

export function loadCalendar(db: Executor): Promise<WorkingCalendar> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.calendar;
  const calendar = db
    .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .then((rows) => new WorkingCalendar(rows));
  cache.set(db, { at: Date.now(), calendar });
  return calendar;
}

export function invalidateCalendar(db: Executor): void {
  cache.delete(db);
}
