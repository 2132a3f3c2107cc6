import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { type Agent, agentFor, buildUser, uniq } from '../../test/factories.js';
import { buildDeputy, buildStation, freeStationCode, randomCounty } from '../../test/factories.stations.js';
import { stationMembers } from './stations.tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** An office of a random county, so tests do not share station codes. */
async function officeScene() {
  const { county, township } = await randomCounty(t.deps.db);
  const office = await agentFor(t.app, { role: 'office_staff', regionCode: county });
  return { county, township, office };
}

const validBody = async (county: string, township: string) => ({
  code: await freeStationCode(t.deps.db, county),
  name: `花园街道人大代表联络站${uniq()}`,
  type: 'station',
  tier: 'basic',
  regionCode: township,
  address: '花园街 88 号',
  latitude: 45.75,
  longitude: 126.63,
  openingHours: '工作日 8:30-17:00',
  receptionSchedule: '每月15日 9:00-11:30',
  hotline: '0451-86001234',
  starLevel: 4,
  description: '街道代表联络站',
});

const post = (agent: Agent, payload: unknown, lang = 'zh-CN') =>
  agent.inject({ method: 'POST', url: '/api/stations', payload: payload as object, headers: { 'accept-language': lang } });

describe('create', () => {
  it('creates a station, answers its detail, and records the audit row', async () => {
    const { county, township, office } = await officeScene();
    const body = await validBody(county, township);
    const res = await post(office, body);
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ ...body, status: 'active', members: [], staff: [], publicPath: `/s/${body.code}` });
    expect(s.publicUrl).toBe(`http://localhost:80/s/${body.code}`);
    expect(s.regionPath.map((r: { code: string }) => r.code).at(-1)).toBe(township);
    expect(s.regionPath.some((r: { code: string }) => r.code === county)).toBe(true);
    expect(s.regionName).toBe(s.regionPath.at(-1).name);

    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'station.created'), eq(auditEvents.entityId, s.id)));
    expect(audit).toMatchObject({
      actorId: office.user.id,
      actorRole: 'office_staff',
      entityType: 'station',
      regionCode: township,
    });
    expect(audit?.after).toMatchObject({ code: body.code, name: body.name, starLevel: 4 });
  });

  it('applies defaults and accepts a station without coordinates or optional fields', async () => {
    const { county, office } = await officeScene();
    const code = await freeStationCode(t.deps.db, county);
    const res = await post(office, { code, name: '代表之家', type: 'home', tier: 'central', regionCode: county, hotline: '' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      starLevel: 0,
      status: 'active',
      latitude: null,
      longitude: null,
      hotline: null,
      address: null,
    });
  });

  it('answers 409 with a clear message for a duplicate code, and writes nothing', async () => {
    const { county, township, office } = await officeScene();
    const body = await validBody(county, township);
    expect((await post(office, body)).statusCode).toBe(201);
    const again = await post(office, { ...body, name: '另一个联络站' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'STATION_CODE_TAKEN', message: `联络站编码 ${body.code} 已被其他联络站使用` });
    const en = await post(office, { ...body, name: '另一个联络站' }, 'en');
    expect(en.json().message).toBe(`Station code ${body.code} is already used by another station`);
    const list = await office.inject({ method: 'GET', url: `/api/stations?q=${body.code}` });
    expect(list.json().total).toBe(1);
  });

  it('rejects each bad field with a 400 naming the field', async () => {
    const { county, township, office } = await officeScene();
    const good = await validBody(county, township);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ code: '230102001' }, 'code', /6 位区县代码/],
      [{ code: '2301-001' }, 'code', /6 位区县代码/],
      [{ code: '' }, 'code', /6 位区县代码/],
      [{ name: '' }, 'name', /不能为空/],
      [{ name: 'x'.repeat(101) }, 'name', /不能超过 100 个字符/],
      [{ type: 'bank' }, 'type', /站点类型/],
      [{ tier: 'top' }, 'tier', /站点层级/],
      [{ regionCode: 'abc' }, 'regionCode', /行政区划代码格式不正确/],
      [{ latitude: 91 }, 'latitude', /纬度应在 -90 到 90 之间/],
      [{ longitude: -181 }, 'longitude', /经度应在 -180 到 180 之间/],
      [{ latitude: '45.7' }, 'latitude', /纬度应为数字/],
      [{ longitude: null }, 'longitude', /经度和纬度须同时填写或同时留空/],
      [{ starLevel: 6 }, 'starLevel', /星级应为 0 到 5 的整数/],
      [{ starLevel: 2.5 }, 'starLevel', /星级应为 0 到 5 的整数/],
      [{ hotline: '0451-12' }, 'hotline', /热线电话格式不正确/],
      [{ hotline: 'call me' }, 'hotline', /热线电话格式不正确/],
      [{ address: '路'.repeat(201) }, 'address', /不能超过 200 个字符/],
      [{ openingHours: 'x'.repeat(201) }, 'openingHours', /不能超过 200 个字符/],
      [{ receptionSchedule: 'x'.repeat(201) }, 'receptionSchedule', /不能超过 200 个字符/],
      [{ description: 'x'.repeat(2001) }, 'description', /不能超过 2000 个字符/],
      [{ status: 'closed' }, 'status', /状态应为 active 或 inactive/],
    ];
    for (const [patch, path, message] of cases) {
      const res = await post(office, { ...good, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      const issue = res.json().issues.find((i: { path: string }) => i.path === path);
      expect(issue?.message, JSON.stringify(patch)).toMatch(message);
    }
    const en = await post(office, { ...good, starLevel: 6 }, 'en');
    expect(en.json().issues[0].message).toBe('The star level must be a whole number from 0 to 5');
    expect((await post(office, [good])).statusCode).toBe(400);
    expect((await post(office, { ...good, code: 230102001, name: ['x'] })).statusCode).toBe(400);
    const list = await office.inject({ method: 'GET', url: `/api/stations?q=${good.code}` });
    expect(list.json().total).toBe(0);
  });

  it('checks the region: unknown → 400, outside the subtree → 403, code of another county → 400', async () => {
    const { county, township, office } = await officeScene();
    const good = await validBody(county, township);
    const unknown = await post(office, { ...good, regionCode: `${county}999` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_REGION', message: `行政区划 ${county}999 不存在` });

    const other = await randomCounty(t.deps.db, { notIn: county });
    const outside = await post(office, {
      ...good,
      code: await freeStationCode(t.deps.db, other.county),
      regionCode: other.township,
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('FORBIDDEN');

    const mismatch = await post(office, { ...good, code: `${other.county}-001` });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({ code: 'STATION_CODE_REGION_MISMATCH' });
    expect(mismatch.json().message).toContain(county);
  });

  it('lets only office staff write', async () => {
    const { county, township } = await officeScene();
    const body = await validBody(county, township);
    for (const role of ['deputy', 'station_staff', 'unit_staff', 'leader', 'sysadmin', 'secadmin', 'auditor'] as const) {
      const agent = await agentFor(t.app, { role, regionCode: county });
      expect((await post(agent, body)).statusCode, role).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/stations', payload: body });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('edit', () => {
  it('changes the given fields, keeps the rest, and audits before/after of what changed', async () => {
    const { county, township, office } = await officeScene();
    const created = (await post(office, await validBody(county, township))).json();
    const res = await office.inject({
      method: 'PATCH',
      url: `/api/stations/${created.id}`,
      payload: { name: '新名称联络站', starLevel: 5, address: null },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '新名称联络站',
      starLevel: 5,
      address: null,
      hotline: created.hotline,
      code: created.code,
    });

    const search = await office.inject({ method: 'GET', url: `/api/stations?q=xinmingcheng&regionCode=${county}` });
    expect(search.json().items.map((s: { id: string }) => s.id)).toContain(created.id);

    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'station.updated'), eq(auditEvents.entityId, created.id)));
    expect(audit?.before).toEqual({ name: created.name, starLevel: 4, address: created.address });
    expect(audit?.after).toEqual({ name: '新名称联络站', starLevel: 5, address: null });
  });

  it('validates the merged coordinates, the code, the region and the scope', async () => {
    const { county, township, office } = await officeScene();
    const a = (await post(office, await validBody(county, township))).json();
    const b = (await post(office, await validBody(county, township))).json();
    const patch = (id: string, payload: object) => office.inject({ method: 'PATCH', url: `/api/stations/${id}`, payload });

    const halfCoords = await patch(a.id, { latitude: null });
    expect(halfCoords.statusCode).toBe(400);
    expect(halfCoords.json().code).toBe('COORDINATES_INCOMPLETE');
    expect((await patch(a.id, { latitude: null, longitude: null })).json()).toMatchObject({ latitude: null, longitude: null });

    const dup = await patch(a.id, { code: b.code });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('STATION_CODE_TAKEN');

    expect((await patch(a.id, { code: 'A-1' })).statusCode).toBe(400);
    expect((await patch(a.id, { starLevel: 6 })).statusCode).toBe(400);
    expect((await patch(a.id, { hotline: '110abc' })).statusCode).toBe(400);
    expect((await patch(a.id, { description: 'x'.repeat(2001) })).statusCode).toBe(400);
    const empty = await patch(a.id, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('没有要修改的内容');

    expect((await patch(a.id, { regionCode: `${county}999` })).json().code).toBe('UNKNOWN_REGION');
    const other = await randomCounty(t.deps.db, { notIn: county });
    expect((await patch(a.id, { regionCode: other.township })).statusCode).toBe(403);
    // Moving inside the county keeps the code valid; the members follow the station's region.
    const moved = await patch(a.id, { regionCode: county });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().regionCode).toBe(county);

    const missing = await patch('00000000-0000-4000-8000-000000000000', { name: 'x' });
    expect(missing.statusCode).toBe(404);
    expect((await patch('not-a-uuid', { name: 'x' })).statusCode).toBe(400);

    const foreign = await buildStation(t.deps.db, { regionCode: other.township });
    expect((await patch(foreign.id, { name: '越权修改' })).statusCode).toBe(403);
  });

  it('moves the members region code with the station', async () => {
    const { county, township, office } = await officeScene();
    const station = (await post(office, await validBody(county, township))).json();
    const deputy = await buildDeputy(t.deps.db, t.deps.crypto, { regionCode: county });
    await office.inject({ method: 'PUT', url: `/api/stations/${station.id}/members/${deputy.id}`, payload: { role: 'member' } });
    await office.inject({ method: 'PATCH', url: `/api/stations/${station.id}`, payload: { regionCode: county } });
    const [m] = await t.deps.db.select().from(stationMembers).where(eq(stationMembers.stationId, station.id));
    expect(m?.regionCode).toBe(county);
  });
});

describe('list and detail', () => {
  it('searches by name, pinyin, initials and code prefix, filters, counts members, and stays in scope', async () => {
    const { county, township, office } = await officeScene();
    const tag = uniq();
    const a = await buildStation(t.deps.db, {
      regionCode: township,
      name: `松北区太阳岛代表之家${tag}`,
      type: 'home',
      tier: 'central',
    });
    const b = await buildStation(t.deps.db, { regionCode: county, name: `群力街道联络站${tag}`, status: 'inactive' });
    const other = await randomCounty(t.deps.db, { notIn: county });
    const foreign = await buildStation(t.deps.db, { regionCode: other.township, name: `太阳岛外县联络站${tag}` });
    const d1 = await buildDeputy(t.deps.db, t.deps.crypto, { regionCode: county });
    const d2 = await buildDeputy(t.deps.db, t.deps.crypto, { regionCode: county });
    for (const d of [d1, d2]) {
      await office.inject({ method: 'PUT', url: `/api/stations/${a.id}/members/${d.id}`, payload: { role: 'member' } });
    }

    const ids = async (query: string) => {
      const res = await office.inject({ method: 'GET', url: `/api/stations?${query}` });
      expect(res.statusCode, query).toBe(200);
      return res.json().items.map((s: { id: string }) => s.id) as string[];
    };
    expect(await ids(`q=${encodeURIComponent('太阳岛')}`)).toEqual([a.id]);
    expect(await ids('q=taiyangdao')).toEqual([a.id]);
    expect(await ids('q=TYD')).toEqual([a.id]);
    expect(await ids(`q=${county}`)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(`q=${a.code}`)).toEqual([a.id]);
    expect(await ids(`regionCode=${township}`)).toEqual([a.id]);
    expect(await ids('type=home')).toEqual([a.id]);
    expect(await ids(`tier=central&q=${tag}`)).toEqual([a.id]);
    expect(await ids(`status=inactive&q=${tag}`)).toEqual([b.id]);
    expect(await ids(`starLevel=0&q=${tag}`)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(`type=&tier=&q=${tag}`)).toHaveLength(2);
    expect(await ids(`regionCode=${other.county}`)).toEqual([]);
    expect(await ids(`q=${tag}`)).not.toContain(foreign.id);

    const page = await office.inject({ method: 'GET', url: `/api/stations?q=${tag}&pageSize=1&page=2` });
    expect(page.json().total).toBe(2);
    expect(page.json().items).toHaveLength(1);
    const item = (await office.inject({ method: 'GET', url: `/api/stations?q=${a.code}` })).json().items[0];
    expect(item).toMatchObject({ memberCount: 2, code: a.code, regionCode: township });
    expect(typeof item.createdAt).toBe('string');

    for (const bad of ['starLevel=6', 'type=bank', 'tier=x', 'regionCode=12a', `q=${'x'.repeat(101)}`, 'pageSize=1000']) {
      expect((await office.inject({ method: 'GET', url: `/api/stations?${bad}` })).statusCode, bad).toBe(400);
    }
  });

  it('lets every business role read in scope, and refuses the other administrators', async () => {
    const { county, township } = await officeScene();
    const station = await buildStation(t.deps.db, { regionCode: township });
    for (const role of ['deputy', 'station_staff', 'office_staff', 'unit_staff', 'leader'] as const) {
      const agent = await agentFor(t.app, { role, regionCode: county });
      expect((await agent.inject({ method: 'GET', url: `/api/stations?q=${station.code}` })).json().total, role).toBe(1);
      expect((await agent.inject({ method: 'GET', url: `/api/stations/${station.id}` })).statusCode, role).toBe(200);
    }
    for (const role of ['sysadmin', 'secadmin'] as const) {
      const admin = await agentFor(t.app, { role, regionCode: '' });
      expect((await admin.inject({ method: 'GET', url: `/api/stations?q=${station.code}` })).json().total, role).toBe(1);
      expect((await admin.inject({ method: 'GET', url: `/api/stations/${station.id}` })).statusCode, role).toBe(403);
    }
    for (const role of ['auditor'] as const) {
      const agent = await agentFor(t.app, { role, regionCode: '' });
      expect((await agent.inject({ method: 'GET', url: '/api/stations' })).statusCode, role).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/stations' })).statusCode).toBe(401);
    const other = await randomCounty(t.deps.db, { notIn: county });
    const outsider = await agentFor(t.app, { role: 'leader', regionCode: other.county });
    expect((await outsider.inject({ method: 'GET', url: `/api/stations/${station.id}` })).statusCode).toBe(403);
  });

  it('shows the region path, the members with masked phones, the staff accounts and the public address', async () => {
    const { county, township, office } = await officeScene();
    const station = await buildStation(t.deps.db, { regionCode: township });
    const deputy = await buildDeputy(t.deps.db, t.deps.crypto, { regionCode: county, level: 'municipal', phone: '13912345678' });
    await office.inject({ method: 'PUT', url: `/api/stations/${station.id}/members/${deputy.id}`, payload: { role: 'head' } });
    const staff = await buildUser(t.deps.db, { role: 'station_staff', regionCode: township, stationId: station.id });

    const res = await office.inject({ method: 'GET', url: `/api/stations/${station.id}` });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.regionPath.length).toBeGreaterThanOrEqual(3);
    expect(d.regionPath[0].code).toBe(county.slice(0, 2));
    expect(d.members).toEqual([
      expect.objectContaining({
        deputyId: deputy.id,
        name: deputy.name,
        level: 'municipal',
        role: 'head',
        phoneMasked: '139****5678',
        mandateStatus: 'serving',
      }),
    ]);
    expect(res.body).not.toContain('13912345678');
    expect(d.staff).toEqual([{ id: staff.id, username: staff.username, displayName: staff.displayName, status: 'active' }]);
    expect(d.publicPath).toBe(`/s/${station.code}`);
    expect((await office.inject({ method: 'GET', url: '/api/stations/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(
      404,
    );
  });
});
