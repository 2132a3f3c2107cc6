import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Executor } from '../../db/client.js';
import { chinaDate } from '../../platform/calendar/calendar.js';
import { badRequest } from '../../platform/errors.js';
import { findCongress } from './congresses.repo.js';
import { DEFAULT_REPLY_CLASS_LABELS, type ReplyClass, type ReplyClassLabels } from './congresses.tables.js';
import type { CommitmentRow, ReplyRow } from './suggestions.handling.repo.js';
import { deputyNames, organizationNames } from './suggestions.parties.repo.js';
import type { SuggestionRow } from './suggestions.repo.js';

/**
 * The reply letter (答复函) as .docx, laid out as Chinese offices send it: the reply class in the
 * top-right corner of the first page (as NPC practice marks it), the reference number (文号), the
 * title 关于〈姓名〉代表第〈编号〉号建议的答复, the salutation, the body, the commitments of a class B or C reply,
 * the signing unit, signer and date, and the contact person. Body text is set in 仿宋_GB2312 and
 * headings in 宋体 (SimSun): Word and WPS substitute 宋体-like faces for 仿宋_GB2312 where it is missing;
 * docx 9 writes no font table entries we could give an altName without rewriting the package.
 */

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
/** 三号 (16 pt) for the body, 二号 (22 pt) for the title: sizes in half-points. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;

/** The fields a letter cannot go out without, with their names as the unit's staff know them. */
export const LETTER_FIELDS = {
  replyClass: { zh: '答复类别', en: 'reply class' },
  text: { zh: '答复正文', en: 'reply text' },
  referenceNumber: { zh: '文号', en: 'reference number' },
  signerName: { zh: '签发人', en: 'signer' },
  contactName: { zh: '联系人', en: 'contact person' },
  contactPhone: { zh: '联系电话', en: 'contact phone' },
} as const;
export type LetterField = keyof typeof LETTER_FIELDS;

type LetterSource = Pick<ReplyRow, LetterField>;

export function missingLetterFields(r: LetterSource): LetterField[] {
  return (Object.keys(LETTER_FIELDS) as LetterField[]).filter((f) => {
    const v = r[f];
    return v === null || v === undefined || String(v).trim() === '';
  });
}

/** 400 naming every missing field, so nothing half-written is sent or printed. */
export function assertLetterComplete(r: LetterSource): void {
  const missing = missingLetterFields(r);
  if (missing.length === 0) return;
  throw badRequest(
    'LETTER_INCOMPLETE',
    {
      zh: `答复函缺少：${missing.map((f) => LETTER_FIELDS[f].zh).join('、')}`,
      en: `The reply letter lacks: ${missing.map((f) => LETTER_FIELDS[f].en).join(', ')}`,
    },
    { missing },
  );
}

export interface LetterData {
  replyClass: ReplyClass;
  classLabel: string;
  referenceNumber: string;
  deputyName: string;
  /** 第N号; a suggestion not yet numbered is named by its title alone. */
  number: number | null;
  kindNoun: string;
  suggestionTitle: string;
  unitName: string;
  signerName: string;
  date: string;
  text: string;
  contactName: string;
  contactPhone: string;
  commitments: { content: string; dueOn: string }[];
}

export const letterTitle = (d: Pick<LetterData, 'deputyName' | 'number' | 'kindNoun'>) =>
  d.number ? `关于${d.deputyName}代表第${d.number}号${d.kindNoun}的答复` : `关于${d.deputyName}代表所提${d.kindNoun}的答复`;

const run = (text: string, o: { bold?: boolean; size?: number; heading?: boolean } = {}) =>
  new TextRun({ text, bold: o.bold, size: o.size ?? BODY_SIZE, font: o.heading ? HEADING_FONT : BODY_FONT });

const para = (text: string, o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    // 首行缩进两字 (two characters of 16 pt = 640 twips), 28-point line spacing as official documents use.
    indent: o.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [run(text)],
  });

const dayInChinese = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
};

export async function renderLetter(d: LetterData): Promise<Buffer> {
  const body = d.text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => para(l));
  const promised =
    d.commitments.length > 0
      ? [
          para('办理承诺：', { indent: true }),
          ...d.commitments.map((c, i) => para(`${i + 1}. ${c.content}（${dayInChinese(c.dueOn)}前完成）`)),
        ]
      : [];
  const doc = new Document({
    creator: d.unitName,
    title: letterTitle(d),
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [run(`${d.replyClass}`, { bold: true, heading: true }), run(`（${d.classLabel}）`, { size: 24 })],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(d.referenceNumber)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 400, after: 400 },
            children: [run(letterTitle(d), { bold: true, size: TITLE_SIZE, heading: true })],
          }),
          new Paragraph({ children: [run(`尊敬的${d.deputyName}代表：`)] }),
          para(`您提出的《${d.suggestionTitle}》收悉。现答复如下：`),
          ...body,
          ...promised,
          para('感谢您对我们工作的关心和支持。'),
          new Paragraph({ spacing: { before: 600 }, alignment: AlignmentType.RIGHT, children: [run(d.unitName)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`签发人：${d.signerName}`)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(dayInChinese(d.date))] }),
          new Paragraph({
            spacing: { before: 600 },
            children: [run(`联系人：${d.contactName}    联系电话：${d.contactPhone}`)],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Reads what the letter names (deputy, unit, congress labels) and checks the reply is complete. */
export async function letterData(
  db: Executor,
  row: SuggestionRow,
  reply: ReplyRow,
  commitments: Pick<CommitmentRow, 'content' | 'dueOn'>[],
  at: Date,
): Promise<LetterData> {
  assertLetterComplete(reply);
  // One after another: inside a transaction the queries share one connection.
  const congress = await findCongress(db, row.congressId);
  const deputies = await deputyNames(db, [row.leadDeputyId]);
  const units = await organizationNames(db, [reply.unitId]);
  const labels: ReplyClassLabels = { ...DEFAULT_REPLY_CLASS_LABELS, ...(congress?.replyClassLabels ?? {}) };
  const replyClass = reply.replyClass as ReplyClass;
  return {
    replyClass,
    classLabel: labels[replyClass],
    referenceNumber: reply.referenceNumber ?? '',
    deputyName: deputies.get(row.leadDeputyId) ?? '',
    number: row.number,
    kindNoun: row.kind === 'motion' ? '议案' : '建议',
    suggestionTitle: row.title,
    unitName: units.get(reply.unitId) ?? '',
    signerName: reply.signerName ?? '',
    date: chinaDate(reply.sentAt ?? at),
    text: reply.text,
    contactName: reply.contactName ?? '',
    contactPhone: reply.contactPhone ?? '',
    commitments: replyClass === 'B' || replyClass === 'C' ? commitments : [],
  };
}

export const letterFilename = (d: Pick<LetterData, 'deputyName' | 'number' | 'kindNoun' | 'unitName'>) =>
  `${letterTitle(d)}（${d.unitName}）.docx`;

/** RFC 5987 name so the Chinese title survives every browser; an ASCII name for the others. */
export const letterDisposition = (filename: string) =>
  `attachment; filename="reply-letter.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
