import { randomUUID } from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { type Agent, agentFor } from '../../test/factories.js';
import { countyWithoutCongress } from '../../test/factories.suggestions.js';
import { regions } from '../regions/regions.tables.js';
import { congresses, congressSessions } from './congresses.tables.js';

let t: TestApp;
let county: string;
let office: Agent;
let farOffice: Agent;
let sysadmin: Agent;
let deputy: Agent;

beforeAll(async () => {
  t = await createTestApp();
  ({ county } = await countyWithoutCongress(t.deps.db));
  const far = await countyWithoutCongress(t.deps.db, { notIn: county.slice(0, 4) });
  [office, farOffice, sysadmin, deputy] = await Promise.all([
    agentFor(t.app, { role: 'office_staff', regionCode: county }),
    agentFor(t.app, { role: 'office_staff', regionCode: far.county }),
    agentFor(t.app, { role: 'sysadmin', regionCode: '' }),
    agentFor(t.app, { role: 'deputy', regionCode: county }),
  ]);
});
afterAll(async () => {
  await t?.close();
});

const post = (a: Agent, url: string, payload: unknown) => a.inject({ method: 'POST', url, payload: payload as object });
const patch = (a: Agent, url: string, payload: unknown) => a.inject({ method: 'PATCH', url, payload: payload as object });

/** A township below the county that is a town (镇/乡), not a 街道. */
async function townOf(countyCode: string) {
  const [row] = await t.deps.db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.parentCode, countyCode), sql`${regions.name} NOT LIKE '%街道%'`, eq(regions.level, 'township')))
    .limit(1);
  return row;
}

describe('congresses', () => {
  let congressId: string;
  let termId: string;

  it('lets the office of the region set up its congress, with the national defaults', async () => {
    const res = await post(office, '/api/congresses', { regionCode: county });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      regionCode: county,
      level: 'county',
      motionMinSigners: 10,
      assignWorkingDays: 5,
      returnWorkingDays: 7,
      coOpinionMonths: 1,
      replyMonths: 3,
      extensionMaxMonths: 6,
      evaluationWorkingDays: 20,
      rehandleMonths: 1,
      terms: [],
    });
    expect(c.name).toBe(`${c.regionName}人民代表大会`);
    expect(c.replyClassLabels.A).toBe('所提问题已经解决或者基本解决');
    congressId = c.id;
    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, congressId), eq(auditEvents.action, 'congress.created')));
    expect(audit).toBeDefined();
  });

  it('refuses a second congress for the region, another region’s office, and deputies', async () => {
    const twice = await post(office, '/api/congresses', { regionCode: county });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('CONGRESS_EXISTS');
    expect((await post(farOffice, '/api/congresses', { regionCode: county })).statusCode).toBe(403);
    expect((await post(deputy, '/api/congresses', { regionCode: county })).statusCode).toBe(403);
  });

  it('sets a township congress at five signatures and lets a system administrator set it up', async () => {
    const town = await townOf(county);
    if (!town) return;
    const res = await post(sysadmin, '/api/congresses', { regionCode: town.code });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ level: 'township', motionMinSigners: 5 });
  });

  it('refuses regions without a people’s congress: a subdistrict, a community, a grouping, an unknown code', async () => {
    const db = t.deps.db;
    const [street] = await db
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.level, 'township'), like(regions.name, '%街道')))
      .limit(1);
    const [community] = await db.select({ code: regions.code }).from(regions).where(eq(regions.level, 'community')).limit(1);
    const [grouping] = await db.select({ code: regions.code }).from(regions).where(eq(regions.isGrouping, true)).limit(1);
    for (const code of [street?.code, community?.code, grouping?.code].filter((c): c is string => !!c)) {
      const res = await post(sysadmin, '/api/congresses', { regionCode: code });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().code).toBe('NO_CONGRESS_HERE');
    }
    const street400 = street ? await post(sysadmin, '/api/congresses', { regionCode: street.code }) : null;
    if (street400) expect(street400.json().message).toContain('街道');
    const unknown = await post(sysadmin, '/api/congresses', { regionCode: '990101' });
    expect(unknown.json()).toMatchObject({ statusCode: 400, code: 'REGION_NOT_FOUND' });
    expect((await post(sysadmin, '/api/congresses', { regionCode: '12a' })).json().code).toBe('VALIDATION');
  });

  it('edits the rules within their limits, in both languages', async () => {
    const ok = await patch(office, `/api/congresses/${congressId}`, {
      motionMinSigners: 8,
      replyMonths: 2,
      name: '测试区人民代表大会',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ motionMinSigners: 8, replyMonths: 2, name: '测试区人民代表大会', version: 2 });
    const tooShort = await patch(office, `/api/congresses/${congressId}`, { extensionMaxMonths: 1 });
    expect(tooShort.json()).toMatchObject({ statusCode: 400, code: 'EXTENSION_SHORTER_THAN_REPLY' });
    for (const body of [
      { motionMinSigners: 1 },
      { motionMinSigners: 101 },
      { motionMinSigners: 2.5 },
      { motionMinSigners: '10' },
      { assignWorkingDays: 0 },
      { evaluationWorkingDays: 91 },
      { name: '' },
      { name: '长'.repeat(101) },
      { replyClassLabels: { A: '解决', B: '规划', C: '以后' } },
      { replyClassLabels: { A: '', B: 'b', C: 'c', D: 'd' } },
      { replyMonths: 6, extensionMaxMonths: 5 },
    ]) {
      const res = await patch(office, `/api/congresses/${congressId}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const en = await office.inject({
      method: 'PATCH',
      url: `/api/congresses/${congressId}`,
      headers: { 'accept-language': 'en' },
      payload: { motionMinSigners: 1 },
    });
    expect(en.json().message).toContain('The motion threshold must be a whole number from 2 to 100');
    expect((await patch(farOffice, `/api/congresses/${congressId}`, { motionMinSigners: 9 })).statusCode).toBe(403);
  });

  it('adds terms with ordered dates and unique numbers that do not overlap', async () => {
    const res = await post(office, `/api/congresses/${congressId}/terms`, { number: 16, startsOn: '2021-12-20' });
    expect(res.statusCode, res.body).toBe(201);
    termId = res.json().id;
    expect(res.json()).toMatchObject({ number: 16, startsOn: '2021-12-20', endsOn: null, sessions: [] });
    const twice = await post(office, `/api/congresses/${congressId}/terms`, { number: 16, startsOn: '2030-01-01' });
    expect(twice.json()).toMatchObject({ statusCode: 409, code: 'TERM_EXISTS' });
    const overlap = await post(office, `/api/congresses/${congressId}/terms`, {
      number: 15,
      startsOn: '2016-12-01',
      endsOn: '2022-01-01',
    });
    expect(overlap.json()).toMatchObject({ statusCode: 400, code: 'TERMS_OVERLAP' });
    const previous = await post(office, `/api/congresses/${congressId}/terms`, {
      number: 15,
      startsOn: '2016-12-01',
      endsOn: '2021-12-19',
    });
    expect(previous.statusCode, previous.body).toBe(201);
    for (const body of [
      { number: 0, startsOn: '2040-01-01' },
      { number: 100, startsOn: '2040-01-01' },
      { number: 17, startsOn: '2040-01-01', endsOn: '2039-01-01' },
      { number: 17, startsOn: '2040-02-30' },
      { number: 17 },
    ]) {
      expect((await post(office, `/api/congresses/${congressId}/terms`, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(
      (await post(farOffice, `/api/congresses/${congressId}/terms`, { number: 17, startsOn: '2040-01-01' })).statusCode,
    ).toBe(403);
  });

  it('adds sessions inside their term, on days no other session holds', async () => {
    const res = await post(office, '/api/congress-sessions', {
      termId,
      number: 1,
      opensOn: '2022-01-05',
      closesOn: '2022-01-08',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      termNumber: 16,
      number: 1,
      label: { zh: '第16届人民代表大会第1次会议', en: 'Term 16, session 1' },
      congressName: '测试区人民代表大会',
    });
    const sessionId = res.json().id;
    const cases: [unknown, number, string][] = [
      [{ termId, number: 1, opensOn: '2023-01-05', closesOn: '2023-01-08' }, 409, 'SESSION_EXISTS'],
      [{ termId, number: 2, opensOn: '2022-01-07', closesOn: '2022-01-10' }, 400, 'SESSIONS_OVERLAP'],
      [{ termId, number: 2, opensOn: '2021-01-07', closesOn: '2021-01-10' }, 400, 'SESSION_OUTSIDE_TERM'],
      [{ termId, number: 2, opensOn: '2023-01-07', closesOn: '2023-01-06' }, 400, 'VALIDATION'],
      [{ termId, number: -1, opensOn: '2023-01-07', closesOn: '2023-01-08' }, 400, 'VALIDATION'],
      [{ termId: 'x', number: 2, opensOn: '2023-01-07', closesOn: '2023-01-08' }, 400, 'VALIDATION'],
      [{ termId: randomUUID(), number: 2, opensOn: '2023-01-07', closesOn: '2023-01-08' }, 400, 'TERM_NOT_FOUND'],
    ];
    for (const [body, status, code] of cases) {
      const r = await post(office, '/api/congress-sessions', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(status);
      expect(r.json().code).toBe(code);
    }
    const second = await post(office, '/api/congress-sessions', {
      termId,
      number: 2,
      opensOn: '2023-01-07',
      closesOn: '2023-01-10',
    });
    expect(second.statusCode).toBe(201);
    const moved = await patch(office, `/api/congress-sessions/${second.json().id}`, { opensOn: '2022-01-08' });
    expect(moved.json().code).toBe('SESSIONS_OVERLAP');
    const edited = await patch(office, `/api/congress-sessions/${sessionId}`, { closesOn: '2022-01-09' });
    expect(edited.json()).toMatchObject({ closesOn: '2022-01-09' });
    // A term cannot shrink past its sessions.
    const shrink = await patch(office, `/api/congresses/${congressId}/terms/${termId}`, { endsOn: '2022-06-01' });
    expect(shrink.json()).toMatchObject({ statusCode: 400, code: 'SESSION_OUTSIDE_TERM' });
    expect((await patch(farOffice, `/api/congress-sessions/${sessionId}`, { closesOn: '2022-01-10' })).statusCode).toBe(403);
  });

  it('lists congresses and sessions for the people who work with them', async () => {
    const view = await deputy.inject({ method: 'GET', url: `/api/congresses/${congressId}` });
    expect(view.statusCode).toBe(200);
    expect(view.json().terms.map((x: { number: number }) => x.number)).toEqual([16, 15]);
    expect(view.json().terms[0].sessions.map((s: { number: number }) => s.number)).toEqual([2, 1]);
    const list = await deputy.inject({ method: 'GET', url: `/api/congresses?regionCode=${county}` });
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(congressId);
    const open = await office.inject({ method: 'GET', url: `/api/congress-sessions?congressId=${congressId}&openOn=2022-01-06` });
    expect(open.json()).toMatchObject({ total: 1, items: [{ number: 1 }] });
    expect((await office.inject({ method: 'GET', url: `/api/congress-sessions/${randomUUID()}` })).statusCode).toBe(404);
    const [row] = await t.deps.db.select().from(congressSessions).where(eq(congressSessions.congressId, congressId)).limit(1);
    expect(row?.regionCode).toBe(county);
    const [c] = await t.deps.db.select().from(congresses).where(eq(congresses.id, congressId));
    expect(c?.version).toBe(2);
  });
});
