/**
 * Working days on the Chinese calendar (DESIGN §4). Pure: built from the listed exceptions
 * (holidays and make-up working days); everything else follows the week. Deadlines are counted in
 * China Standard Time, whatever the server's time zone.
 */
export type DayKind = 'holiday' | 'workday';
export interface CalendarException {
  day: string; // YYYY-MM-DD
  kind: DayKind;
  name: string;
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date in China of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a China calendar day, as an instant: a deadline "on day X" ends then. */
export function endOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T23:59:59.999Z`) - CST_OFFSET_MS);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

export class WorkingCalendar {
  private readonly exceptions = new Map<string, CalendarException>();
  private readonly years = new Set<number>();

  constructor(exceptions: Iterable<CalendarException>) {
    for (const e of exceptions) {
      this.exceptions.set(e.day, e);
      this.years.add(Number(e.day.slice(0, 4)));
    }
  }

  /** Years for which the announced holidays are known; other years count weekends only. */
  coveredYears(): number[] {
    return [...this.years].sort();
  }

  exception(day: string): CalendarException | undefined {
    return this.exceptions.get(day);
  }

  isWorkingDay(day: string): boolean {
    const e = this.exceptions.get(day);
    if (e) return e.kind === 'workday';
    const wd = weekday(day);
    return wd !== 0 && wd !== 6;
  }

  /**
   * The day on which n working days have passed after `from` (the day itself does not count:
   * an opinion received on Friday with 2 working days is due on Tuesday).
   */
  addWorkingDays(from: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
    let day = from;
    let left = n;
    while (left > 0) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not later). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }

  /** The deadline instant for "n working days after the instant `at`". */
  dueAfterWorkingDays(at: Date, n: number): Date {
    return endOfChinaDay(this.addWorkingDays(chinaDate(at), n));
  }
}
