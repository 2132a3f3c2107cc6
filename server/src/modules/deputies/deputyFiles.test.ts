import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildDeputy, multipart, readXlsx } from '../../test/factories.deputies.js';
import { type Agent, agentFor, uniq } from '../../test/factories.js';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await agentFor(t.app, { role: 'office_staff', regionCode: '2301' });
});
afterAll(async () => t?.close());

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(200, 7)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x20, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(40)]);

const uploadPhoto = (agent: Agent, id: string, content: Buffer | string, filename: string, contentType = 'image/jpeg') =>
  agent.inject({ method: 'POST', url: `/api/deputies/${id}/photo`, ...multipart({ filename, content, contentType }) });

describe('photo', () => {
  it('stores JPEG, PNG and WebP by their content, serves them back, and replaces the old one', async () => {
    const { deputy, personId } = await buildDeputy(t.deps.db, t.deps.crypto);
    const first = await uploadPhoto(office, deputy.id, JPEG, 'me.jpg');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ photoUrl: `/api/deputies/${deputy.id}/photo`, mimeType: 'image/jpeg' });
    const leader = await agentFor(t.app, { role: 'leader', regionCode: '2301' });
    const got = await leader.inject({ method: 'GET', url: `/api/deputies/${deputy.id}/photo` });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.rawPayload.equals(JPEG)).toBe(true);
    const detail = await leader.inject({ method: 'GET', url: `/api/deputies/${deputy.id}` });
    expect(detail.json()).toMatchObject({ hasPhoto: true, photoUrl: `/api/deputies/${deputy.id}/photo` });

    // A PNG named .jpg is a PNG; the old photo is deleted with the change.
    const [before] = await t.deps.database.raw.query<{ photo_file_id: string }>(
      'SELECT photo_file_id FROM persons WHERE id = $1',
      [personId],
    );
    expect((await uploadPhoto(office, deputy.id, PNG, 'renamed.jpg')).json().mimeType).toBe('image/png');
    const left = await t.deps.database.raw.query('SELECT id FROM files WHERE id = $1', [before!.photo_file_id]);
    expect(left).toEqual([]);
    expect((await uploadPhoto(office, deputy.id, WEBP, 'x.webp', 'image/webp')).json().mimeType).toBe('image/webp');
    const audit = await t.deps.database.raw.query(
      "SELECT id FROM audit_events WHERE action = 'deputy.photo' AND entity_id = $1",
      [deputy.id],
    );
    expect(audit.length).toBe(3);
  });

  it('refuses a text file renamed .jpg, a GIF, an oversized photo, and others than office staff', async () => {
    const { deputy } = await buildDeputy(t.deps.db, t.deps.crypto);
    const text = await uploadPhoto(office, deputy.id, 'hello, I am not a photo', 'photo.jpg');
    expect(text.statusCode).toBe(400);
    expect(text.json().code).toBe('PHOTO_TYPE');
    expect(text.json().message).toContain('JPEG');
    expect((await uploadPhoto(office, deputy.id, Buffer.from('GIF89a........'), 'a.gif', 'image/gif')).statusCode).toBe(400);
    const big = await uploadPhoto(office, deputy.id, Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)]), 'big.jpg');
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain('2 MB');
    const leader = await agentFor(t.app, { role: 'leader', regionCode: '2301' });
    expect((await uploadPhoto(leader, deputy.id, JPEG, 'me.jpg')).statusCode).toBe(403);
    const far = await buildDeputy(t.deps.db, t.deps.crypto, { regionCode: '230202' });
    expect((await uploadPhoto(office, far.deputy.id, JPEG, 'me.jpg')).statusCode).toBe(403);
    expect((await office.inject({ method: 'GET', url: `/api/deputies/${deputy.id}/photo` })).statusCode).toBe(404);
  });
});

describe('export', () => {
  it('exports every row of the filtered list with Chinese headers and masked numbers, and audits it', async () => {
    const group = uniq('导出组');
    const built = [];
    for (let i = 0; i < 25; i++) {
      built.push(
        await buildDeputy(t.deps.db, t.deps.crypto, {
          deputyGroup: group,
          regionCode: i % 5 === 0 ? '230102001' : '230102',
          level: i % 5 === 0 ? 'township' : 'county',
        }),
      );
    }
    await buildDeputy(t.deps.db, t.deps.crypto, { deputyGroup: group, regionCode: '230202' });
    const list = await office.inject({ method: 'GET', url: `/api/deputies?deputyGroup=${encodeURIComponent(group)}` });
    expect(list.json().total).toBe(25);
    expect(list.json().items.length).toBe(20);

    const res = await office.inject({
      method: 'GET',
      url: `/api/deputies/export.xlsx?deputyGroup=${encodeURIComponent(group)}&sort=name`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const ws = (await readXlsx(res.rawPayload)).worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['姓名', '性别', '民族', '出生日期']);
    expect(header).toContain('手机号码');
    expect(ws.actualRowCount - 1).toBe(25);
    const names: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(1).value));
    });
    expect(names).toEqual(
      list
        .json()
        .items.map((i: { name: string }) => i.name)
        .concat(names.slice(20)),
    );
    expect(names.sort()).toEqual(built.map((b) => b.name).sort());
    const phoneCol = header.indexOf('手机号码') + 1;
    const idCol = header.indexOf('身份证号') + 1;
    expect(String(ws.getRow(2).getCell(phoneCol).value)).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(String(ws.getRow(2).getCell(idCol).value)).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const levels = new Set<string>();
    ws.eachRow((row, n) => {
      if (n > 1) levels.add(String(row.getCell(header.indexOf('代表层级') + 1).value));
    });
    expect([...levels].sort()).toEqual(['乡镇', '县']);
    const text = res.rawPayload.toString('latin1');
    for (const b of built) {
      expect(text).not.toContain(b.phone);
      expect(text).not.toContain(b.idNumber);
    }

    const [audit] = await t.deps.database.raw.query<{ after: { count: number; filter: { deputyGroup: string } } }>(
      "SELECT after FROM audit_events WHERE action = 'deputy.export' AND actor_id = $1 ORDER BY id DESC LIMIT 1",
      [(office as Agent & { user: { id: string } }).user.id],
    );
    expect(audit?.after).toMatchObject({ count: 25, filter: { deputyGroup: group } });

    const township = await office.inject({
      method: 'GET',
      url: `/api/deputies/export.xlsx?deputyGroup=${encodeURIComponent(group)}&level=township`,
    });
    expect((await readXlsx(township.rawPayload)).worksheets[0]!.actualRowCount - 1).toBe(5);
    const leader = await agentFor(t.app, { role: 'leader', regionCode: '2301' });
    expect((await leader.inject({ method: 'GET', url: '/api/deputies/export.xlsx' })).statusCode).toBe(403);
    expect((await office.inject({ method: 'GET', url: '/api/deputies/export.xlsx?level=nope' })).statusCode).toBe(400);
  });
});
