import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { GENDER_LABEL, LEVEL_LABEL, STATUS_LABEL } from '../deputies.labels.js';
import type { DeputyRow } from '../deputies.repo.js';
import type { ImportError } from '../deputies.tables.js';
import { ROSTER_COLUMNS } from './columns.js';
import type { Cell, RawRow } from './readRoster.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/** Rows a template offers drop-downs for. */
const TEMPLATE_ROWS = 10_000;

function styleHeader(row: ExcelJS.Row, required: (col: number) => boolean = () => false) {
  row.font = { bold: true };
  row.eachCell((cell, col) => {
    cell.fill = HEADER_FILL;
    if (required(col)) cell.font = { bold: true, color: { argb: 'FFC00000' } };
  });
}

const list = (words: string[]): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${words.join(',')}"`],
});

/** The roster template: the header row, one example row, drop-downs, and a sheet explaining each column. */
export async function rosterTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianluo 联络';
  const ws = wb.addWorksheet('代表名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ROSTER_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.text ? { numFmt: '@' } : {},
  }));
  styleHeader(ws.getRow(1), (col) => ROSTER_COLUMNS[col - 1]?.required ?? false);
  ROSTER_COLUMNS.forEach((c, i) => {
    if (c.hint) ws.getRow(1).getCell(i + 1).note = c.hint;
  });
  ws.addRow(Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.example])));
  const letter = (key: string) => ws.getColumn(key).letter;
  const range = (key: string) => `${letter(key)}2:${letter(key)}${TEMPLATE_ROWS + 1}`;
  // Range validations exist in exceljs 4 but are missing from its type declarations.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  validations.add(range('gender'), list(Object.values(GENDER_LABEL)));
  validations.add(range('level'), list(Object.values(LEVEL_LABEL)));
  validations.add(range('status'), list(Object.values(STATUS_LABEL)));

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 16 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'hint', width: 60 },
  ];
  styleHeader(help.getRow(1));
  for (const c of ROSTER_COLUMNS) {
    help.addRow({
      header: c.header,
      required: c.required ? '必填' : '',
      hint: [c.hint, c.max ? `最多 ${c.max} 个字符` : ''].filter(Boolean).join('；'),
    });
  }
  help.addRow({});
  help.addRow({
    header: '提示',
    hint: '同一人担任多级代表时，每级一行，身份证号相同；已登记人员按身份证号匹配，新增其代表资格。',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The error report: every bad cell with its row and reason (zh and en), and the bad rows themselves
 * under the template's headers, so they can be corrected in this file and imported again.
 */
export async function errorReport(errors: ImportError[], badRows: RawRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianluo 联络';
  const ws = wb.addWorksheet('错误明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 14 },
    { header: '错误原因', key: 'message', width: 60 },
    { header: 'Reason', key: 'messageEn', width: 60 },
  ];
  styleHeader(ws.getRow(1));
  for (const e of errors) ws.addRow({ row: e.row, column: e.column ?? '', message: e.message, messageEn: e.messageEn });

  const reasons = new Map<number, string[]>();
  for (const e of errors) reasons.set(e.row, [...(reasons.get(e.row) ?? []), e.column ? `${e.column}：${e.message}` : e.message]);
  const data = wb.addWorksheet('待修正数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = [
    ...ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.text ? { numFmt: '@' } : {} })),
    { header: '原行号', key: '_row', width: 8 },
    { header: '错误说明', key: '_reason', width: 60 },
  ];
  styleHeader(data.getRow(1), (col) => ROSTER_COLUMNS[col - 1]?.required ?? false);
  for (const r of badRows) {
    const values: Record<string, Cell> = { _row: r.row, _reason: (reasons.get(r.row) ?? []).join('；') };
    // Cells go back as they came (a number stays a number), so what was wrong is still visible.
    for (const c of ROSTER_COLUMNS) values[c.key] = r.cells[c.key] ?? null;
    data.addRow(values);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const EXPORT_COLUMNS: { header: string; width: number; value: (r: DeputyRow) => string | number | null }[] = [
  { header: '姓名', width: 12, value: (r) => r.name },
  { header: '性别', width: 6, value: (r) => (r.gender ? GENDER_LABEL[r.gender] : null) },
  { header: '民族', width: 8, value: (r) => r.ethnicity },
  { header: '出生日期', width: 12, value: (r) => r.birthDate },
  { header: '党派', width: 12, value: (r) => r.party },
  { header: '学历', width: 12, value: (r) => r.education },
  { header: '职业类别', width: 14, value: (r) => r.occupationCategory },
  { header: '工作单位及职务', width: 30, value: (r) => r.occupation },
  { header: '手机号码', width: 14, value: (r) => r.phoneMasked },
  { header: '身份证号', width: 22, value: (r) => r.idNumberMasked },
  { header: '代表层级', width: 10, value: (r) => LEVEL_LABEL[r.level] },
  { header: '届次', width: 6, value: (r) => r.term },
  { header: '所在地区', width: 16, value: (r) => r.regionName },
  { header: '行政区划代码', width: 14, value: (r) => r.regionCode },
  { header: '所属人大', width: 16, value: (r) => r.congressRegionName },
  { header: '代表团', width: 14, value: (r) => r.delegation },
  { header: '选举单位', width: 14, value: (r) => r.constituency },
  { header: '代表小组', width: 14, value: (r) => r.deputyGroup },
  { header: '代表状态', width: 10, value: (r) => STATUS_LABEL[r.status] },
  { header: '当选日期', width: 12, value: (r) => r.startedOn },
  { header: '离任日期', width: 12, value: (r) => r.endedOn },
];

/**
 * Streams an export into `out`: rows are fetched in chunks and committed as they go, so a
 * province-sized list never sits in memory as one workbook.
 */
export async function writeExport(out: Writable, ids: string[], fetch: (ids: string[]) => Promise<DeputyRow[]>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Lianluo 联络';
  const ws = wb.addWorksheet('代表名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const r of await fetch(ids.slice(i, i + 1000))) ws.addRow(EXPORT_COLUMNS.map((c) => c.value(r))).commit();
  }
  ws.commit();
  await wb.commit();
}
