import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import { buildDeputy, buildStation, randomCounty } from '../../test/factories.stations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which a valid PNG has right after its signature. */
function pngSize(png: Buffer) {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A station with a head, a member, and a deputy whose mandate ended (who shows nowhere public). */
async function scene() {
  const { county, township } = await randomCounty(t.deps.db);
  const office = await agentFor(t.app, { role: 'office_staff', regionCode: county });
  const station = await buildStation(t.deps.db, {
    regionCode: township,
    name: '太平桥街道人大代表联络站',
    hotline: '0451-88886666',
  });
  const head = await buildDeputy(t.deps.db, t.deps.crypto, {
    regionCode: county,
    name: '李站长',
    level: 'municipal',
    phone: '13800001111',
  });
  const member = await buildDeputy(t.deps.db, t.deps.crypto, {
    regionCode: county,
    name: '孙代表',
    level: 'township',
    phone: '13800002222',
    deputyGroup: null,
  });
  const leaving = await buildDeputy(t.deps.db, t.deps.crypto, { regionCode: county, name: '周离任', phone: '13800003333' });
  const put = (id: string, role: string) =>
    office.inject({ method: 'PUT', url: `/api/stations/${station.id}/members/${id}`, payload: { role } });
  await put(head.id, 'head');
  await put(member.id, 'member');
  await put(leaving.id, 'member');
  await t.deps.database.raw.query(`UPDATE deputies SET status = 'ended' WHERE id = $1`, [leaving.id]);
  return { county, township, office, station, head, member };
}

describe('QR codes', () => {
  it('serves a PNG of at least 512 px encoding the public page address', async () => {
    const { office, station } = await scene();
    const res = await office.inject({ method: 'GET', url: `/api/stations/${station.id}/qr.png` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toContain(`station-${station.code}.png`);
    expect(pngSize(res.rawPayload)).toEqual({ width: 1024, height: 1024 });

    const small = await office.inject({ method: 'GET', url: `/api/stations/${station.id}/qr.png?size=512` });
    expect(pngSize(small.rawPayload)).toEqual({ width: 512, height: 512 });
    for (const size of ['100', '5000', 'big']) {
      expect(
        (await office.inject({ method: 'GET', url: `/api/stations/${station.id}/qr.png?size=${size}` })).statusCode,
        size,
      ).toBe(400);
    }
  });

  it('serves an SVG with a quiet zone, from the configured public URL when there is one', async () => {
    const { office, station } = await scene();
    const res = await office.inject({ method: 'GET', url: `/api/stations/${station.id}/qr.svg` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // A 4-module margin: the background path covers the whole view box and the modules start at 4.
    const viewBox = /viewBox="0 0 (\d+) \1"/.exec(res.body);
    expect(viewBox).not.toBeNull();
    expect(res.body).toMatch(/<path stroke="#000000" d="M4 4\.5/);
    // The same symbol as encoding the public address at level M: the code carries that URL and nothing else.
    const expected = await QRCode.toString(`http://localhost:80/s/${station.code}`, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 4,
    });
    expect(res.body).toBe(expected);
    const levelH = await QRCode.toString(`http://localhost:80/s/${station.code}`, {
      type: 'svg',
      errorCorrectionLevel: 'H',
      margin: 4,
    });
    expect(res.body).not.toBe(levelH);

    const before = t.deps.config.publicUrl;
    t.deps.config.publicUrl = 'https://lianluo.example.gov.cn';
    try {
      const card = await office.inject({ method: 'GET', url: `/api/stations/${station.id}/card` });
      expect(card.json().publicUrl).toBe(`https://lianluo.example.gov.cn/s/${station.code}`);
      const detail = await office.inject({ method: 'GET', url: `/api/stations/${station.id}` });
      expect(detail.json().publicUrl).toBe(`https://lianluo.example.gov.cn/s/${station.code}`);
    } finally {
      t.deps.config.publicUrl = before;
    }
    const forwarded = await office.inject({
      method: 'GET',
      url: `/api/stations/${station.id}/card`,
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'rd.harbin.example.cn' },
    });
    expect(forwarded.json().publicUrl).toBe(`https://rd.harbin.example.cn/s/${station.code}`);
    const badHost = await office.inject({
      method: 'GET',
      url: `/api/stations/${station.id}/qr.svg`,
      headers: { 'x-forwarded-host': 'evil.cn/"><script>' },
    });
    expect(badHost.statusCode).toBe(400);
  });

  it('is readable by business roles in scope only', async () => {
    const { county, station } = await scene();
    const deputy = await agentFor(t.app, { role: 'deputy', regionCode: county });
    expect((await deputy.inject({ method: 'GET', url: `/api/stations/${station.id}/qr.png` })).statusCode).toBe(200);
    const auditor = await agentFor(t.app, { role: 'auditor', regionCode: '' });
    expect((await auditor.inject({ method: 'GET', url: `/api/stations/${station.id}/qr.png` })).statusCode).toBe(403);
    const other = await randomCounty(t.deps.db, { notIn: county });
    const outsider = await agentFor(t.app, { role: 'leader', regionCode: other.county });
    expect((await outsider.inject({ method: 'GET', url: `/api/stations/${station.id}/qr.svg` })).statusCode).toBe(403);
    expect((await outsider.inject({ method: 'GET', url: `/api/stations/${station.id}/card` })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/stations/${station.id}/qr.png` })).statusCode).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents the station routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/stations',
      '/api/stations/{id}',
      '/api/stations/{id}/members/{deputyId}',
      '/api/stations/{id}/qr.png',
      '/api/stations/{id}/card',
      '/api/public/stations/{code}',
    ]) {
      expect(paths, p).toContain(p);
    }
  });
});

describe('contact card', () => {
  it('carries what the printed card shows, with serving deputies only and no phone numbers', async () => {
    const { office, station, head, member } = await scene();
    const res = await office.inject({ method: 'GET', url: `/api/stations/${station.id}/card` });
    expect(res.statusCode).toBe(200);
    const card = res.json();
    expect(card).toMatchObject({
      id: station.id,
      code: station.code,
      name: '太平桥街道人大代表联络站',
      hotline: '0451-88886666',
      address: station.address,
      publicUrl: `http://localhost:80/s/${station.code}`,
    });
    expect(card.qrSvg).toMatch(/^<svg/);
    expect(card.deputies).toEqual([
      { name: head.name, level: 'municipal', role: 'head', deputyGroup: '第一代表小组' },
      { name: member.name, level: 'township', role: 'member', deputyGroup: null },
    ]);
    expect(res.body).not.toMatch(/138\d{8}|138\*{4}/);
  });
});

describe('public station page', () => {
  it('answers without an account, with no personal data', async () => {
    const { station, head, member } = await scene();
    const res = await t.app.inject({ method: 'GET', url: `/api/public/stations/${station.code}` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({
      code: station.code,
      name: station.name,
      type: 'station',
      tier: 'basic',
      hotline: '0451-88886666',
      starLevel: 0,
    });
    expect(page.deputies).toEqual([
      { name: head.name, level: 'municipal', role: 'head', deputyGroup: '第一代表小组' },
      { name: member.name, level: 'township', role: 'member', deputyGroup: null },
    ]);
    expect(Object.keys(page)).not.toContain('id');
    expect(res.body).not.toContain('周离任');
    // No mobile number, masked or not, and no person or deputy ids.
    expect(res.body).not.toMatch(/1[3-9]\d{9}|\d{3}\*{4}\d{4}/);
    expect(res.body).not.toContain(head.id);
    expect(res.body).not.toContain(head.person.id);
  });

  it('answers 404 with a clear message for unknown or inactive stations, 400 for a malformed code', async () => {
    const { county } = await randomCounty(t.deps.db);
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/public/stations/${county}-999`,
      headers: { 'accept-language': 'en' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      code: 'STATION_NOT_FOUND',
      message: `No station with code ${county}-999, or the station is no longer active`,
    });
    const inactive = await buildStation(t.deps.db, { regionCode: county, status: 'inactive' });
    const gone = await t.app.inject({ method: 'GET', url: `/api/public/stations/${inactive.code}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().message).toContain(inactive.code);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/stations/abc' })).statusCode).toBe(400);
  });

  it('is rate-limited per address', async () => {
    const { station } = await scene();
    const from = (ip: string) =>
      t.app.inject({ method: 'GET', url: `/api/public/stations/${station.code}`, headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 120; i++) expect((await from('203.0.113.7')).statusCode).toBe(200);
    const limited = await from('203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toBe('请求过于频繁，请稍后再试');
    expect((await from('203.0.113.8')).statusCode).toBe(200);
  });
});
