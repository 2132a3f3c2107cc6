import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { ErrorResponse } from '../../platform/http.js';
import type { ModuleManifest } from '../index.js';
import { calendarAccess } from './calendar.policy.js';
import { listDays, loadCalendar } from './calendar.repo.js';
import { CalendarDay, CalendarYear, DayParams, PutDayBody, WorkingDaysQuery, YearQuery } from './calendar.schema.js';
import { clearDay, setDay } from './commands/setDay.js';

const tags = ['calendar'];

export const calendarModule: ModuleManifest = {
  name: 'calendar',
  routes: async (app) => {
    const { db } = app.deps;

    app.get(
      '/calendar',
      {
        config: { access: calendarAccess.read },
        schema: {
          tags,
          summary: '工作日历 The working-day calendar of a year',
          querystring: YearQuery,
          response: { 200: CalendarYear },
        },
      },
      async (req) => {
        const { year } = req.query;
        const [days, calendar] = await Promise.all([listDays(db, year), loadCalendar(db)]);
        return {
          year,
          announced: days.some((d) => d.kind === 'holiday'),
          days,
          workingDays: calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`),
        };
      },
    );

    app.get(
      '/calendar/working-days',
      {
        config: { access: calendarAccess.read },
        schema: {
          tags,
          summary: '推算期限 The day n working days after a date',
          querystring: WorkingDaysQuery,
          response: { 200: z.object({ from: z.string(), days: z.number().int(), due: z.string() }) },
        },
      },
      async (req) => {
        const calendar = await loadCalendar(db);
        const { from, days } = req.query;
        return { from, days, due: calendar.addWorkingDays(from, days) };
      },
    );

    app.put(
      '/calendar/days/:day',
      {
        config: { access: calendarAccess.write },
        schema: {
          tags,
          summary: '设置节假日或调休上班日 Mark a holiday or make-up working day',
          params: DayParams,
          body: PutDayBody,
          response: { 200: CalendarDay, 400: ErrorResponse },
        },
      },
      async (req) => {
        const saved = await setDay(db, contextOf(req), { day: req.params.day, ...req.body });
        if (!saved) throw new Error('calendar day not saved');
        return saved;
      },
    );

    app.delete(
      '/calendar/days/:day',
      {
        config: { access: calendarAccess.write },
        schema: {
          tags,
          summary: '删除日历条目 Remove a calendar entry',
          params: DayParams,
          response: { 200: z.object({ ok: z.literal(true) }), 404: ErrorResponse },
        },
      },
      async (req) => {
        await clearDay(db, contextOf(req), req.params.day);
        return { ok: true as const };
      },
    );
  },
};
