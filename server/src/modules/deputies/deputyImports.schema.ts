import { z } from 'zod';
import { listOf, PageQuery } from '../../platform/http.js';
import type { Locale } from '../../platform/i18n.js';
import { IMPORT_STATUSES } from './deputies.tables.js';
import type { DeputyImportRow } from './deputyImports.repo.js';

/** The error list in a status answer is capped; the .xlsx error report holds every entry. */
export const MAX_ERRORS_SHOWN = 1000;

export const ImportErrorOut = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});

const importFields = {
  id: z.string(),
  filename: z.string(),
  status: z.enum(IMPORT_STATUSES),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  errorRows: z.number().int(),
  /** 0–100: rows checked so far out of the rows in the file. */
  progress: z.number().int(),
  /** Why the whole file failed, in the client's language. */
  message: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
};

export const DeputyImportSummary = z.object(importFields);

export const DeputyImportOut = z.object({
  ...importFields,
  errorCount: z.number().int(),
  errors: z.array(ImportErrorOut),
  errorsTruncated: z.boolean(),
  errorReportUrl: z.string().nullable(),
});

export const DeputyImportList = listOf(DeputyImportSummary);
export const DeputyImportListQuery = PageQuery.pick({ page: true, pageSize: true });

function summary(imp: DeputyImportRow, locale: Locale): z.infer<typeof DeputyImportSummary> {
  const progress =
    imp.status === 'done' ? 100 : imp.totalRows > 0 ? Math.min(99, Math.floor((imp.processedRows / imp.totalRows) * 100)) : 0;
  return {
    id: imp.id,
    filename: imp.filename,
    status: imp.status,
    totalRows: imp.totalRows,
    processedRows: imp.processedRows,
    importedRows: imp.importedRows,
    errorRows: imp.errorRows,
    progress,
    message: (locale === 'en' ? imp.messageEn : imp.message) ?? imp.message,
    createdAt: imp.createdAt.toISOString(),
    startedAt: imp.startedAt?.toISOString() ?? null,
    finishedAt: imp.finishedAt?.toISOString() ?? null,
  };
}

export const presentImportSummary = summary;

export function presentImport(imp: DeputyImportRow, locale: Locale): z.infer<typeof DeputyImportOut> {
  return {
    ...summary(imp, locale),
    errorCount: imp.errors.length,
    errors: imp.errors
      .slice(0, MAX_ERRORS_SHOWN)
      .map((e) => ({ row: e.row, column: e.column ?? null, message: e.message, messageEn: e.messageEn })),
    errorsTruncated: imp.errors.length > MAX_ERRORS_SHOWN,
    errorReportUrl: imp.status === 'done' && imp.errors.length > 0 ? `/api/deputy-imports/${imp.id}/errors.xlsx` : null,
  };
}
