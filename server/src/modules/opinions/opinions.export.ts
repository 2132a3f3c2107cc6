import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../platform/audit.js';
import { chinaDate } from '../../platform/calendar/calendar.js';
import type { RequestContext } from '../../platform/context.js';
import { badRequest } from '../../platform/errors.js';
import type { OpinionDeps } from './opinions.deps.js';
import { caseQuery, isOverdue, sortOf } from './opinions.list.js';
import { caseIds, countCases, orderOf } from './opinions.list.repo.js';
import type { OpinionFilter } from './opinions.list.schema.js';
import { type CaseListRow, caseRowsByIds } from './opinions.rows.repo.js';
import { STATE_LABELS } from './opinions.workflow.js';

/** One workbook is for reading and filing, not a database dump: beyond this, narrow the filters. */
export const MAX_EXPORT_ROWS = 20_000;
const CHUNK = 500;

const CHANNEL_LABELS: Record<CaseListRow['channel'], string> = {
  station_visit: '联络站来访',
  online: '网上提交',
  qr: '扫码提交',
  hotline: '热线电话',
  card: '意见卡',
  home_visit: '走访',
  mobile_station: '流动联络站',
  letter: '来信',
  hotline_12345: '12345 热线',
};
const RESULT_LABELS: Record<NonNullable<CaseListRow['replyResult']>, string> = {
  resolved: '已解决',
  basically_resolved: '基本解决',
  being_resolved: '正在解决',
  cannot_resolve_now: '暂不能解决',
};
const EVALUATION_LABELS: Record<NonNullable<CaseListRow['evaluation']>, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

/** China time, to the minute: what the office reads in the sheet. */
const cst = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);

type Column = { header: string; width: number; value: (r: CaseListRow, now: Date) => string | number | null };

/** The constituent appears masked only (DESIGN §7): the sheet leaves the system. */
const COLUMNS: Column[] = [
  { header: '跟踪码', width: 12, value: (r) => r.trackingCode },
  { header: '收到时间', width: 17, value: (r) => cst(r.receivedAt) },
  { header: '标题', width: 30, value: (r) => r.title },
  { header: '意见内容', width: 60, value: (r) => r.content },
  { header: '地点', width: 20, value: (r) => r.placeText },
  { header: '状态', width: 12, value: (r) => STATE_LABELS[r.state].zh },
  { header: '渠道', width: 12, value: (r) => CHANNEL_LABELS[r.channel] },
  { header: '类别', width: 16, value: (r) => r.categoryName },
  { header: '行政区划', width: 16, value: (r) => r.regionName },
  { header: '行政区划代码', width: 14, value: (r) => r.regionCode },
  { header: '联络站', width: 20, value: (r) => r.stationName },
  { header: '第一责任人', width: 12, value: (r) => r.responsibleDeputyName },
  { header: '主办单位', width: 20, value: (r) => r.leadUnitName },
  { header: '办理期限', width: 17, value: (r) => cst(r.dueAt) },
  { header: '是否超期', width: 10, value: (r, now) => (isOverdue(r, now) ? '是' : '否') },
  { header: '督办', width: 8, value: (r) => (r.supervised ? '是' : '否') },
  { header: '催办次数', width: 10, value: (r) => r.urgeCount },
  { header: '办理结果', width: 12, value: (r) => (r.replyResult ? RESULT_LABELS[r.replyResult] : null) },
  { header: '答复时间', width: 17, value: (r) => cst(r.repliedAt) },
  { header: '群众评价', width: 10, value: (r) => (r.evaluation ? EVALUATION_LABELS[r.evaluation] : null) },
  { header: '办结时间', width: 17, value: (r) => cst(r.closedAt) },
  { header: '群众姓名（脱敏）', width: 14, value: (r) => r.submitterNameMasked },
  { header: '联系电话（脱敏）', width: 16, value: (r) => r.submitterPhoneMasked },
];

/**
 * The filtered list (every page, not one) as .xlsx, refused when it is larger than MAX_EXPORT_ROWS.
 * The export is recorded — filter and row count — before the first byte leaves the server.
 */
export async function exportCases(
  deps: Pick<OpinionDeps, 'db' | 'clock'>,
  ctx: RequestContext,
  filter: OpinionFilter,
  opts: { limit?: number } = {},
): Promise<{ count: number; filename: string; stream: Readable }> {
  const limit = opts.limit ?? MAX_EXPORT_ROWS;
  const user = ctx.user;
  if (!user) throw new Error('exportCases needs a signed-in account');
  const { clock, where } = await caseQuery(deps, user, filter);
  const { exact } = await countCases(deps.db, where, limit);
  if (!exact) {
    throw badRequest(
      'EXPORT_TOO_LARGE',
      {
        zh: `符合条件的意见超过 ${limit} 条，无法一次导出，请按日期、区域或状态缩小范围后再导出`,
        en: `More than ${limit} opinions match: narrow the filters (dates, region, state) and export again`,
      },
      { limit },
    );
  }
  const sort = sortOf(filter);
  const ids = await caseIds(deps.db, where, orderOf(sort === 'relevance' ? '-receivedAt' : sort), limit);
  // A searched phone number stays out of the trail: it keeps only that a search was made.
  const { q, ...rest } = filter;
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'opinion.export',
      entityType: 'opinion',
      regionCode: user.regionCode || null,
      after: { filter: { ...rest, q: q ? (/\d{6,}/.test(q) ? '[number]' : q) : undefined }, count: ids.length },
    }),
  );
  const stream = new PassThrough();
  writeWorkbook(stream, ids, (chunk) => caseRowsByIds(deps.db, chunk), clock.now).catch((err: unknown) =>
    stream.destroy(err as Error),
  );
  return { count: ids.length, filename: `群众意见-${chinaDate(clock.now)}.xlsx`, stream };
}

/** Streams the rows in chunks, committed as they go, so the workbook never sits in memory whole. */
async function writeWorkbook(
  out: PassThrough,
  ids: string[],
  fetch: (ids: string[]) => Promise<CaseListRow[]>,
  now: Date,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Lianluo 联络';
  const ws = wb.addWorksheet('群众意见', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const r of await fetch(ids.slice(i, i + CHUNK))) ws.addRow(COLUMNS.map((c) => c.value(r, now))).commit();
  }
  ws.commit();
  await wb.commit();
}
