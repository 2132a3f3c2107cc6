import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { Executor } from '../../db/client.js';
import { chinaDate } from '../../platform/calendar/calendar.js';
import { notFound } from '../../platform/errors.js';
import { type BatchAssignment, batchAssignments } from './suggestions.assignment.repo.js';
import { ROLE_LABELS } from './suggestions.assignment.rules.js';
import type { AssignmentRole } from './suggestions.assignment.workflow.js';

/**
 * The list handed out at the assignment meeting (交办会): one line per suggestion of the batch with
 * its number, title, lead deputy, the units with their roles, and the reply due date — as a sheet to
 * file (.xlsx) and as a document to print (.docx, landscape).
 */

export interface BatchLine {
  suggestionId: string;
  number: number | null;
  title: string;
  leadDeputyName: string;
  units: { name: string; role: AssignmentRole; roleLabel: { zh: string; en: string } }[];
  /** The latest reply deadline of the units that answer the deputy (a co unit's opinion is due earlier). */
  dueAt: string;
}

const ROLE_ORDER: Record<AssignmentRole, number> = { lead: 0, separate: 1, joint: 2, co: 3 };

export function groupBatch(rows: BatchAssignment[]): BatchLine[] {
  const lines = new Map<string, BatchLine & { due: Date }>();
  for (const r of rows) {
    let line = lines.get(r.suggestionId);
    if (!line) {
      line = {
        suggestionId: r.suggestionId,
        number: r.number,
        title: r.title,
        leadDeputyName: r.leadDeputyName,
        units: [],
        dueAt: '',
        due: new Date(0),
      };
      lines.set(r.suggestionId, line);
    }
    line.units.push({ name: r.unitName, role: r.role, roleLabel: ROLE_LABELS[r.role] });
    if (r.role !== 'co' && r.dueAt.getTime() > line.due.getTime()) line.due = r.dueAt;
  }
  return [...lines.values()].map(({ due, ...line }) => ({
    ...line,
    units: line.units.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]),
    dueAt: due.toISOString(),
  }));
}

/** The lines of a batch in the account's region; 404 when it has none there. */
export async function loadBatch(db: Executor, label: string, regionCode: string): Promise<BatchLine[]> {
  const lines = groupBatch(await batchAssignments(db, label, regionCode));
  if (lines.length === 0) throw notFound('交办批次', 'Assignment batch');
  return lines;
}

const unitsText = (l: BatchLine) => l.units.map((u) => `${u.name}（${u.roleLabel.zh}）`).join('；');
const HEADERS = ['序号', '建议编号', '案由', '领衔代表', '承办单位（承办方式）', '答复期限'];

export async function batchWorkbook(label: string, lines: BatchLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianluo';
  const ws = wb.addWorksheet('交办清单', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  ws.columns = [{ width: 6 }, { width: 10 }, { width: 48 }, { width: 12 }, { width: 48 }, { width: 12 }];
  ws.mergeCells(1, 1, 1, HEADERS.length);
  const title = ws.getCell(1, 1);
  title.value = `${label} 代表建议交办清单`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const head = ws.addRow(HEADERS);
  head.font = { bold: true };
  lines.forEach((l, i) => {
    const row = ws.addRow([i + 1, l.number, l.title, l.leadDeputyName, unitsText(l), chinaDate(new Date(l.dueAt))]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  ws.addRow([]);
  ws.addRow([`共 ${lines.length} 件`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: 'SimSun', size: 21 })] })] });

export async function batchDocument(label: string, lines: BatchLine[]): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: HEADERS.map((h) => cell(h, true)) }),
      ...lines.map(
        (l, i) =>
          new TableRow({
            children: [
              cell(String(i + 1)),
              cell(l.number === null ? '' : String(l.number)),
              cell(l.title),
              cell(l.leadDeputyName),
              cell(unitsText(l)),
              cell(chinaDate(new Date(l.dueAt))),
            ],
          }),
      ),
    ],
  });
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: `${label} 代表建议交办清单`, bold: true, font: 'SimHei', size: 32 })],
          }),
          table,
          new Paragraph({ children: [new TextRun({ text: `共 ${lines.length} 件`, font: 'SimSun', size: 21 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
