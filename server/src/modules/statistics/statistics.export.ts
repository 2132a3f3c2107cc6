import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { type Figures, figuresOf, STAGE_LABELS, STAGES } from './statistics.metrics.js';
import { dimensionsFor, statisticsScope } from './statistics.policy.js';
import { type BreakdownRow, breakdownRows, periodOf, type ScopeInfo, scopeInfo } from './statistics.read.js';
import { sumCells } from './statistics.repo.js';
import type { Dimension, ExportQuery } from './statistics.schema.js';

/**
 * The statistics as a workbook: the overall figures, then one sheet per dimension with every member
 * (not one page). Names and figures only: no personal data leaves with it.
 */

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const PERCENT = '0.0%';
const DAYS = '0.0';

type FigureColumn = { header: string; width: number; value: (f: Figures) => number | null; numFmt?: string };

const FIGURE_COLUMNS: FigureColumn[] = [
  { header: '收到意见', width: 10, value: (f) => f.received },
  { header: '受理', width: 8, value: (f) => f.accepted },
  { header: '其中待受理', width: 11, value: (f) => f.pending },
  { header: '不予受理', width: 10, value: (f) => f.rejected },
  { header: '在办', width: 8, value: (f) => f.inProgress },
  { header: '办结', width: 8, value: (f) => f.closed },
  { header: '转为代表建议', width: 13, value: (f) => f.converted },
  { header: '超期', width: 8, value: (f) => f.overdue },
  { header: '督办', width: 8, value: (f) => f.supervised },
  { header: '已答复', width: 9, value: (f) => f.replied },
  { header: '解决和基本解决', width: 15, value: (f) => f.resolved },
  { header: '按期答复', width: 10, value: (f) => f.repliedOnTime },
  { header: '已反馈', width: 9, value: (f) => f.fedBack },
  { header: '已评价', width: 9, value: (f) => f.evaluated },
  { header: '满意', width: 8, value: (f) => f.satisfied },
  { header: '基本满意', width: 10, value: (f) => f.basicallySatisfied },
  { header: '不满意', width: 9, value: (f) => f.unsatisfied },
  { header: '满意率', width: 9, value: (f) => f.satisfactionRate, numFmt: PERCENT },
  { header: '按期答复率', width: 11, value: (f) => f.onTimeRate, numFmt: PERCENT },
  { header: '解决率', width: 9, value: (f) => f.resolvedRate, numFmt: PERCENT },
  ...STAGES.map(
    (s): FigureColumn => ({
      header: `${STAGE_LABELS[s].zh}平均工作日`,
      width: 14,
      value: (f) => f.stages[s].averageDays,
      numFmt: DAYS,
    }),
  ),
];

const SHEETS: { dimension: Dimension; title: string; keyHeader: string }[] = [
  { dimension: 'region', title: '按区域', keyHeader: '区划代码' },
  { dimension: 'month', title: '按月份', keyHeader: '月份' },
  { dimension: 'category', title: '按类别', keyHeader: '类别编号' },
  { dimension: 'channel', title: '按渠道', keyHeader: '渠道代码' },
  { dimension: 'station', title: '按联络站', keyHeader: '联络站编号' },
  { dimension: 'deputy', title: '按代表', keyHeader: '代表编号' },
  { dimension: 'unit', title: '按承办单位', keyHeader: '单位编号' },
];

const NONE: Partial<Record<Dimension, string>> = {
  station: '（无联络站）',
  deputy: '（未确定第一责任人）',
  category: '（未分类）',
};

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

function overviewSheet(wb: ExcelJS.Workbook, scope: ScopeInfo, period: { from: string; to: string }, f: Figures) {
  const ws = wb.addWorksheet('总体情况');
  ws.columns = [
    { header: '指标', key: 'label', width: 24 },
    { header: '数值', key: 'value', width: 14 },
  ];
  styleHeader(ws.getRow(1));
  const place = [scope.path.map((p) => p.name).join(' / ') || '全部区域', scope.unitName].filter(Boolean).join('，');
  ws.addRow({ label: '统计范围', value: place });
  ws.addRow({ label: '统计期间（收到月份）', value: `${period.from} 至 ${period.to}` });
  for (const c of FIGURE_COLUMNS) {
    const row = ws.addRow({ label: c.header, value: c.value(f) });
    if (c.numFmt) row.getCell('value').numFmt = c.numFmt;
  }
  ws.addRow({});
  ws.addRow({
    label: '口径',
    value: '均按统计期间内收到的意见计（不含并案），满意率 =（满意 + 基本满意）/ 已评价，按期答复率 = 按期答复 / 已答复',
  });
}

function dimensionSheet(wb: ExcelJS.Workbook, title: string, keyHeader: string, dimension: Dimension, rows: BreakdownRow[]) {
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = [
    { header: '名称', key: 'name', width: 24 },
    { header: keyHeader, key: 'key', width: 14, style: { numFmt: '@' } },
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
      name: r.name ?? NONE[dimension] ?? r.key ?? '',
      key: r.key ?? '',
      ...Object.fromEntries(FIGURE_COLUMNS.map((c, i) => [`f${i}`, c.value(r.figures)])),
    });
  }
}

export async function exportStatistics(
  db: Db,
  ctx: RequestContext,
  q: ExportQuery,
  now: Date,
): Promise<{ filename: string; content: Buffer }> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const scope = statisticsScope(user, q.regionCode);
  const period = periodOf(q, now);
  const wanted = SHEETS.filter((s) => dimensionsFor(scope).includes(s.dimension));
  const [sums, info, ...sheets] = await Promise.all([
    sumCells(db, scope, period),
    scopeInfo(db, scope),
    ...wanted.map((s) => breakdownRows(db, scope, period, s.dimension)),
  ]);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'opinion_statistics.export',
      entityType: 'opinion_statistics',
      regionCode: scope.regionCode || null,
      after: { period, regionCode: scope.regionCode, unitId: scope.unitId },
    }),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianluo 联络';
  overviewSheet(wb, info, period, figuresOf(sums));
  wanted.forEach((s, i) => {
    dimensionSheet(wb, s.title, s.keyHeader, s.dimension, sheets[i]?.items ?? []);
  });
  const where = info.regionName ?? (info.unitName || '全部');
  return {
    filename: `群众意见统计-${where}-${period.from}至${period.to}.xlsx`,
    content: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
