import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, files } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { uniq } from '../../test/factories.js';
import { buildCaseWorld, type CaseWorld } from '../../test/factories.opinions.js';
import { JPEG, pngPhoto, portalFields, randomIp, randomMobile, submitToPortal } from '../../test/factories.portal.js';
import { buildStation } from '../../test/factories.stations.js';
import { intakeRegistrar } from '../opinions/opinions.registrar.js';
import { opinionFiles, opinions } from '../opinions/opinions.tables.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const submit = (o: Record<string, string> = {}, opts: Parameters<typeof submitToPortal>[2] = {}) =>
  submitToPortal(t.app, portalFields(w.station.code, o), opts);

/** Submissions are registered as cases just after the answer: wait for the registrar. */
const settled = () => intakeRegistrar(t.deps).settled();

const casesOfPhone = async (phone: string) => {
  await settled();
  return t.deps.db
    .select()
    .from(opinions)
    .where(eq(opinions.submitterPhoneHash, t.deps.crypto.blindIndex(phone)));
};

const filesNamed = (filename: string) => t.deps.db.select({ id: files.id }).from(files).where(eq(files.filename, filename));

describe('public intake', () => {
  it('makes the station’s case with its photos, the person’s details encrypted, and answers the tracking code', async () => {
    const phone = randomMobile();
    const png = await pngPhoto();
    const res = await submit(
      {
        phone,
        name: '李四',
        address: '幸福路 8 号',
        consentPublish: 'true',
        placeText: '幸福路口',
        latitude: '45.75',
        longitude: '126.63',
      },
      {
        photos: [
          { filename: 'lamp.jpg', content: JPEG },
          { filename: 'shot.png', content: png, contentType: 'image/png' },
        ],
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      trackingCode: expect.stringMatching(/^[2-9A-Z]{8}$/),
      receivedAt: expect.any(String),
      stationName: w.station.name,
    });

    const [row] = await casesOfPhone(phone);
    expect(row).toMatchObject({
      trackingCode: body.trackingCode,
      channel: 'qr',
      stationId: w.station.id,
      regionCode: w.station.regionCode,
      responsibleDeputyId: w.head.id,
      state: 'submitted',
      consentShare: true,
      consentPublish: true,
      nameHidden: true,
      placeText: '幸福路口',
      latitude: 45.75,
      longitude: 126.63,
      submitterNameMasked: '李*',
      createdBy: null,
    });
    const stored = JSON.stringify(row);
    for (const secret of [phone, '李四', '幸福路 8 号']) expect(stored).not.toContain(secret);
    expect(t.deps.crypto.decrypt(row!.submitterAddressEnc!)).toBe('幸福路 8 号');

    const attached = await t.deps.db
      .select({ kind: opinionFiles.kind, mimeType: files.mimeType, size: files.size })
      .from(opinionFiles)
      .innerJoin(files, eq(files.id, opinionFiles.fileId))
      .where(eq(opinionFiles.opinionId, row!.id));
    expect(attached.map((f) => f.mimeType).sort()).toEqual(['image/jpeg', 'image/png']);
    expect(attached.every((f) => f.kind === 'photo')).toBe(true);
    const audit = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, row!.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['opinion.photos_attached', 'opinion.submit']);
  });

  it('keeps emoji, mixed scripts and HTML as text, and refuses empty or 100,000-character content', async () => {
    const phone = randomMobile();
    const html = '<script>alert("x")</script><img src=x onerror=alert(1)> 路灯坏了 😀🏮 Straße ока عربى';
    const ok = await submit({ content: html, phone });
    expect(ok.statusCode, ok.body).toBe(201);
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/public/opinions/${ok.json().trackingCode}?last4=${phone.slice(-4)}`,
    });
    expect(view.headers['content-type']).toContain('application/json');
    expect(view.json().content).toBe(html);

    const twoThousandEmoji = await submit({ content: '😀'.repeat(2000) });
    expect(twoThousandEmoji.statusCode, twoThousandEmoji.body).toBe(201);

    for (const content of ['', '   ', '字'.repeat(2001), 'x'.repeat(100_000)]) {
      const phoneOf = randomMobile();
      const res = await submit({ content, phone: phoneOf });
      expect(res.statusCode, content.slice(0, 10)).toBe(400);
      expect(res.json().message).toContain(content.trim() ? '2000' : '请填写意见内容');
      expect(await casesOfPhone(phoneOf)).toEqual([]);
    }
    // A NUL character, which PostgreSQL's text cannot hold, in the content and in a field beside it.
    const withNul: Record<string, string>[] = [{ content: '路灯\u0000坏了' }, { placeText: '和平路\u0000口' }];
    for (const fields of withNul) {
      const phoneOf = randomMobile();
      const res = await submit({ ...fields, phone: phoneOf });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toContain('控制字符');
      expect(await casesOfPhone(phoneOf)).toEqual([]);
    }
    const en = await submit({ content: 'x'.repeat(100_000) }, { headers: { 'accept-language': 'en' } });
    expect(en.json().message).toContain('limited to 2000 characters');
  });

  it('refuses a 20 MB photo, a text file renamed .jpg and a seventh photo, writing nothing', async () => {
    const phone = randomMobile();
    const big = await submit(
      { phone },
      { photos: [{ filename: 'big.jpg', content: Buffer.concat([JPEG, Buffer.alloc(20 * 1024 * 1024)]) }] },
    );
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'PHOTO_TOO_LARGE', message: expect.stringContaining('5 MB') });

    const name = `notes-${uniq()}.jpg`;
    const text = await submit(
      { phone },
      {
        photos: [
          { filename: 'ok.jpg', content: JPEG },
          { filename: name, content: 'I am plain text, not a photo' },
        ],
      },
    );
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'PHOTO_TYPE', message: expect.stringContaining(name) });

    const seven = Array.from({ length: 7 }, (_, i) => ({ filename: `p${i}.jpg`, content: JPEG }));
    const many = await submit({ phone }, { photos: seven });
    expect(many.statusCode).toBe(400);
    expect(many.json().code).toBe('PHOTO_COUNT');

    expect(await casesOfPhone(phone)).toEqual([]);
    expect(await filesNamed(name)).toEqual([]);
  });

  it('writes no photo when the case cannot be made (one transaction)', async () => {
    const phone = randomMobile();
    const name = `orphan-${uniq()}.jpg`;
    const res = await submit({ phone, categoryId: randomUUID() }, { photos: [{ filename: name, content: JPEG }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CATEGORY_NOT_FOUND');
    expect(await filesNamed(name)).toEqual([]);
    expect(await casesOfPhone(phone)).toEqual([]);
  });

  it('refuses a bad phone, no consent, an unknown or inactive station, and a body that is not a form', async () => {
    const bad = await submit({ phone: '1380013800' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('电话');
    expect((await submit({ phone: '' })).statusCode).toBe(400);
    const noConsent = await submit({ consentShare: 'false' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().message).toContain('同意');

    const unknown = await submitToPortal(t.app, portalFields('999999-999'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'STATION_NOT_FOUND', message: expect.stringContaining('999999-999') });
    expect((await submitToPortal(t.app, portalFields('not-a-code'))).statusCode).toBe(400);
    const closed = await buildStation(t.deps.db, { regionCode: w.township, status: 'inactive' });
    expect((await submitToPortal(t.app, portalFields(closed.code))).json().code).toBe('STATION_NOT_FOUND');

    const send = (payload: string, contentType: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/opinions',
        payload,
        headers: { 'content-type': contentType },
        remoteAddress: randomIp(),
      });
    for (const [payload, type] of [
      [JSON.stringify([portalFields(w.station.code)]), 'application/json'],
      ['路灯坏了', 'text/plain'],
    ] as const) {
      const res = await send(payload, type);
      expect(res.statusCode, type).toBe(400);
      expect(res.json().code).toBe('NOT_MULTIPART');
    }
    const truncated = await send('{"stationCode": "', 'application/json');
    expect(truncated.statusCode).toBe(400);
    expect((await submit({ latitude: '45.7' })).statusCode).toBe(400);
    expect((await submit({ latitude: '145', longitude: '10' })).statusCode).toBe(400);
    expect((await submit({ nameHidden: 'maybe' })).statusCode).toBe(400);
  });

  it('takes a submission without photos as JSON, checked like the form', async () => {
    const phone = randomMobile();
    const post = (body: unknown, key?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/opinions',
        payload: JSON.stringify(body),
        headers: { 'content-type': 'application/json; charset=utf-8', ...(key ? { 'idempotency-key': key } : {}) },
        remoteAddress: randomIp(),
      });
    const body = {
      stationCode: w.station.code,
      content: '<b>路灯</b>坏了 😀',
      placeText: '幸福路口',
      latitude: 45.75,
      longitude: 126.63,
      name: '李四',
      nameHidden: false,
      phone: ` ${phone} `,
      consentShare: true,
      consentPublish: true,
    };
    const key = `json-${uniq()}`;
    const res = await post(body, key);
    expect(res.statusCode, res.body).toBe(201);
    expect((await post(body, key)).json()).toEqual(res.json());
    const [row, ...more] = await casesOfPhone(phone);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      trackingCode: res.json().trackingCode,
      channel: 'qr',
      stationId: w.station.id,
      content: '<b>路灯</b>坏了 😀',
      latitude: 45.75,
      longitude: 126.63,
      nameHidden: false,
      consentPublish: true,
      submitterNameMasked: '李*',
    });
    expect(t.deps.crypto.decrypt(row!.submitterPhoneEnc!)).toBe(phone);

    // The form's strings are not JSON's booleans; a missing consent, a lone coordinate, a NUL.
    const refused: [Record<string, unknown>, string][] = [
      [{ consentShare: 'true' }, 'consentShare'],
      [{ consentShare: false }, 'consentShare'],
      [{ nameHidden: 'yes' }, 'nameHidden'],
      [{ latitude: 45.7, longitude: null }, 'latitude'],
      [{ latitude: '45.7', longitude: '126.6' }, 'latitude'],
      [{ content: 'x'.repeat(100_000) }, 'content'],
      [{ content: '路灯\u0000坏了' }, 'content'],
      [{ phone: '12345' }, 'phone'],
    ];
    for (const [change, field] of refused) {
      const other = randomMobile();
      const bad = await post({ ...body, phone: other, ...change });
      expect(bad.statusCode, JSON.stringify(change)).toBe(400);
      const { code, issues = [] } = bad.json() as { code: string; issues?: { path: string }[] };
      if (code !== 'CONTROL_CHARACTER') expect(issues.map((i) => i.path).join(), JSON.stringify(change)).toContain(field);
      expect(await casesOfPhone(other)).toEqual([]);
    }
  });

  it('answers a replayed request with the same case, and makes one case of a concurrent double tap', async () => {
    const phone = randomMobile();
    const key = `tap-${uniq()}`;
    const fields = portalFields(w.station.code, { phone });
    const first = await submitToPortal(t.app, fields, { key, photos: [{ filename: 'a.jpg', content: JPEG }] });
    expect(first.statusCode, first.body).toBe(201);
    const again = await submitToPortal(t.app, fields, { key, photos: [{ filename: 'a.jpg', content: JPEG }] });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const rows = await casesOfPhone(phone);
    expect(rows).toHaveLength(1);
    expect(await t.deps.db.select().from(opinionFiles).where(eq(opinionFiles.opinionId, rows[0]!.id))).toHaveLength(1);

    const phone2 = randomMobile();
    const key2 = `tap-${uniq()}`;
    const fields2 = portalFields(w.station.code, { phone: phone2 });
    const taps = await Promise.all(
      [1, 2, 3].map(() => submitToPortal(t.app, fields2, { key: key2, photos: [{ filename: 'b.jpg', content: JPEG }] })),
    );
    expect(taps.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(taps.map((r) => r.json().trackingCode)).size).toBe(1);
    const made = await casesOfPhone(phone2);
    expect(made).toHaveLength(1);
    expect(await t.deps.db.select().from(opinionFiles).where(eq(opinionFiles.opinionId, made[0]!.id))).toHaveLength(1);

    // The same key for another station is another submission: refused, not answered with a stranger's case.
    const elsewhere = await submitToPortal(t.app, portalFields(w.otherStation.code), { key });
    expect(elsewhere.statusCode).toBe(409);
    expect((await submit({}, { key: 'short' })).json().code).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it('lets one phone raise five cases an hour', async () => {
    const phone = randomMobile();
    for (let i = 0; i < 5; i++) expect((await submit({ phone, content: `第 ${i} 条` })).statusCode).toBe(201);
    const sixth = await submit({ phone, content: '第 6 条' }, { headers: { 'accept-language': 'en' } });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('5 opinions an hour') });
    expect(await casesOfPhone(phone)).toHaveLength(5);
  });

  it('answers 200 submissions a minute from one address with 429s quickly, losing none it accepted', async () => {
    const ip = '203.0.113.77';
    const tag = uniq('flood-');
    const started = Date.now();
    const burst = Array.from({ length: 200 }, (_, i) =>
      submit({ content: `${tag} 第 ${i} 条` }, { ip }).then((r) => ({ r, ms: Date.now() - started })),
    );
    // The server keeps answering others during the burst.
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const results = await Promise.all(burst);
    const created = results.filter((x) => x.r.statusCode === 201);
    const refused = results.filter((x) => x.r.statusCode === 429);
    expect(created).toHaveLength(10);
    expect(refused).toHaveLength(190);
    expect(refused[0]!.r.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('提交过于频繁') });
    expect(Number(refused[0]!.r.headers['retry-after'])).toBeGreaterThan(0);

    const codes = created.map((x) => x.r.json().trackingCode as string).sort();
    await settled();
    const stored = await t.deps.database.raw.query<{ tracking_code: string }>(
      'SELECT tracking_code FROM opinions WHERE content LIKE $1 ORDER BY tracking_code',
      [`${tag}%`],
    );
    expect(stored.map((s) => s.tracking_code)).toEqual(codes);

    // Another address is not held up by the flood.
    expect((await submit({}, { ip: '203.0.113.78' })).statusCode).toBe(201);
  });
});
