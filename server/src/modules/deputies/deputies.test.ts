import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withIdChecksum } from '../../platform/ids.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildDeputy, randomIdNumber, randomMobile } from '../../test/factories.deputies.js';
import { type Agent, agentFor, uniq } from '../../test/factories.js';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await agentFor(t.app, { role: 'office_staff', regionCode: '2301' });
});
afterAll(async () => t?.close());

const validBody = (o: Record<string, unknown> = {}) => ({
  name: `测试${uniq()}`.slice(0, 12),
  idNumber: randomIdNumber({ birthDate: '1978-05-20', gender: 'female' }),
  phone: randomMobile(),
  level: 'county',
  term: 16,
  regionCode: '230102',
  ethnicity: '汉族',
  party: '中共党员',
  delegation: '道里代表团',
  ...o,
});

const audits = (entityId: string, action: string) =>
  t.deps.database.raw.query<{ before: unknown; after: unknown; actor_role: string }>(
    'SELECT before, after, actor_role FROM audit_events WHERE entity_id = $1 AND action = $2 ORDER BY id',
    [entityId, action],
  );

describe('create', () => {
  it('registers a person with a mandate, derives gender, birth date and congress, and audits it masked', async () => {
    const body = validBody();
    const res = await office.inject({ method: 'POST', url: '/api/deputies', payload: body });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      name: body.name,
      gender: 'female',
      birthDate: '1978-05-20',
      level: 'county',
      congressRegionCode: '230102',
      congressRegionName: '道里区',
      regionName: '道里区',
      status: 'serving',
      matchedExistingPerson: false,
      phone: null,
      idNumber: null,
      revealed: false,
    });
    expect(d.phoneMasked).toBe(`${body.phone.slice(0, 3)}****${body.phone.slice(-4)}`);
    expect(d.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const [audit] = await audits(d.id, 'deputy.create');
    const text = JSON.stringify(audit);
    expect(text).not.toContain(body.phone);
    expect(text).not.toContain(body.idNumber);
    expect(text).toContain(d.phoneMasked);
  });

  it('adds a second mandate to the person with the same ID number', async () => {
    const body = validBody();
    const first = (await office.inject({ method: 'POST', url: '/api/deputies', payload: body })).json();
    const res = await office.inject({
      method: 'POST',
      url: '/api/deputies',
      payload: { name: body.name, idNumber: body.idNumber, level: 'municipal', term: 15, regionCode: '230102' },
    });
    expect(res.statusCode).toBe(201);
    const second = res.json();
    expect(second.matchedExistingPerson).toBe(true);
    expect(second.personId).toBe(first.personId);
    expect(second.congressRegionCode).toBe('2301');
    expect(second.phoneMasked).toBe(first.phoneMasked);
    expect(second.otherMandates).toEqual([expect.objectContaining({ id: first.id, level: 'county', inScope: true })]);

    const again = await office.inject({
      method: 'POST',
      url: '/api/deputies',
      payload: { name: body.name, idNumber: body.idNumber, level: 'municipal', term: 15, regionCode: '230103' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DEPUTY_MANDATE_EXISTS');
    const otherName = await office.inject({
      method: 'POST',
      url: '/api/deputies',
      payload: { name: '别人', idNumber: body.idNumber, level: 'township', term: 8, regionCode: '230102001' },
    });
    expect(otherName.statusCode).toBe(409);
    expect(otherName.json().code).toBe('PERSON_NAME_MISMATCH');
  });

  it('rejects bad input with 400 and a message in the client language', async () => {
    const post = (payload: unknown, lang = 'zh-CN') =>
      office.inject({ method: 'POST', url: '/api/deputies', payload: payload as object, headers: { 'accept-language': lang } });
    // A check character that is not the right one: '0', or '1' when '0' happens to be right.
    const idBadChecksum = `${randomIdNumber().slice(0, 17)}${'0'}`;
    const badId = withIdChecksum(idBadChecksum.slice(0, 17)) === idBadChecksum ? `${idBadChecksum.slice(0, 17)}1` : idBadChecksum;

    const checksum = await post(validBody({ idNumber: badId }));
    expect(checksum.statusCode).toBe(400);
    expect(checksum.json().issues[0].path).toBe('idNumber');
    expect(checksum.json().message).toContain('GB 11643');
    const en = await post(validBody({ idNumber: badId }), 'en-US');
    expect(en.json().message).toContain('Not a valid ID number');

    const phone = await post(validBody({ phone: '1380013' }));
    expect(phone.statusCode).toBe(400);
    expect(phone.json().issues[0].path).toBe('phone');

    const unknownRegion = await post(validBody({ regionCode: '230199' }));
    expect(unknownRegion.statusCode).toBe(400);
    expect(unknownRegion.json().code).toBe('UNKNOWN_REGION');

    const outside = await post(validBody({ regionCode: '230202' }));
    expect(outside.statusCode).toBe(403);

    const tooLong = await post(validBody({ name: '长'.repeat(51), occupation: 'x'.repeat(201) }));
    expect(tooLong.statusCode).toBe(400);
    expect(
      tooLong
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['name', 'occupation']);

    const wrongTypes = await post(validBody({ term: '16', level: 'city', gender: 'x', birthDate: '1978-02-30' }));
    expect(wrongTypes.statusCode).toBe(400);
    expect(
      wrongTypes
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['birthDate', 'gender', 'level', 'term']);

    const genderMismatch = await post(validBody({ gender: 'male' }));
    expect(genderMismatch.statusCode).toBe(400);
    expect(genderMismatch.json().issues[0].path).toBe('gender');

    const wrongDepth = await post(validBody({ level: 'township', regionCode: '230102' }));
    expect(wrongDepth.statusCode).toBe(400);
    expect(wrongDepth.json().issues[0].path).toBe('regionCode');

    const empty = await post({});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().issues.length).toBeGreaterThanOrEqual(5);

    const ended = await post(validBody({ startedOn: '2021-11-20', endedOn: '2020-01-01', status: 'resigned' }));
    expect(ended.statusCode).toBe(400);
    expect(ended.json().issues[0].path).toBe('endedOn');
  });

  it('keeps registry writes to office staff', async () => {
    for (const role of ['leader', 'station_staff', 'deputy', 'sysadmin', 'unit_staff'] as const) {
      const agent = await agentFor(t.app, { role, regionCode: '2301' });
      const res = await agent.inject({ method: 'POST', url: '/api/deputies', payload: validBody() });
      expect(res.statusCode, role).toBe(403);
    }
  });
});

describe('edit', () => {
  it('edits mandate and person fields, dates a status change and audits only masked numbers', async () => {
    const created = (await office.inject({ method: 'POST', url: '/api/deputies', payload: validBody() })).json();
    const newPhone = randomMobile();
    const res = await office.inject({
      method: 'PATCH',
      url: `/api/deputies/${created.id}`,
      payload: { status: 'resigned', deputyGroup: '第二小组', phone: newPhone, name: '李四' },
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ status: 'resigned', deputyGroup: '第二小组', name: '李四', namePinyin: 'lisi' });
    expect(d.statusChangedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d.endedOn).toBe(d.statusChangedOn);
    expect(d.phoneMasked).toBe(`${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`);
    const [audit] = await audits(created.id, 'deputy.update');
    expect(audit?.before).toMatchObject({
      mandate: { status: 'serving' },
      person: { name: created.name, phoneMasked: created.phoneMasked },
    });
    expect(audit?.after).toMatchObject({ mandate: { status: 'resigned' }, person: { name: '李四', phoneMasked: d.phoneMasked } });
    expect(JSON.stringify(audit)).not.toContain(newPhone);

    // The list's name order follows the rename.
    const [order] = await t.deps.database.raw.query<{ sort_key: string }>('SELECT sort_key FROM deputies WHERE id = $1', [
      created.id,
    ]);
    expect(order?.sort_key).toBe('lisi 李四');

    const back = await office.inject({
      method: 'PATCH',
      url: `/api/deputies/${created.id}`,
      payload: { status: 'serving', statusChangedOn: '2024-01-02' },
    });
    expect(back.json()).toMatchObject({ status: 'serving', endedOn: null, statusChangedOn: '2024-01-02' });
  });

  it('refuses an ID number of another person, moves out of scope, empty and invalid patches', async () => {
    const a = await buildDeputy(t.deps.db, t.deps.crypto);
    const b = await buildDeputy(t.deps.db, t.deps.crypto);
    const patch = (id: string, payload: object) => office.inject({ method: 'PATCH', url: `/api/deputies/${id}`, payload });
    expect((await patch(a.deputy.id, { idNumber: b.idNumber })).json().code).toBe('PERSON_ID_NUMBER_TAKEN');
    expect((await patch(a.deputy.id, { regionCode: '230202' })).statusCode).toBe(403);
    expect((await patch(a.deputy.id, {})).statusCode).toBe(400);
    expect((await patch(a.deputy.id, { idNumber: null })).statusCode).toBe(400);
    expect((await patch(a.deputy.id, { term: 100 })).statusCode).toBe(400);
    expect((await patch('00000000-0000-4000-8000-000000000000', { term: 3 })).statusCode).toBe(404);
    const far = await buildDeputy(t.deps.db, t.deps.crypto, { regionCode: '230202' });
    expect((await patch(far.deputy.id, { term: 3 })).statusCode).toBe(403);
    // A new valid ID number re-derives gender and birth date.
    const newId = randomIdNumber({ birthDate: '1990-12-01', gender: 'male' });
    const moved = await patch(a.deputy.id, { idNumber: newId });
    expect(moved.json()).toMatchObject({ gender: 'male', birthDate: '1990-12-01' });
  });
});

describe('list and search', () => {
  const region = '230104';
  let zhang: Awaited<ReturnType<typeof buildDeputy>>;
  let station: string;
  beforeAll(async () => {
    const tag = uniq('组');
    zhang = await buildDeputy(t.deps.db, t.deps.crypto, {
      name: '张三丰',
      regionCode: region,
      deputyGroup: tag,
      party: '民盟盟员',
    });
    await buildDeputy(t.deps.db, t.deps.crypto, {
      name: '李四',
      regionCode: `${region}001`,
      level: 'township',
      deputyGroup: tag,
      status: 'ended',
    });
    await buildDeputy(t.deps.db, t.deps.crypto, { name: '张三', regionCode: '230202', deputyGroup: tag });
    await buildDeputy(t.deps.db, t.deps.crypto, {
      name: '王五',
      regionCode: region,
      deputyGroup: tag,
      level: 'municipal',
      term: 15,
    });
    const [s] = await t.deps.database.raw.query<{ id: string }>(
      `INSERT INTO stations (code, name, type, tier, region_code, name_pinyin, name_initials)
       VALUES ($1, '测试联络站', 'station', 'basic', $2, 'ceshilianluozhan', 'csllz') RETURNING id`,
      [uniq('ST'), region],
    );
    station = s!.id;
    await t.deps.database.raw.query(
      `INSERT INTO station_members (station_id, deputy_id, region_code, role) VALUES ($1, $2, $3, 'head')`,
      [station, zhang.deputy.id, region],
    );
    (globalThis as Record<string, unknown>).__tag = tag;
  });
  const list = async (agent: Agent, query: string) => {
    const res = await agent.inject({ method: 'GET', url: `/api/deputies?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { name: string; id: string; phoneMasked: string; idNumberMasked: string }[]; total: number };
  };
  const tag = () => encodeURIComponent((globalThis as Record<string, unknown>).__tag as string);

  it('finds by full pinyin prefix, initials prefix and name substring, within the subtree', async () => {
    for (const q of ['zs', 'zhangsan', 'zhang', 'ZSF', '张三', '三丰']) {
      const r = await list(office, `q=${encodeURIComponent(q)}&deputyGroup=${tag()}`);
      expect(
        r.items.map((i) => i.name),
        q,
      ).toEqual(['张三丰']);
    }
    const nation = await agentFor(t.app, { role: 'office_staff', regionCode: '' });
    const all = await list(nation, `q=zs&deputyGroup=${tag()}`);
    expect(all.items.map((i) => i.name).sort()).toEqual(['张三', '张三丰']);
  });

  it('filters by level, status, region subtree, term, gender, party and station, and pages', async () => {
    expect((await list(office, `deputyGroup=${tag()}`)).total).toBe(3);
    expect((await list(office, `deputyGroup=${tag()}&level=township`)).items.map((i) => i.name)).toEqual(['李四']);
    expect((await list(office, `deputyGroup=${tag()}&level=county,municipal`)).total).toBe(2);
    expect((await list(office, `deputyGroup=${tag()}&status=ended`)).items.map((i) => i.name)).toEqual(['李四']);
    expect((await list(office, `deputyGroup=${tag()}&regionCode=${region}001`)).total).toBe(1);
    expect((await list(office, `deputyGroup=${tag()}&term=15`)).items.map((i) => i.name)).toEqual(['王五']);
    expect((await list(office, `deputyGroup=${tag()}&party=${encodeURIComponent('民盟盟员')}`)).total).toBe(1);
    expect((await list(office, `stationId=${station}`)).items.map((i) => i.id)).toEqual([zhang.deputy.id]);
    const gender = zhang.idNumber[16]! && Number(zhang.idNumber[16]) % 2 ? 'male' : 'female';
    expect((await list(office, `deputyGroup=${tag()}&gender=${gender}`)).items.map((i) => i.name)).toContain('张三丰');
    expect((await list(office, `deputyGroup=${tag()}`)).items.map((i) => i.name)).toEqual(['李四', '王五', '张三丰']);
    expect((await list(office, `deputyGroup=${tag()}&sort=-name`)).items.map((i) => i.name)).toEqual(['张三丰', '王五', '李四']);
    expect((await list(office, `deputyGroup=${tag()}&sort=level`)).items.map((i) => i.name)).toEqual(['王五', '张三丰', '李四']);
    expect((await list(office, `deputyGroup=${tag()}&sort=-term`)).items.map((i) => i.name)[2]).toBe('王五');
    expect((await list(office, `deputyGroup=${tag()}&q=si`)).items.map((i) => i.name)).toEqual([]);
    const page2 = await list(office, `deputyGroup=${tag()}&pageSize=2&page=2&sort=name`);
    expect(page2.total).toBe(3);
    expect(page2.items.length).toBe(1);
    expect((await list(office, `deputyGroup=${tag()}&regionCode=2302`)).total).toBe(0);
    const bad = await office.inject({ method: 'GET', url: '/api/deputies?level=city&pageSize=1000&regionCode=abc' });
    expect(bad.statusCode).toBe(400);
  });

  it('shows numbers masked in lists; searches by number only for office staff', async () => {
    const r = await list(office, `q=${zhang.phone}`);
    expect(r.items.map((i) => i.id)).toEqual([zhang.deputy.id]);
    expect(r.items[0]!.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(JSON.stringify(r)).not.toContain(zhang.phone);
    expect(JSON.stringify(r)).not.toContain(zhang.idNumber);
    expect((await list(office, `q=${zhang.idNumber}`)).total).toBe(1);
    const leader = await agentFor(t.app, { role: 'leader', regionCode: '2301' });
    expect((await list(leader, `q=${zhang.phone}`)).total).toBe(0);
  });

  it('details a deputy with stations; reveals numbers only to office staff, audited each time', async () => {
    const leader = await agentFor(t.app, { role: 'leader', regionCode: '2301' });
    const plain = await leader.inject({ method: 'GET', url: `/api/deputies/${zhang.deputy.id}` });
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toMatchObject({ phone: null, idNumber: null, revealed: false });
    expect(plain.json().stations).toEqual([expect.objectContaining({ id: station, name: '测试联络站', role: 'head' })]);
    expect((await leader.inject({ method: 'GET', url: `/api/deputies/${zhang.deputy.id}?reveal=1` })).statusCode).toBe(403);

    const revealed = await office.inject({ method: 'GET', url: `/api/deputies/${zhang.deputy.id}?reveal=1` });
    expect(revealed.json()).toMatchObject({ phone: zhang.phone, idNumber: zhang.idNumber, revealed: true });
    await office.inject({ method: 'GET', url: `/api/deputies/${zhang.deputy.id}?reveal=1` });
    const rows = await audits(zhang.deputy.id, 'deputy.reveal');
    expect(rows.length).toBe(2);
    expect(JSON.stringify(rows)).not.toContain(zhang.phone);

    const other = await agentFor(t.app, { role: 'office_staff', regionCode: '2302' });
    expect((await other.inject({ method: 'GET', url: `/api/deputies/${zhang.deputy.id}` })).statusCode).toBe(403);
    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    expect((await admin.inject({ method: 'GET', url: '/api/deputies' })).statusCode).toBe(403);
  });

  it('stores no phone or ID number in clear', async () => {
    const rows = await t.deps.database.raw.query<Record<string, unknown>>('SELECT * FROM persons WHERE id = $1', [
      zhang.personId,
    ]);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(zhang.phone);
    expect(text).not.toContain(zhang.idNumber);
    expect(text).not.toContain(zhang.idNumber.slice(6, 14) + zhang.idNumber.slice(14));
    expect(rows[0]!.phone_enc).toMatch(/^v1:/);
  });
});
