import ExcelJS from 'exceljs';
import { recordAudit } from '../../../platform/audit.js';
import { chinaDate } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import { accountOf, openField, personCases } from '../opinions.person.js';
import { eventsOfCases, filesOfCases } from '../opinions.person.repo.js';
import type { PersonExportData } from '../opinions.person.schema.js';
import { presentEvent } from '../opinions.present.js';
import { caseRowsByIds } from '../opinions.rows.repo.js';
import { STATE_LABELS } from '../opinions.workflow.js';

/**
 * 个人信息导出: everything the system holds about one constituent, decrypted, for the office to hand
 * over on their request (PIPL art. 45) — their cases, what they gave, the answers and the steps
 * taken. Staff names stay out: they are not the constituent's data. Every export is recorded.
 */
export async function exportConstituentData(
  deps: Pick<OpinionDeps, 'db' | 'crypto' | 'clock'>,
  ctx: RequestContext,
  phone: string,
  format: 'xlsx' | 'json',
): Promise<PersonExportData> {
  const user = accountOf(ctx);
  const now = nowOf(deps);
  const rows = await personCases(deps.db, deps.crypto, user, phone);
  const ids = rows.map((r) => r.id);
  const [names, events, photos] = await Promise.all([
    caseRowsByIds(deps.db, ids),
    eventsOfCases(deps.db, ids),
    filesOfCases(deps.db, ids),
  ]);
  const nameOf = new Map(names.map((r) => [r.id, r]));
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'opinion.constituent_export',
      entityType: 'opinion',
      regionCode: user.regionCode || null,
      after: { count: rows.length, format, trackingCodes: rows.map((r) => r.trackingCode) },
    }),
  );
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    exportedAt: now.toISOString(),
    phone,
    cases: rows.map((r) => ({
      trackingCode: r.trackingCode,
      receivedAt: r.receivedAt.toISOString(),
      channel: r.channel,
      station: nameOf.get(r.id)?.stationName ?? null,
      region: nameOf.get(r.id)?.regionName ?? null,
      category: nameOf.get(r.id)?.categoryName ?? null,
      title: r.title,
      content: r.content,
      place: r.placeText,
      latitude: r.latitude,
      longitude: r.longitude,
      submitter: {
        name: openField(deps.crypto, r.submitterNameEnc),
        phone: openField(deps.crypto, r.submitterPhoneEnc),
        address: openField(deps.crypto, r.submitterAddressEnc),
      },
      nameHidden: r.nameHidden,
      consentShare: r.consentShare,
      consentPublish: r.consentPublish,
      consentAt: iso(r.consentAt),
      state: r.state,
      stateLabel: STATE_LABELS[r.state].zh,
      replyResult: r.replyResult,
      replyText: r.replyText,
      repliedAt: iso(r.repliedAt),
      evaluation: r.evaluation,
      evaluationComment: r.evaluationComment,
      evaluatedAt: iso(r.evaluatedAt),
      closedAt: iso(r.closedAt),
      photos: photos.filter((f) => f.opinionId === r.id && f.kind === 'photo').map((f) => f.filename),
      timeline: events
        .filter((e) => e.opinionId === r.id)
        .map((e) => ({ at: e.at.toISOString(), step: presentEvent(e).label.zh, note: e.note })),
    })),
  };
}

/** China time, to the minute, as the office reads it. */
const cst = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

const yes = (b: boolean) => (b ? '是' : '否');

/** Two sheets: one row per case with the person's details, and the steps of each case. */
export async function constituentWorkbook(data: PersonExportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianluo 联络';
  const cases = wb.addWorksheet('意见与个人信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns: [string, number, (c: PersonExportData['cases'][number]) => string | number | null][] = [
    ['跟踪码', 12, (c) => c.trackingCode],
    ['收到时间', 17, (c) => cst(c.receivedAt)],
    ['姓名', 12, (c) => c.submitter.name],
    ['联系电话', 16, (c) => c.submitter.phone],
    ['住址', 24, (c) => c.submitter.address],
    ['同意转交办理单位', 10, (c) => yes(c.consentShare)],
    ['同意公开', 10, (c) => yes(c.consentPublish)],
    ['联络站', 20, (c) => c.station],
    ['行政区划', 14, (c) => c.region],
    ['类别', 14, (c) => c.category],
    ['标题', 30, (c) => c.title],
    ['意见内容', 60, (c) => c.content],
    ['地点', 20, (c) => c.place],
    ['照片', 20, (c) => c.photos.join('、') || null],
    ['状态', 10, (c) => c.stateLabel],
    ['答复', 60, (c) => c.replyText],
    ['答复时间', 17, (c) => cst(c.repliedAt)],
    ['评价', 10, (c) => c.evaluation],
    ['评价意见', 30, (c) => c.evaluationComment],
    ['办结时间', 17, (c) => cst(c.closedAt)],
  ];
  cases.columns = columns.map(([header, width], i) => ({ header, width, key: String(i) }));
  cases.getRow(1).font = { bold: true };
  for (const c of data.cases) cases.addRow(columns.map(([, , value]) => value(c)));

  const steps = wb.addWorksheet('办理过程', { views: [{ state: 'frozen', ySplit: 1 }] });
  steps.columns = [
    { header: '跟踪码', key: 'code', width: 12 },
    { header: '时间', key: 'at', width: 17 },
    { header: '环节', key: 'step', width: 16 },
    { header: '说明', key: 'note', width: 60 },
  ];
  steps.getRow(1).font = { bold: true };
  for (const c of data.cases) {
    for (const e of c.timeline) steps.addRow({ code: c.trackingCode, at: cst(e.at), step: e.step, note: e.note });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const exportFilename = (data: PersonExportData, ext: 'xlsx' | 'json') =>
  `群众个人信息-${data.phone.slice(-4)}-${chinaDate(new Date(data.exportedAt))}.${ext}`;
