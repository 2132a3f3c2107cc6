import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('calendar', () => {
  it('ships the announced 2026 holidays and make-up days', async () => {
    const office = await agentFor(t.app, { role: 'office_staff' });
    const res = await office.inject({ method: 'GET', url: '/api/calendar?year=2026' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.announced).toBe(true);
    expect(body.days.filter((d: { kind: string }) => d.kind === 'workday').map((d: { day: string }) => d.day)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    // 365 days, 104 weekend days, 6 make-up Saturdays/Sundays, 19 holidays on weekdays.
    expect(body.workingDays).toBe(365 - 104 + 6 - 19);
    const due = await office.inject({ method: 'GET', url: '/api/calendar/working-days?from=2026-02-13&days=2' });
    expect(due.json().due).toBe('2026-02-24');
  });

  it('lets the system administrator extend a new year, audited, and refuses others', async () => {
    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    const office = await agentFor(t.app, { role: 'office_staff' });
    const year = 2090 + Math.floor(Math.random() * 9);
    expect(
      (
        await office.inject({
          method: 'PUT',
          url: `/api/calendar/days/${year}-01-01`,
          payload: { kind: 'holiday', name: '元旦' },
        })
      ).statusCode,
    ).toBe(403);
    const put = await admin.inject({
      method: 'PUT',
      url: `/api/calendar/days/${year}-01-01`,
      payload: { kind: 'holiday', name: '元旦' },
    });
    expect(put.statusCode).toBe(200);
    const list = await office.inject({ method: 'GET', url: `/api/calendar?year=${year}` });
    expect(list.json().days).toEqual([{ day: `${year}-01-01`, kind: 'holiday', name: '元旦' }]);
    expect((await admin.inject({ method: 'DELETE', url: `/api/calendar/days/${year}-01-01` })).statusCode).toBe(200);
    expect((await admin.inject({ method: 'DELETE', url: `/api/calendar/days/${year}-01-01` })).statusCode).toBe(404);
  });

  it('rejects bad dates and kinds with clear messages', async () => {
    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    const bad = await admin.inject({
      method: 'PUT',
      url: '/api/calendar/days/2026-02-30',
      payload: { kind: 'holiday', name: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('YYYY-MM-DD');
    const kind = await admin.inject({
      method: 'PUT',
      url: '/api/calendar/days/2026-03-02',
      payload: { kind: 'party', name: '' },
      headers: { 'accept-language': 'en' },
    });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().issues.map((i: { path: string }) => i.path)).toEqual(['kind', 'name']);
  });
});
