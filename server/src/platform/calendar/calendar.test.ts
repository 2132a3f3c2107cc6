import { describe, expect, it } from 'vitest';
import { addMonths, chinaDate, endOfChinaDay, WorkingCalendar } from './calendar.js';

// The 2026 State Council arrangement, as shipped in migration 0003.
const cal = new WorkingCalendar([
  { day: '2026-01-01', kind: 'holiday', name: '元旦' },
  { day: '2026-01-02', kind: 'holiday', name: '元旦' },
  { day: '2026-01-03', kind: 'holiday', name: '元旦' },
  { day: '2026-01-04', kind: 'workday', name: '元旦调休上班' },
  { day: '2026-02-14', kind: 'workday', name: '春节调休上班' },
  ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => ({
    day: `2026-02-${d}`,
    kind: 'holiday' as const,
    name: '春节',
  })),
  { day: '2026-02-28', kind: 'workday', name: '春节调休上班' },
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ day: `2026-10-${d}`, kind: 'holiday' as const, name: '国庆节' })),
  { day: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
]);

describe('working days', () => {
  it('knows weekends, holidays and make-up working days', () => {
    expect(cal.isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(cal.isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2026-01-02')).toBe(false); // Friday, New Year holiday
    expect(cal.isWorkingDay('2026-01-04')).toBe(true); // Sunday, make-up working day
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday, make-up working day
  });

  it('counts across the Spring Festival and its make-up Saturdays', () => {
    // Friday 13 Feb + 2: Sat 14 (make-up) is day 1, then the holiday to 23 Feb, Tue 24 is day 2.
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    // 15 working days from 9 Feb: 10,11,12,13,14(Sat make-up),24,25,26,27,28(Sat make-up),2,3,4,5,6 March.
    expect(cal.addWorkingDays('2026-02-09', 15)).toBe('2026-03-06');
    expect(cal.workingDaysBetween('2026-02-09', '2026-03-06')).toBe(15);
  });

  it('counts across the National Day week', () => {
    // Tue 29 Sep + 3: Wed 30 Sep, Thu 8 Oct, Fri 9 Oct.
    expect(cal.addWorkingDays('2026-09-29', 3)).toBe('2026-10-09');
    expect(cal.addWorkingDays('2026-09-29', 4)).toBe('2026-10-10'); // Saturday make-up day
  });

  it('treats the starting day as day zero', () => {
    expect(cal.addWorkingDays('2026-11-20', 0)).toBe('2026-11-20');
    expect(cal.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
    expect(() => cal.addWorkingDays('2026-11-20', -1)).toThrow(RangeError);
  });

  it('reads instants in China Standard Time', () => {
    // 17:00 UTC on 22 Nov is 01:00 on 23 Nov in Beijing.
    expect(chinaDate(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
    expect(endOfChinaDay('2026-11-23').toISOString()).toBe('2026-11-23T15:59:59.999Z');
    expect(cal.dueAfterWorkingDays(new Date('2026-11-22T17:00:00Z'), 2).toISOString()).toBe('2026-11-25T15:59:59.999Z');
  });

  it('adds calendar months, clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-23', 3)).toBe('2027-02-23');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('reports which years it knows', () => {
    expect(cal.coveredYears()).toEqual([2026]);
  });
});
