import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { suggestionRanking, unitRanking } from './suggestionAwards.read.js';
import type { AwardTarget } from './suggestionAwards.tables.js';
import { PERCENT, styleHeader } from './suggestionStatistics.export.js';
import { findCongress } from './suggestionStatistics.repo.js';

/** A ranking of the year-end evaluation as a workbook: the ranking, then the sheet it was scored on. */

type Sheet = Awaited<ReturnType<typeof unitRanking>>['sheet'];

function criteriaSheet(wb: ExcelJS.Workbook, sheet: Sheet) {
  const ws = wb.addWorksheet('评分表');
  ws.columns = [
    { header: '评分项', key: 'name', width: 24 },
    { header: '代码', key: 'key', width: 20 },
    { header: '权重', key: 'weight', width: 10 },
    { header: '满分', key: 'maxScore', width: 10 },
  ];
  styleHeader(ws.getRow(1));
  for (const c of sheet.criteria) ws.addRow({ name: c.name, key: c.key, weight: c.weight, maxScore: c.maxScore ?? '' });
  ws.addRow({});
  ws.addRow({ name: sheet.version === 0 ? '（未保存，使用默认评分表）' : `评分表版本 ${sheet.version}` });
}

export async function exportRanking(
  db: Db,
  ctx: RequestContext,
  p: { congressId: string; year: number },
  target: AwardTarget,
): Promise<{ filename: string; content: Buffer }> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianluo 联络';
  let sheet: Sheet;
  if (target === 'unit') {
    const r = await unitRanking(db, user, p);
    sheet = r.sheet;
    const ws = wb.addWorksheet('先进承办单位');
    ws.columns = [
      { header: '名次', key: 'rank', width: 8 },
      { header: '承办单位', key: 'name', width: 30 },
      { header: '得分', key: 'score', width: 10 },
      ...r.sheet.criteria.map((c) => ({ header: `${c.name}得分`, key: c.key, width: 14 })),
      { header: '交办', key: 'assigned', width: 8 },
      { header: '已答复', key: 'replied', width: 8 },
      { header: '按期答复率', key: 'onTimeRate', width: 11, style: { numFmt: PERCENT } },
      { header: '解决率', key: 'solvedRate', width: 9, style: { numFmt: PERCENT } },
      { header: '见面沟通率', key: 'faceToFaceRate', width: 11, style: { numFmt: PERCENT } },
      { header: '满意率', key: 'satisfactionRate', width: 9, style: { numFmt: PERCENT } },
      { header: '重新办理', key: 'rehandled', width: 9 },
    ];
    styleHeader(ws.getRow(1));
    for (const i of r.items) ws.addRow({ rank: i.rank, name: i.name, score: i.score, ...i.parts, ...i.figures });
  } else {
    const r = await suggestionRanking(db, user, p);
    sheet = r.sheet;
    const ws = wb.addWorksheet('优秀建议');
    ws.columns = [
      { header: '名次', key: 'rank', width: 8 },
      { header: '编号', key: 'number', width: 8 },
      { header: '案由', key: 'title', width: 40 },
      { header: '领衔代表', key: 'leadName', width: 12 },
      { header: '得分', key: 'score', width: 10 },
      { header: '评审人数', key: 'reviewers', width: 10 },
      ...r.sheet.criteria.map((c) => ({ header: `${c.name}平均分`, key: c.key, width: 14 })),
    ];
    styleHeader(ws.getRow(1));
    for (const i of r.items) ws.addRow({ ...i, ...i.parts });
  }
  criteriaSheet(wb, sheet);
  const congress = await findCongress(db, p.congressId);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'suggestion_award_ranking.export',
      entityType: 'suggestion_award_sheet',
      regionCode: congress?.regionCode ?? null,
      after: { ...p, target },
    }),
  );
  const what = target === 'unit' ? '先进承办单位' : '优秀建议';
  return {
    filename: `${congress?.name ?? ''}${p.year}年度${what}评选.xlsx`,
    content: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
