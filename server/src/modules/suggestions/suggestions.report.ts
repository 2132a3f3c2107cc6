import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Executor } from '../../db/client.js';
import { chinaDate } from '../../platform/calendar/calendar.js';
import { REPLY_CLASSES } from './congresses.tables.js';
import { type ReportCounts, type UnitCounts, unitCounts, yearCounts } from './suggestions.report.repo.js';
import { keyItemViews } from './suggestions.supervision.read.js';
import { keyItemsOfCongressYear } from './suggestions.supervision.repo.js';
import { STATE_LABELS } from './suggestions.workflow.js';

/**
 * The annual handling report (年度办理情况报告, issue 4 item 8) of a congress: the year's figures,
 * a table per unit and the key items, as a .docx the office edits and publishes. The figures follow
 * DESIGN §5 (see suggestions.report.repo.ts).
 */

export interface HandlingReport {
  congressName: string;
  year: number;
  counts: ReportCounts;
  units: UnitCounts[];
  keyItems: Awaited<ReturnType<typeof keyItemViews>>;
}

export async function handlingReport(
  db: Executor,
  congress: { id: string; name: string },
  year: number,
  now: Date,
): Promise<HandlingReport> {
  const [counts, units, keyRows] = await Promise.all([
    yearCounts(db, congress.id, year),
    unitCounts(db, congress.id, year),
    keyItemsOfCongressYear(db, congress.id, year),
  ]);
  return { congressName: congress.name, year, counts, units, keyItems: await keyItemViews(db, keyRows, now) };
}

/** A share as the reports write it: 88.0%; a dash when there is nothing to divide. */
export const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');

export function reportFigures(c: ReportCounts): [string, string][] {
  return [
    ['提出建议', `${c.submitted}件`],
    ['立案', `${c.accepted}件`],
    ['交办', `${c.assigned}件`],
    ['已答复', `${c.replied}件`],
    ['按期答复', `${c.repliedOnTime}件（${percent(c.repliedOnTime, c.replied)}）`],
    ...REPLY_CLASSES.map((k): [string, string] => [`${k}类答复`, `${c.classes[k]}件（${percent(c.classes[k], c.replied)}）`]),
    ['解决和基本解决比例（A类）', percent(c.classes.A, c.replied)],
    ['见面沟通率', `${percent(c.faceToFace, c.replied)}（${c.faceToFace}件）`],
    [
      '满意度',
      `${percent(c.satisfied + c.basicallySatisfied, c.rated)}（满意${c.satisfied}件，基本满意${c.basicallySatisfied}件，不满意${c.unsatisfied}件，共测评${c.rated}件）`,
    ],
  ];
}

const FONT = '仿宋_GB2312';
const run = (text: string, o: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? 28, bold: o.bold });
const para = (text: string, o: { bold?: boolean } = {}) => new Paragraph({ children: [run(text, o)], spacing: { after: 120 } });

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [run(text, { bold, size: 21 })], alignment: AlignmentType.CENTER })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

export async function handlingReportDocx(r: HandlingReport, generatedOn: Date): Promise<Buffer> {
  const c = r.counts;
  const title = `${r.congressName}${r.year}年度代表建议办理情况报告`;
  const summary =
    `${r.year}年，代表共提出建议${c.submitted}件，立案${c.accepted}件，交办${c.assigned}件，` +
    `已答复${c.replied}件，其中按期答复${c.repliedOnTime}件；所提问题已经解决或者基本解决的（A类）${c.classes.A}件，` +
    `占${percent(c.classes.A, c.replied)}；见面沟通率${percent(c.faceToFace, c.replied)}；代表满意和基本满意的占` +
    `${percent(c.satisfied + c.basicallySatisfied, c.rated)}。`;
  const unitRows = r.units.map((u) => [
    u.unitName,
    String(u.assigned),
    String(u.replied),
    percent(u.repliedOnTime, u.replied),
    ...REPLY_CLASSES.map((k) => String(u.classes[k])),
    percent(u.classes.A, u.replied),
    percent(u.faceToFace, u.replied),
    percent(u.satisfied + u.basicallySatisfied, u.rated),
  ]);
  const keyRows = r.keyItems.map((k) => [
    k.number ? String(k.number) : '—',
    k.title,
    k.topic?.name ?? '—',
    k.units.map((u) => u.unit.name).join('、') || '—',
    STATE_LABELS[k.state].zh,
    k.dueAt ? chinaDate(new Date(k.dueAt)) : '—',
    k.overdue ? '是' : '否',
    k.lastReport ? `${k.lastReport.reportedOn} ${k.lastReport.text}` : '—',
  ]);
  const doc = new Document({
    creator: 'Lianluo',
    title,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [run(title, { bold: true, size: 36 })],
          }),
          para(summary),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run('一、总体情况', { bold: true })] }),
          table(
            ['指标', '数值'],
            reportFigures(c).map(([k, v]) => [k, v]),
          ),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run('二、各承办单位办理情况', { bold: true })] }),
          unitRows.length > 0
            ? table(
                ['承办单位', '交办', '已答复', '按期答复率', 'A类', 'B类', 'C类', 'D类', '解决率', '见面沟通率', '满意率'],
                unitRows,
              )
            : para('本年度暂无交办的建议。'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run('三、重点督办建议', { bold: true })] }),
          keyRows.length > 0
            ? table(['编号', '建议', '督办专题', '承办单位', '状态', '办理期限', '是否超期', '最新进展'], keyRows)
            : para('本年度暂无重点督办建议。'),
          para(`统计口径：按建议首次提交年度统计，数据截至${chinaDate(generatedOn)}。`),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
