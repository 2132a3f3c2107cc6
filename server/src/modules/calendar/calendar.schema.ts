import { z } from 'zod';
import { tr } from '../../platform/i18n.js';

const Day = z.iso.date(tr('日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD'));

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const DayParams = z.object({ day: Day });

export const CalendarDay = z.object({ day: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });

export const CalendarYear = z.object({
  year: z.number().int(),
  /** false when no holidays are recorded for the year: deadlines then count weekends only. */
  announced: z.boolean(),
  days: z.array(CalendarDay),
  workingDays: z.number().int(),
});

export const PutDayBody = z.object({
  kind: z.enum(['holiday', 'workday'], tr('类型应为 holiday（放假）或 workday（调休上班）', 'kind is holiday or workday')),
  name: z
    .string()
    .trim()
    .min(1, tr('请填写名称，如“春节”', 'Name the day, e.g. Spring Festival'))
    .max(40, tr('名称不能超过 40 个字符', 'At most 40 characters')),
});

export const WorkingDaysQuery = z.object({
  from: Day,
  days: z.coerce.number().int().min(0).max(400),
});
