import type { AppDeps } from '../../../app.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest } from '../../../platform/errors.js';
import type { Text } from '../../../platform/i18n.js';
import { checkXlsx, sha256, XLSX_MIME, type XlsxCheck } from '../deputies.files.js';
import { insertFile } from '../deputies.repo.js';
import { failImport, insertImport } from '../deputyImports.repo.js';

export const DEPUTY_IMPORT_QUEUE = 'deputy-import';
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const NOT_XLSX: Record<Exclude<XlsxCheck, { ok: true }>['reason'], Text> = {
  not_zip: {
    zh: '该文件不是 Excel 工作簿（.xlsx），请使用导入模板填写后上传',
    en: 'This file is not an Excel workbook (.xlsx); fill in the import template and upload it',
  },
  not_xlsx: {
    zh: '该文件不是 Excel 工作簿（.xlsx）（可能是 Word 或其他压缩文件），请使用导入模板',
    en: 'This file is not an Excel workbook (.xlsx) — perhaps a Word file or another archive; use the import template',
  },
  xls_or_encrypted: {
    zh: '这是旧版 .xls 文件或设置了密码的工作簿，请在 Excel 中取消密码并另存为 .xlsx 后上传',
    en: 'This is an old .xls file or a password-protected workbook; remove the password and save it as .xlsx',
  },
  too_large_unpacked: {
    zh: '该文件解压后过大，不是正常的名册文件',
    en: 'This file unpacks to far more than a roster can hold',
  },
};

/**
 * Accepts a roster upload: checks that it really is an .xlsx workbook (from its content, not its
 * name), stores it, and queues the import. The rows are checked and imported by the worker.
 */
export async function startDeputyImport(
  deps: Pick<AppDeps, 'db' | 'jobs'>,
  ctx: RequestContext,
  upload: { filename: string; content: Buffer },
) {
  const user = ctx.user!;
  if (upload.content.length === 0) throw badRequest('EMPTY_FILE', { zh: '上传的文件是空的', en: 'The uploaded file is empty' });
  const check = checkXlsx(upload.content);
  if (!check.ok) throw badRequest('NOT_XLSX', NOT_XLSX[check.reason]);
  const filename = upload.filename.slice(0, 200) || 'roster.xlsx';

  const imp = await deps.db.transaction(async (tx) => {
    const file = await insertFile(tx, {
      regionCode: user.regionCode || null,
      filename,
      mimeType: XLSX_MIME,
      size: upload.content.length,
      sha256: sha256(upload.content),
      content: upload.content,
      createdBy: user.id,
    });
    const row = await insertImport(tx, { regionCode: user.regionCode, fileId: file.id, filename, createdBy: user.id });
    await recordAudit(tx, ctx, {
      action: 'deputy_import.create',
      entityType: 'deputy_import',
      entityId: row.id,
      regionCode: user.regionCode || null,
      after: { filename, size: upload.content.length, fileId: file.id },
    });
    return row;
  });
  try {
    await deps.jobs.send(DEPUTY_IMPORT_QUEUE, { importId: imp.id });
  } catch (err) {
    // Without its job the import would wait forever: say so on the import itself.
    await failImport(deps.db, imp.id, {
      zh: '无法排队执行导入，请重新上传',
      en: 'The import could not be queued; upload it again',
    });
    throw err;
  }
  return imp;
}
