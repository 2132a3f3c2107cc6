import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { COUNT_LABELS, COUNTS, type Cohort, emptyCounts, type Figures, figuresOf } from './suggestionStatistics.metrics.js';
import { scopedCohort } from './suggestionStatistics.policy.js';
import { type BreakdownRow, breakdownRows, cohortOf } from './suggestionStatistics.read.js';
import { countBy } from './suggestionStatistics.repo.js';
import type { Dimension, StatsQuery } from './suggestionStatistics.schema.js';

/**
 * The suggestions' figures as a workbook: the overall figures, then one sheet per dimension with
 * every member. Counts and names only: no personal data leaves with it.
 */

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const PERCENT = '0.0%';

type FigureColumn = { header: string; width: number; value: (f: Figures) => number | null; numFmt?: string };

export const FIGURE_COLUMNS: FigureColumn[] = [
  ...COUNTS.map((c): FigureColumn => ({ header: COUNT_LABELS[c].zh, width: 10, value: (f) => f[c] })),
  { header: '按期答复率', width: 11, value: (f) => f.onTimeRate, numFmt: PERCENT },
  { header: 'A 类占比（解决率）', width: 16, value: (f) => f.solvedRate, numFmt: PERCENT },
  { header: 'B 类占比', width: 10, value: (f) => f.classShares.B, numFmt: PERCENT },
  { header: 'C 类占比', width: 10, value: (f) => f.classShares.C, numFmt: PERCENT },
  { header: 'D 类占比', width: 10, value: (f) => f.classShares.D, numFmt: PERCENT },
  { header: '见面沟通率', width: 11, value: (f) => f.faceToFaceRate, numFmt: PERCENT },
  { header: '满意率', width: 9, value: (f) => f.satisfactionRate, numFmt: PERCENT },
];

const SHEETS: { dimension: Dimension; title: string }[] = [
  { dimension: 'unit', title: '按承办单位' },
  { dimension: 'session', title: '按会议' },
  { dimension: 'year', title: '按年度' },
  { dimension: 'category', title: '按类别' },
  { dimension: 'delegation', title: '按代表团' },
];

export function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

function overviewSheet(wb: ExcelJS.Workbook, cohort: Cohort, f: Figures) {
  const ws = wb.addWorksheet('总体情况');
  ws.columns = [
    { header: '指标', key: 'label', width: 22 },
    { header: '数值', key: 'value', width: 14 },
  ];
  styleHeader(ws.getRow(1));
  ws.addRow({ label: '统计范围', value: describe(cohort) });
  for (const c of FIGURE_COLUMNS) {
    const row = ws.addRow({ label: c.header, value: c.value(f) });
    if (c.numFmt) row.getCell('value').numFmt = c.numFmt;
  }
  ws.addRow({});
  ws.addRow({
    label: '口径',
    value:
      '均按已提交的代表建议计（含转为建议的议案）；解决率 = A 类 / 已答复，见面沟通率 = 经代表确认见面沟通的已答复建议 / 已答复，满意率 =（满意 + 基本满意）/ 已测评（按办理结果测评）',
  });
}

function dimensionSheet(wb: ExcelJS.Workbook, title: string, rows: BreakdownRow[]) {
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = [
    { header: '名称', key: 'name', width: 28 },
    ...FIGURE_COLUMNS.map((c, i) => ({
      header: c.header,
      key: `f${i}`,
      width: c.width,
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    })),
  ];
  styleHeader(ws.getRow(1));
  for (const r of rows) {
    ws.addRow({
      name: r.name ?? r.key ?? '',
      ...Object.fromEntries(FIGURE_COLUMNS.map((c, i) => [`f${i}`, c.value(r.figures)])),
    });
  }
}

const describe = (c: Cohort) =>
  [
    c.regionCode ? `区划 ${c.regionCode}` : '全部区域',
    c.year ? `${c.year} 年` : null,
    c.phase === 'recess' ? '闭会期间' : null,
    c.delegation ? `代表团：${c.delegation}` : null,
  ]
    .filter(Boolean)
    .join('，');

export async function exportStatistics(
  db: Db,
  ctx: RequestContext,
  q: StatsQuery,
): Promise<{ filename: string; content: Buffer }> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const cohort = scopedCohort(user, cohortOf(q));
  // A unit account has its own row only: the unit sheet would repeat the overview.
  const wanted = SHEETS.filter((s) => !(cohort.unitId && s.dimension === 'unit'));
  const [[total], sheets] = await Promise.all([
    countBy(db, cohort, null),
    Promise.all(wanted.map((s) => breakdownRows(db, cohort, s.dimension))),
  ]);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'suggestion_statistics.export',
      entityType: 'suggestion_statistics',
      regionCode: cohort.regionCode || null,
      after: cohort,
    }),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianluo 联络';
  overviewSheet(wb, cohort, figuresOf(total?.counts ?? emptyCounts()));
  wanted.forEach((s, i) => {
    dimensionSheet(wb, s.title, sheets[i] ?? []);
  });
  return {
    filename: `代表建议办理统计${cohort.year ? `-${cohort.year}年` : ''}.xlsx`,
    content: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
