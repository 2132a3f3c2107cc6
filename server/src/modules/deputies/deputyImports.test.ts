import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildDeputy, multipart, randomIdNumber, randomMobile, readXlsx, xlsxOf } from '../../test/factories.deputies.js';
import { type Agent, agentFor, uniq } from '../../test/factories.js';
import { registerDeputyWorkers } from './deputies.worker.js';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  await registerDeputyWorkers(t.deps);
  office = await agentFor(t.app, { role: 'office_staff', regionCode: '2301' });
});
afterAll(async () => t?.close());

const HEADER = [
  '姓名',
  '性别',
  '身份证号',
  '手机号码',
  '代表层级',
  '届次',
  '所在地区',
  '代表小组',
  '代表状态',
  '当选日期',
  '离任日期',
];
type Row = (string | number | Date | null)[];

const upload = (agent: Agent, content: Buffer | string, filename = 'roster.xlsx') =>
  agent.inject({ method: 'POST', url: '/api/deputy-imports', ...multipart({ filename, content }) });

async function waitDone(agent: Agent, id: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  const seen: number[] = [];
  for (;;) {
    const res = await agent.inject({ method: 'GET', url: `/api/deputy-imports/${id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    seen.push(body.progress);
    if (body.status === 'done' || body.status === 'failed') return { ...body, seen };
    if (Date.now() > until) throw new Error(`import ${id} still ${body.status} (${body.processedRows}/${body.totalRows})`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('roster import', () => {
  it('imports the good rows of a 10,000-row roster in one go and reports every bad row', async () => {
    const group = uniq('导入组');
    const existing = await buildDeputy(t.deps.db, t.deps.crypto, {
      name: '既有代表',
      regionCode: '230102',
      level: 'county',
      term: 16,
    });
    const rows: Row[] = [];
    const good = (i: number): Row => [
      `代表${i}`,
      null,
      randomIdNumber(),
      randomMobile(),
      '县',
      16,
      '230102',
      group,
      '在任',
      '2021-11-20',
      null,
    ];
    for (let i = 0; i < 10_000; i++) rows.push(good(i));
    // Excel row = index + 2 (the header is row 1).
    const bad: Record<number, { column: string; fragment: string }> = {};
    const spoil = (index: number, column: string, value: string | number | null, fragment: string) => {
      rows[index]![HEADER.indexOf(column)] = value;
      bad[index + 2] = { column, fragment };
    };
    spoil(
      10,
      '身份证号',
      `${(rows[10]![2] as string).slice(0, 17)}${(rows[10]![2] as string).endsWith('0') ? '1' : '0'}`,
      'GB 11643',
    );
    spoil(20, '手机号码', '1234-abc', '手机号码');
    spoil(30, '所在地区', '不存在的区', '找不到地区');
    spoil(40, '所在地区', '230202', '不在您的管辖范围内');
    spoil(50, '代表层级', '区长', '无法识别');
    spoil(60, '姓名', null, '姓名不能为空');
    spoil(70, '当选日期', '2021-02-30', '不是有效日期');
    spoil(80, '届次', '第一百届', '届次');
    spoil(90, '性别', '男女', '无法识别');
    // Excel turned an 18-digit ID number into a float and lost its last digits.
    spoil(100, '身份证号', Number('230102198003151232'), '文本');
    // Duplicates inside the file: the same mandate twice, and the same ID number under another name.
    rows[200] = [...rows[199]!];
    bad[202] = { column: '身份证号', fragment: '与第 201 行重复' };
    rows[300] = [...rows[299]!];
    rows[300][0] = '另一个名字';
    rows[300][4] = '乡镇';
    rows[300][6] = '兆麟街道';
    bad[302] = { column: '身份证号', fragment: '姓名不同' };
    // The same person's second mandate inside the file is fine.
    rows[400] = [rows[399]![0]!, null, rows[399]![2]!, null, '乡镇', 9, '230102001', group, '在任', null, null];
    // An existing person: a new mandate is added; the mandate they already hold is an error.
    rows[500] = [existing.name, null, existing.idNumber, null, '市', 15, '道里区', group, '在任', null, null];
    rows[600] = [existing.name, null, existing.idNumber, null, '县', '第十六届', '230102', group, '在任', null, null];
    bad[602] = { column: '身份证号', fragment: '已登记' };
    rows[700] = [
      `离任代表`,
      '女',
      randomIdNumber({ gender: 'female' }),
      null,
      '县',
      16,
      '230102',
      group,
      '辞职',
      '2021-11-20',
      '2023-05-01',
    ];

    const file = await xlsxOf(HEADER, rows, { textColumns: [3, 4] });
    const started = Date.now();
    const res = await upload(office, file, '名册.xlsx');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'queued', filename: '名册.xlsx' });
    const done = await waitDone(office, res.json().id);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(done.status).toBe('done');

    const badRows = Object.keys(bad).map(Number);
    expect(done.totalRows).toBe(10_000);
    expect(done.processedRows).toBe(10_000);
    expect(done.progress).toBe(100);
    expect(done.errorRows).toBe(badRows.length);
    expect(done.importedRows).toBe(10_000 - badRows.length);
    expect([...new Set(done.errors.map((e: { row: number }) => e.row))]).toEqual(badRows.sort((a, b) => a - b));
    for (const [row, { column, fragment }] of Object.entries(bad)) {
      const e = done.errors.find((x: { row: number }) => x.row === Number(row));
      expect(e, `row ${row}`).toMatchObject({ column });
      expect(`${e.message}`, `row ${row}`).toContain(fragment);
      expect(e.messageEn.length).toBeGreaterThan(5);
    }

    const [count] = await t.deps.database.raw.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM deputies WHERE deputy_group = $1',
      [group],
    );
    expect(count?.n).toBe(10_000 - badRows.length);
    const mandates = await t.deps.database.raw.query<{ level: string; term: number }>(
      'SELECT level, term FROM deputies WHERE person_id = $1 ORDER BY level',
      [existing.personId],
    );
    expect(mandates).toEqual([
      { level: 'county', term: 16 },
      { level: 'municipal', term: 15 },
    ]);
    const twoLevels = await t.deps.database.raw.query<{ n: number }>(
      'SELECT count(DISTINCT person_id)::int AS n FROM deputies d JOIN persons p ON p.id = d.person_id WHERE p.name = $1 AND d.deputy_group = $2',
      [rows[399]![0], group],
    );
    expect(twoLevels[0]?.n).toBe(1);
    const resigned = await t.deps.database.raw.query<{ status: string; ended_on: string; status_changed_on: string }>(
      `SELECT status, to_char(ended_on, 'YYYY-MM-DD') AS ended_on, to_char(status_changed_on, 'YYYY-MM-DD') AS status_changed_on
         FROM deputies d JOIN persons p ON p.id = d.person_id WHERE p.name = '离任代表' AND d.deputy_group = $1`,
      [group],
    );
    expect(resigned).toEqual([{ status: 'resigned', ended_on: '2023-05-01', status_changed_on: '2023-05-01' }]);
    const plain = await t.deps.database.raw.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM persons WHERE phone_enc LIKE $1',
      [`%${rows[0]![3]}%`],
    );
    expect(plain[0]?.n).toBe(0);

    const report = await office.inject({ method: 'GET', url: done.errorReportUrl });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('spreadsheetml');
    const wb = await readXlsx(report.rawPayload);
    const details = wb.getWorksheet('错误明细')!;
    expect(details.actualRowCount - 1).toBe(done.errorCount);
    expect(details.getRow(2).getCell(1).value).toBe(12);
    const redo = wb.getWorksheet('待修正数据')!;
    expect(redo.actualRowCount - 1).toBe(badRows.length);
    expect(String(redo.getRow(1).getCell(1).value)).toBe('姓名');

    // The report's data sheet is a roster again: corrected there, it can be imported as it is.
    const again = await upload(office, report.rawPayload, 'report.xlsx');
    const redone = await waitDone(office, again.json().id);
    expect(redone.totalRows).toBe(badRows.length);
    expect(redone.errorRows).toBe(badRows.length);

    const audit = await t.deps.database.raw.query<{ after: { importedRows: number } }>(
      "SELECT after FROM audit_events WHERE action = 'deputy.import' AND entity_id = $1",
      [done.id],
    );
    expect(audit[0]?.after.importedRows).toBe(10_000 - badRows.length);
  });

  it('refuses a file that is not an Excel workbook, and oversized files', async () => {
    const text = await upload(office, 'name,id\n张三,1\n', 'roster.xlsx');
    expect(text.statusCode).toBe(400);
    expect(text.json().code).toBe('NOT_XLSX');
    expect(text.json().message).toContain('不是 Excel');
    const docLike = Buffer.from('504b0304', 'hex');
    expect((await upload(office, docLike)).statusCode).toBe(400);
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]);
    const xls = await upload(office, ole, 'old.xls');
    expect(xls.statusCode).toBe(400);
    expect(xls.json().message).toContain('.xls');
    const big = await upload(office, Buffer.alloc(10 * 1024 * 1024 + 10, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain('10 MB');
    const empty = await upload(office, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const json = await office.inject({ method: 'POST', url: '/api/deputy-imports', payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
  });

  it('fails an import whose sheet lacks the required columns, with a clear message', async () => {
    const file = await xlsxOf(['姓名', '性别'], [['张三', '男']]);
    const res = await upload(office, file);
    expect(res.statusCode).toBe(202);
    const done = await waitDone(office, res.json().id);
    expect(done.status).toBe('failed');
    expect(done.message).toContain('身份证号');
    const en = await office.inject({
      method: 'GET',
      url: `/api/deputy-imports/${done.id}`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().message).toContain('required columns');
  });

  it('serves a template with the header row and an example row', async () => {
    const res = await office.inject({ method: 'GET', url: '/api/deputy-imports/template' });
    expect(res.statusCode).toBe(200);
    const wb = await readXlsx(res.rawPayload);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('姓名');
    expect(header).toContain('身份证号');
    expect(header).toContain('代表层级');
    expect(ws.actualRowCount).toBe(2);
    // The example row is recognised and refused, so the sample person never lands in a registry.
    const imported = await upload(office, res.rawPayload, 'template.xlsx');
    const done = await waitDone(office, imported.json().id);
    expect(done.importedRows).toBe(0);
    expect(done.errors).toEqual([expect.objectContaining({ row: 2, column: null, message: expect.stringContaining('示例行') })]);
  });

  it('keeps imports to office staff of the region', async () => {
    const leader = await agentFor(t.app, { role: 'leader', regionCode: '2301' });
    expect((await upload(leader, await xlsxOf(HEADER, []))).statusCode).toBe(403);
    expect((await leader.inject({ method: 'GET', url: '/api/deputy-imports/template' })).statusCode).toBe(403);
    const res = await upload(
      office,
      await xlsxOf(HEADER, [['甲', null, randomIdNumber(), null, '县', 16, '230102', null, null, null, null]]),
    );
    const other = await agentFor(t.app, { role: 'office_staff', regionCode: '2302' });
    expect((await other.inject({ method: 'GET', url: `/api/deputy-imports/${res.json().id}` })).statusCode).toBe(403);
    await waitDone(office, res.json().id);
    const list = await office.inject({ method: 'GET', url: '/api/deputy-imports?pageSize=5' });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(res.json().id);
  });
});
