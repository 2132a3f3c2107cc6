import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { uniq } from '../../test/factories.js';
import { advance, buildCaseWorld, type CaseWorld, step } from '../../test/factories.opinions.js';
import { portalFields, randomIp, randomMobile, submitToPortal } from '../../test/factories.portal.js';
import { intakeRegistrar } from '../opinions/opinions.registrar.js';
import { opinions } from '../opinions/opinions.tables.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

/** A form-encoded POST, as the specification shows it. */
const postForm = (fields: Record<string, string>, o: { ip?: string; headers?: Record<string, string> } = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...o.headers },
    remoteAddress: o.ip ?? randomIp(),
  });

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

const specForm = (o: Record<string, string> = {}) => ({
  api_key: 'xyz',
  service_code: 'urban.roads',
  lat: '45.7612',
  long: '126.6301',
  address_string: '幸福路与和平街交口',
  email: 'someone@example.com',
  device_id: 'tt222111',
  account_id: '123456',
  first_name: '三',
  last_name: '张',
  phone: randomMobile(),
  description: `路口的路灯坏了，晚上很黑。${uniq()}`,
  media_url: 'http://example.com/photo.jpg',
  'attribute[station_code]': w.station.code,
  ...o,
});

const caseOf = async (code: string) => {
  // The registrar makes the case just after the answer.
  await intakeRegistrar(t.deps).settled();
  const [row] = await t.deps.db.select().from(opinions).where(eq(opinions.trackingCode, code));
  return row;
};

describe('Open311 GeoReport v2', () => {
  it('discovers, lists the categories as services and defines one', async () => {
    const discovery = await get('/open311/v2/discovery.json');
    expect(discovery.statusCode).toBe(200);
    expect(discovery.json().endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: expect.stringMatching(/\/open311\/v2$/),
      formats: ['application/json'],
    });

    const services = await get('/open311/v2/services.json');
    expect(services.statusCode).toBe(200);
    expect(services.headers['access-control-allow-origin']).toBe('*');
    const roads = services.json().find((s: { service_code: string }) => s.service_code === 'urban.roads');
    expect(roads).toMatchObject({ service_name: '道路与路灯', group: '城市建设与管理', metadata: true, type: 'realtime' });
    const en = (await get('/open311/v2/services.json', { 'accept-language': 'en' })).json();
    expect(en.find((s: { service_code: string }) => s.service_code === 'urban.roads').service_name).toBe(
      'Roads and street lights',
    );

    const definition = await get('/open311/v2/services/urban.roads.json');
    expect(definition.statusCode).toBe(200);
    expect(definition.json().service_code).toBe('urban.roads');
    expect(definition.json().attributes.map((a: { code: string }) => a.code)).toEqual([
      'station_code',
      'consent_share',
      'consent_publish',
    ]);

    const missing = await get('/open311/v2/services/no.such.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: expect.stringContaining('no.such') }]);
    expect((await get('/open311/v2/services.xml')).json()[0]).toMatchObject({
      code: 400,
      description: expect.stringContaining('JSON'),
    });
    expect((await get('/open311/v2/nothing-here')).json()).toEqual([{ code: 404, description: expect.any(String) }]);

    // Documented with the rest of the API.
    const spec = await get('/api/openapi.json');
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).toEqual(
      expect.arrayContaining(['/open311/v2/requests.json', '/api/public/opinions', '/api/public/opinions/{trackingCode}']),
    );
  });

  it('takes a form-encoded request as the specification shows it, with attribute[…]', async () => {
    const form = specForm({ 'attribute[consent_share]': 'true' });
    const res = await postForm(form);
    expect(res.statusCode, res.body).toBe(201);
    const [created] = res.json();
    expect(created).toMatchObject({
      service_request_id: expect.stringMatching(/^[2-9A-Z]{8}$/),
      token: expect.any(String),
      account_id: '123456',
      service_notice: expect.stringContaining('media_url'),
    });
    const row = await caseOf(created.service_request_id);
    expect(row).toMatchObject({
      channel: 'online',
      stationId: w.station.id,
      regionCode: w.station.regionCode,
      content: form.description,
      placeText: '幸福路与和平街交口',
      latitude: 45.7612,
      longitude: 126.6301,
      consentShare: true,
      consentPublish: false,
      submitterNameMasked: '张*',
      createdBy: null,
    });
    expect(t.deps.crypto.decrypt(row!.submitterNameEnc!)).toBe('张三');
    expect(JSON.stringify(row)).not.toContain('someone@example.com');

    // Its status by id and by token; what was written stays private without consent to publish.
    const one = await get(`/open311/v2/requests/${created.service_request_id}.json`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual([
      expect.objectContaining({
        service_request_id: created.service_request_id,
        status: 'open',
        service_code: 'urban.roads',
        service_name: '道路与路灯',
        description: null,
        address: null,
        lat: null,
        long: null,
        expected_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
      }),
    ]);
    expect(one.body).not.toContain(form.phone);
    const token = await get(`/open311/v2/tokens/${created.token}.json`);
    expect(token.json()).toEqual([{ service_request_id: created.service_request_id, token: created.token }]);
    expect((await get('/open311/v2/tokens/not-a-token.json')).statusCode).toBe(404);
    expect((await get('/open311/v2/requests/ZZZZ2345.json')).json()).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it('takes JSON with jurisdiction_id, and publishes only what the constituent agreed to publish', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        jurisdiction_id: w.station.code,
        service_code: 'traffic.parking',
        address_string: '和平街 3 号门前',
        description: '<script>x</script> 门前乱停车 🚗',
        attribute: { consent_publish: 'true' },
      },
      remoteAddress: randomIp(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json()[0].service_request_id as string;
    const [item] = (await get(`/open311/v2/requests/${id}.json`)).json();
    expect(item).toMatchObject({ description: '<script>x</script> 门前乱停车 🚗', address: '和平街 3 号门前', status: 'open' });

    const hidden = (await postForm(specForm())).json()[0].service_request_id as string;
    const listed = await get(`/open311/v2/requests.json?jurisdiction_id=${w.station.code}`);
    expect(listed.statusCode, listed.body).toBe(200);
    const ids = listed.json().map((r: { service_request_id: string }) => r.service_request_id);
    expect(ids).toContain(id);
    expect(ids).not.toContain(hidden);

    const parking = await get(
      `/open311/v2/requests.json?jurisdiction_id=${w.station.code}&service_code=traffic.parking&status=open`,
    );
    expect(parking.json().map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    expect((await get(`/open311/v2/requests.json?jurisdiction_id=${w.station.code}&status=closed`)).json()).toEqual([]);
    const byIds = await get(`/open311/v2/requests.json?service_request_id=${id},${hidden}`);
    expect(
      byIds
        .json()
        .map((r: { service_request_id: string }) => r.service_request_id)
        .sort(),
    ).toEqual([id, hidden].sort());

    const tooLong = await get('/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()[0].description).toContain('90');
    expect((await get('/open311/v2/requests.json?status=pending')).statusCode).toBe(400);
    expect((await get('/open311/v2/requests.json?start_date=yesterday')).statusCode).toBe(400);
    expect((await get('/open311/v2/requests.json?jurisdiction_id=999999-999')).statusCode).toBe(404);
  });

  it('maps the states to open and closed', async () => {
    const res = await postForm(specForm({ 'attribute[consent_publish]': 'true' }));
    const id = res.json()[0].service_request_id as string;
    const row = await caseOf(id);
    await advance(w, row!.id, 'awaiting_evaluation');
    const replied = (await get(`/open311/v2/requests/${id}.json`)).json()[0];
    expect(replied).toMatchObject({ status: 'open', status_notes: '待评价：已解决', agency_responsible: w.unit.name });

    const other = (await postForm(specForm())).json()[0].service_request_id as string;
    await step(w.deputy, (await caseOf(other))!.id, 'reject', { reason: '属于信访事项' });
    const rejected = (await get(`/open311/v2/requests/${other}.json`, { 'accept-language': 'en' })).json()[0];
    expect(rejected).toMatchObject({ status: 'closed', status_notes: 'Rejected', expected_datetime: null });
    expect(JSON.stringify(rejected)).not.toContain('信访');
  });

  it('answers bad input in the Open311 error format', async () => {
    const bad = async (fields: Record<string, string>, needle: string) => {
      const res = await postForm(fields);
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json();
      expect(Array.isArray(body)).toBe(true);
      expect(body[0]).toMatchObject({ code: 400, description: expect.stringContaining(needle) });
    };
    const { service_code: _omit, ...noService } = specForm();
    await bad(noService, 'service_code');
    await bad(specForm({ service_code: 'no.such' }), 'no.such');
    await bad(specForm({ 'attribute[station_code]': '999999-999' }), '999999-999');
    await bad(specForm({ phone: '12345' }), '电话');
    await bad(specForm({ description: '' }), '意见内容');
    await bad(specForm({ description: 'x'.repeat(3000) }), '2000');
    const huge = await postForm(specForm({ description: 'x'.repeat(100_000) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual([{ code: 413, description: expect.stringContaining('2000') }]);
    await bad(specForm({ lat: '', long: '', address_string: '' }), 'address_string');
    await bad(specForm({ lat: '95' }), 'lat');
    await bad(specForm({ jurisdiction_id: w.otherStation.code }), 'jurisdiction_id');
    const { 'attribute[station_code]': _s, ...noStation } = specForm();
    await bad(noStation, 'station_code');
    const en = await postForm(specForm({ email: 'not-an-email' }), { headers: { 'accept-language': 'en' } });
    expect(en.json()[0].description).toContain('email');
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: '{"service_code":',
      headers: { 'content-type': 'application/json' },
      remoteAddress: randomIp(),
    });
    expect(notJson.statusCode).toBe(400);
    expect(Array.isArray(notJson.json())).toBe(true);
  });

  it('counts new requests per address together with the portal', async () => {
    const ip = '203.0.113.99';
    for (let i = 0; i < 10; i++) {
      const res = await submitToPortal(t.app, portalFields(w.station.code), { ip });
      expect(res.statusCode).toBe(201);
    }
    const res = await postForm(specForm(), { ip });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual([{ code: 429, description: expect.stringContaining('提交过于频繁') }]);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
