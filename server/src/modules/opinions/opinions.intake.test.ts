import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/notify/notify.tables.js';
import { auditEvents } from '../../platform/platform.tables.js';
import { searchQuery } from '../../platform/text/tokens.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import { buildCaseWorld, type CaseWorld, step } from '../../test/factories.opinions.js';
import { opinionEvents, opinions } from './opinions.tables.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const intake = (payload: Record<string, unknown>, agent = w.stationStaff, headers: Record<string, string> = {}) =>
  agent.inject({ method: 'POST', url: '/api/opinions', payload, headers });

describe('intake on behalf of a constituent', () => {
  it('keeps emoji, mixed scripts and HTML as plain text, and refuses empty or over-long content', async () => {
    const html = '<script>alert("x")</script><b>路灯</b> 坏了 😀🏮 Straße ока';
    const ok = await intake({ channel: 'hotline', content: html, title: '<i>标题</i>' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ content: html, title: '<i>标题</i>', channel: 'hotline' });

    // 2,000 characters, counted as characters: 2,000 emoji are 4,000 UTF-16 units and still fit.
    expect((await intake({ channel: 'hotline', content: '😀'.repeat(2000) })).statusCode).toBe(201);
    const over = await intake({ channel: 'hotline', content: '字'.repeat(2001) });
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toContain('2000');
    const huge = await intake({ channel: 'hotline', content: 'x'.repeat(100_000) });
    expect(huge.statusCode).toBe(400);
    expect((await intake({ channel: 'hotline', content: '   ' })).statusCode).toBe(400);
    expect((await intake({ channel: 'pigeon', content: '信鸽' })).statusCode).toBe(400);
    // PostgreSQL's text cannot hold U+0000: refused with the field's path, not a server error.
    const nul = await intake({ channel: 'hotline', content: '路灯坏了', submitter: { name: '张\u0000三' } });
    expect(nul.statusCode, nul.body).toBe(400);
    expect(nul.json().message).toContain('submitter.name: 内容含有无法保存的控制字符');
    expect((await intake({ channel: 'hotline', content: '电话不对', submitter: { phone: '1380013800' } })).statusCode).toBe(400);
    expect((await intake({ channel: 'hotline', content: '没有这个站', stationId: randomUUID() }, w.office)).json().code).toBe(
      'STATION_NOT_FOUND',
    );
  });

  it('encrypts the constituent’s name, phone and address: no plaintext in any column, event, audit row or outbox message', async () => {
    const phone = '13700001111';
    const res = await intake({
      channel: 'station_visit',
      content: '楼道灯不亮',
      submitter: { name: '赵铁柱', phone, address: '和平街 12 号 3 单元' },
      consentShare: false,
    });
    const id = res.json().id as string;
    const [row] = await t.deps.db.select().from(opinions).where(eq(opinions.id, id));
    const stored = JSON.stringify(row);
    for (const secret of [phone, '赵铁柱', '和平街 12 号']) expect(stored).not.toContain(secret);
    expect(row).toMatchObject({
      submitterPhoneMasked: '137****1111',
      submitterNameMasked: '赵**',
      submitterPhoneHash: t.deps.crypto.blindIndex(phone),
    });
    expect(t.deps.crypto.decrypt(row!.submitterPhoneEnc!)).toBe(phone);
    const around = JSON.stringify([
      await t.deps.db.select().from(opinionEvents).where(eq(opinionEvents.opinionId, id)),
      await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, id)),
      await t.deps.db.select().from(outbox).where(eq(outbox.aggregateId, id)),
    ]);
    expect(around).not.toContain(phone);
    expect(around).not.toContain('赵铁柱');
  });

  it('shows name and phone only to the roles that need them', async () => {
    const shared = (
      await intake({
        channel: 'station_visit',
        content: '同意共享',
        submitter: { name: '钱多多', phone: '13600002222', address: '建设路 1 号' },
        consentShare: true,
      })
    ).json();
    const kept = (
      await intake({
        channel: 'station_visit',
        content: '不同意共享',
        submitter: { name: '孙小美', phone: '13600003333' },
        consentShare: false,
      })
    ).json();
    for (const c of [shared, kept]) {
      await step(w.deputy, c.id, 'accept');
      await step(w.deputy, c.id, 'escalate');
      await step(w.office, c.id, 'transfer', { leadUnitId: w.unit.id });
    }
    const view = async (agent: typeof w.office, id: string) =>
      (await agent.inject({ method: 'GET', url: `/api/opinions/${id}` })).json().submitter;
    expect(await view(w.office, shared.id)).toEqual({
      name: '钱多多',
      phone: '13600002222',
      address: '建设路 1 号',
      nameHidden: true,
      revealed: true,
    });
    expect(await view(w.deputy, shared.id)).toMatchObject({ name: '钱多多', phone: '13600002222', revealed: true });
    expect(await view(w.unitStaff, shared.id)).toMatchObject({ name: '钱多多', phone: '13600002222', revealed: true });
    expect(await view(w.unitStaff, kept.id)).toEqual({
      name: '孙**',
      phone: '136****3333',
      address: null,
      nameHidden: true,
      revealed: false,
    });
    expect(await view(w.otherDeputy, shared.id)).toMatchObject({ name: '钱**', phone: '136****2222', revealed: false });
    expect(await view(w.stationStaff, shared.id)).toMatchObject({ phone: '136****2222', revealed: false });
    expect(await view(w.leader, shared.id)).toMatchObject({ phone: '136****2222', revealed: false });
  });

  it('replays an idempotent submission as the first case and keeps the channel', async () => {
    const key = `key-${randomUUID()}`;
    const body = { channel: 'home_visit', content: '入户走访：小区缺少健身器材', idempotencyKey: key };
    const first = await intake(body, w.deputy);
    expect(first.statusCode, first.body).toBe(201);
    const again = await intake(body, w.deputy);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const header = await intake({ channel: 'home_visit', content: '入户走访：小区缺少健身器材' }, w.deputy, {
      'idempotency-key': key,
    });
    expect(header.json().id).toBe(first.json().id);
    // Someone else's key is not a replay.
    expect((await intake(body, w.office)).statusCode).toBe(409);
    const [{ n }] = (await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(opinions)
      .where(eq(opinions.idempotencyKey, key))) as [{ n: number }];
    expect(n).toBe(1);
    expect(first.json()).toMatchObject({ channel: 'home_visit', responsibleDeputy: { id: w.head.id } });

    // Two taps at the same moment make one case.
    const key2 = `tap-${randomUUID()}`;
    const taps = await Promise.all([0, 1].map(() => intake({ channel: 'qr', content: '双击提交', idempotencyKey: key2 })));
    expect(new Set(taps.map((r) => r.json().id)).size).toBe(1);
  });

  it('names the responsible deputy: the one chosen, the deputy recording it, or the station head', async () => {
    const chosen = await intake({ channel: 'station_visit', content: '指定代表', responsibleDeputyId: w.member.id });
    expect(chosen.json().responsibleDeputy).toMatchObject({ id: w.member.id });
    const byMember = await intake({ channel: 'card', stationId: w.station.id, content: '联系卡' }, w.otherDeputy);
    expect(byMember.json().responsibleDeputy).toMatchObject({ id: w.member.id });
    const outsider = await intake({ channel: 'station_visit', content: '外站代表', responsibleDeputyId: randomUUID() });
    expect(outsider.json().code).toBe('DEPUTY_NOT_FOUND');
    // Station staff record for their own station only.
    expect((await intake({ channel: 'station_visit', stationId: w.otherStation.id, content: '别的站' })).statusCode).toBe(403);
    expect((await intake({ channel: 'letter', regionCode: '110101', content: '外地' }, w.office)).statusCode).toBe(403);
  });

  it('indexes Chinese words for full-text search, two-character words included', async () => {
    const c = (await intake({ channel: 'hotline', title: '路灯不亮', content: '松北区世纪大道路灯不亮，晚上出行不安全' })).json();
    const match = async (q: string) => {
      const tsq = searchQuery(q);
      if (!tsq) return false;
      const [row] = await t.deps.db
        .select({ id: opinions.id })
        .from(opinions)
        .where(sql`${opinions.id} = ${c.id} AND ${opinions.searchTokens} @@ to_tsquery('simple', ${tsq})`);
      return !!row;
    };
    expect(await match('路灯')).toBe(true);
    expect(await match('世纪大道 出行')).toBe(true);
    expect(await match('松北区')).toBe(true);
    expect(await match('供暖')).toBe(false);
  });
});

describe('reception records', () => {
  it('records a reception day and lists it by station and date for the station, its deputies and the office', async () => {
    const res = await w.stationStaff.inject({
      method: 'POST',
      url: '/api/receptions',
      payload: {
        stationId: w.station.id,
        receivedOn: '2026-01-10',
        deputyIds: [w.head.id, w.member.id],
        staffNames: '联络员小张',
        visitorCount: 12,
        summary: '集中反映小区停车难',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const reception = res.json();
    expect(reception).toMatchObject({
      station: { id: w.station.id },
      deputies: [
        { id: w.head.id, name: w.head.name },
        { id: w.member.id, name: w.member.name },
      ],
      visitorCount: 12,
      opinionCount: 0,
    });

    const raised = await intake({ channel: 'station_visit', content: '停车位不足', receptionId: reception.id });
    expect(raised.statusCode).toBe(201);
    expect((await intake({ channel: 'station_visit', content: '错配', receptionId: randomUUID() })).json().code).toBe(
      'RECEPTION_MISMATCH',
    );

    for (const agent of [w.stationStaff, w.deputy, w.office]) {
      const list = await agent.inject({
        method: 'GET',
        url: `/api/receptions?stationId=${w.station.id}&from=2026-01-01&to=2026-01-31`,
      });
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([expect.objectContaining({ id: reception.id, opinionCount: 1 })]);
    }
    expect(
      (await w.otherStationStaff.inject({ method: 'GET', url: `/api/receptions?stationId=${w.station.id}` })).json(),
    ).toEqual({ items: [], total: 0 });
    expect((await w.farOffice.inject({ method: 'GET', url: `/api/receptions?stationId=${w.station.id}` })).json().total).toBe(0);
    expect((await w.unitStaff.inject({ method: 'GET', url: '/api/receptions' })).statusCode).toBe(403);

    const future = await w.office.inject({
      method: 'POST',
      url: '/api/receptions',
      payload: { stationId: w.station.id, receivedOn: '2999-01-01' },
    });
    expect(future.json().code).toBe('RECEIVED_ON_FUTURE');
    const elsewhere = await agentFor(t.app, { role: 'office_staff', regionCode: '110101' });
    expect(
      (
        await elsewhere.inject({
          method: 'POST',
          url: '/api/receptions',
          payload: { stationId: w.station.id, receivedOn: '2026-01-10' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
