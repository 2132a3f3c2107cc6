import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import { buildDeputy, buildStation, randomCounty } from '../../test/factories.stations.js';
import { stationMembers } from './stations.tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function scene() {
  const { county, township } = await randomCounty(t.deps.db);
  const office = await agentFor(t.app, { role: 'office_staff', regionCode: county });
  const station = await buildStation(t.deps.db, { regionCode: township });
  const deputy = (o: Partial<Parameters<typeof buildDeputy>[2]> = {}) =>
    buildDeputy(t.deps.db, t.deps.crypto, { regionCode: county, ...o });
  const put = (deputyId: string, role: unknown, stationId = station.id) =>
    office.inject({ method: 'PUT', url: `/api/stations/${stationId}/members/${deputyId}`, payload: { role } });
  const del = (deputyId: string, stationId = station.id) =>
    office.inject({ method: 'DELETE', url: `/api/stations/${stationId}/members/${deputyId}` });
  const members = async () =>
    (await office.inject({ method: 'GET', url: `/api/stations/${station.id}` })).json().members as {
      deputyId: string;
      role: string;
    }[];
  return { county, township, office, station, deputy, put, del, members };
}

describe('station members (编组进站)', () => {
  it('adds a deputy, changes the role, and removes them, with an audit row for each step', async () => {
    const s = await scene();
    const d = await s.deputy({ name: '王五' });
    const added = await s.put(d.id, 'member');
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      deputyId: d.id,
      name: '王五',
      role: 'member',
      level: 'county',
      mandateStatus: 'serving',
    });
    expect(added.json().joinedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const changed = await s.put(d.id, 'deputy_head');
    expect(changed.statusCode).toBe(200);
    expect(changed.json().role).toBe('deputy_head');
    expect(await s.members()).toEqual([expect.objectContaining({ deputyId: d.id, role: 'deputy_head' })]);

    // The same role again changes nothing and writes no audit row.
    expect((await s.put(d.id, 'deputy_head')).statusCode).toBe(200);

    const removed = await s.del(d.id);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ ok: true });
    expect(await s.members()).toEqual([]);
    const again = await s.del(d.id);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('NOT_A_MEMBER');

    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'station'), eq(auditEvents.entityId, s.station.id)))
      .orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['station.member_added', 'station.member_role_changed', 'station.member_removed']);
    expect(audit[0]).toMatchObject({
      actorId: s.office.user.id,
      regionCode: s.township,
      before: null,
      after: { deputyId: d.id, name: '王五', role: 'member' },
    });
    expect(audit[1]).toMatchObject({ before: { role: 'member' }, after: { role: 'deputy_head' } });
    expect(audit[2]).toMatchObject({ before: { deputyId: d.id, role: 'deputy_head' }, after: null });
  });

  it('allows one head per station: a second head is a 409 naming the first', async () => {
    const s = await scene();
    const first = await s.deputy({ name: '赵站长' });
    const second = await s.deputy();
    expect((await s.put(first.id, 'head')).statusCode).toBe(201);
    const clash = await s.put(second.id, 'head');
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'STATION_HEAD_TAKEN' });
    expect(clash.json().message).toContain('赵站长');
    // Nothing was half-written: the second deputy is not a member at all.
    expect((await s.members()).map((m) => m.deputyId)).toEqual([first.id]);

    // Promoting an existing member to head is refused the same way, and the member keeps its role.
    expect((await s.put(second.id, 'member')).statusCode).toBe(201);
    expect((await s.put(second.id, 'head')).statusCode).toBe(409);
    // Once the first head steps down, the second may take the post.
    expect((await s.put(first.id, 'deputy_head')).statusCode).toBe(200);
    expect((await s.put(second.id, 'head')).statusCode).toBe(200);
    expect((await s.members()).map((m) => [m.deputyId, m.role])).toEqual([
      [second.id, 'head'],
      [first.id, 'deputy_head'],
    ]);
  });

  it('decides two simultaneous heads one after the other', async () => {
    const s = await scene();
    const [a, b, c] = await Promise.all([s.deputy(), s.deputy(), s.deputy()]);
    const results = await Promise.all([a, b, c].map((d) => s.put(d.id, 'head')));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const heads = await t.deps.db
      .select()
      .from(stationMembers)
      .where(and(eq(stationMembers.stationId, s.station.id), eq(stationMembers.role, 'head')));
    expect(heads).toHaveLength(1);
  });

  it('refuses deputies whose mandate is not serving, and unknown deputies', async () => {
    const s = await scene();
    for (const status of ['ended', 'resigned', 'recalled', 'deceased'] as const) {
      const d = await s.deputy({ status, name: '钱离任' });
      const res = await s.put(d.id, 'member');
      expect(res.statusCode, status).toBe(409);
      expect(res.json().code).toBe('MANDATE_NOT_SERVING');
      expect(res.json().message).toContain('钱离任');
    }
    const unknown = await s.put('00000000-0000-4000-8000-000000000000', 'member');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('代表不存在');
    expect((await s.put('nope', 'member')).statusCode).toBe(400);
    const noStation = await s.put((await s.deputy()).id, 'member', '00000000-0000-4000-8000-000000000000');
    expect(noStation.statusCode).toBe(404);
    expect(await s.members()).toEqual([]);
  });

  it('still lets an ended mandate be taken out of the station', async () => {
    const s = await scene();
    const d = await s.deputy();
    await s.put(d.id, 'member');
    await t.deps.database.raw.query(`UPDATE deputies SET status = 'ended' WHERE id = $1`, [d.id]);
    expect((await s.put(d.id, 'deputy_head')).statusCode).toBe(409);
    expect((await s.del(d.id)).statusCode).toBe(200);
  });

  it('validates the role, lets a deputy be in several stations, and counts members in the list', async () => {
    const s = await scene();
    const d = await s.deputy();
    for (const bad of ['chief', '', null, 3]) {
      const res = await s.put(d.id, bad);
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json().issues[0].path).toBe('role');
    }
    const second = await buildStation(t.deps.db, { regionCode: s.county });
    expect((await s.put(d.id, 'head')).statusCode).toBe(201);
    expect((await s.put(d.id, 'head', second.id)).statusCode).toBe(201);
    const rows = await t.deps.db
      .select()
      .from(stationMembers)
      .where(inArray(stationMembers.stationId, [s.station.id, second.id]));
    expect(rows).toHaveLength(2);
    const list = await s.office.inject({ method: 'GET', url: `/api/stations?q=${second.code}` });
    expect(list.json().items[0].memberCount).toBe(1);
  });

  it('is for office staff of the station subtree only', async () => {
    const s = await scene();
    const d = await s.deputy();
    for (const role of ['deputy', 'station_staff', 'unit_staff', 'leader', 'sysadmin'] as const) {
      const agent = await agentFor(t.app, { role, regionCode: s.county });
      const res = await agent.inject({
        method: 'PUT',
        url: `/api/stations/${s.station.id}/members/${d.id}`,
        payload: { role: 'member' },
      });
      expect(res.statusCode, role).toBe(403);
    }
    const other = await randomCounty(t.deps.db, { notIn: s.county });
    const outsider = await agentFor(t.app, { role: 'office_staff', regionCode: other.county });
    const put = await outsider.inject({
      method: 'PUT',
      url: `/api/stations/${s.station.id}/members/${d.id}`,
      payload: { role: 'member' },
    });
    expect(put.statusCode).toBe(403);
    await s.put(d.id, 'member');
    const del = await outsider.inject({ method: 'DELETE', url: `/api/stations/${s.station.id}/members/${d.id}` });
    expect(del.statusCode).toBe(403);
    expect(await s.members()).toHaveLength(1);
  });
});
