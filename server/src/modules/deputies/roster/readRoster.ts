import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Text } from '../../../platform/i18n.js';
import { keyOfHeader, ROSTER_COLUMNS, type RosterKey } from './columns.js';

export type Cell = string | number | boolean | Date | null;

export interface RawRow {
  /** The row number Excel shows. */
  row: number;
  cells: Partial<Record<RosterKey, Cell>>;
}

export interface RawRoster {
  sheetName: string;
  rows: RawRow[];
}

/** A whole file that cannot be imported: not a workbook, no roster sheet, too many rows. */
export class RosterFileError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

export const MAX_ROSTER_ROWS = 100_000;
/** A title line or two ("某某区人大代表名册") may sit above the header row. */
const HEADER_SEARCH_ROWS = 5;

export function cellValue(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return null;
}

const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

/**
 * Streams the workbook (a 10 MB roster does not become a gigabyte of cell objects) and keeps the
 * first sheet whose header row names the required columns. Missing required columns fail the file.
 */
export async function readRoster(content: Buffer): Promise<RawRoster> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let bestMissing: string[] | undefined;
  try {
    for await (const sheet of reader) {
      let columnKeys: (RosterKey | undefined)[] | undefined;
      const rows: RawRow[] = [];
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
        if (!columnKeys) {
          if (row.number > HEADER_SEARCH_ROWS) break;
          const keys = values.map((v) => (typeof v === 'string' ? keyOfHeader(v) : undefined));
          if (!keys.includes('name')) continue;
          const missing = ROSTER_COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.header);
          if (missing.length) {
            if (!bestMissing || missing.length < bestMissing.length) bestMissing = missing;
            break;
          }
          columnKeys = keys;
          continue;
        }
        if (values.every(isBlank)) continue;
        if (rows.length >= MAX_ROSTER_ROWS) {
          throw new RosterFileError({
            zh: `名册超过 ${MAX_ROSTER_ROWS} 行，请拆分为多个文件导入`,
            en: `The roster has more than ${MAX_ROSTER_ROWS} rows; split it into several files`,
          });
        }
        const cells: Partial<Record<RosterKey, Cell>> = {};
        columnKeys.forEach((key, i) => {
          if (key && cells[key] === undefined) cells[key] = values[i] ?? null;
        });
        rows.push({ row: row.number, cells });
      }
      if (columnKeys) return { sheetName: (sheet as unknown as { name: string }).name ?? '', rows };
    }
  } catch (err) {
    if (err instanceof RosterFileError) throw err;
    throw new RosterFileError({
      zh: '无法读取该 Excel 文件，文件可能已损坏，请用 Excel 另存为 .xlsx 后重试',
      en: 'The Excel file cannot be read; it may be damaged. Save it again as .xlsx and retry',
    });
  }
  if (bestMissing) {
    throw new RosterFileError({
      zh: `表头缺少必填列：${bestMissing.join('、')}。请使用导入模板`,
      en: `The header row lacks required columns: ${bestMissing.join(', ')}. Please use the import template`,
    });
  }
  throw new RosterFileError({
    zh: '未找到名册表头（需含“姓名”“身份证号”等列），请使用导入模板',
    en: 'No roster header row found (it needs columns such as 姓名 and 身份证号); please use the import template',
  });
}
