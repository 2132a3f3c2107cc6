import { z } from 'zod';
import type { SessionUser } from '../../platform/auth/session.js';
import { contextOf } from '../../platform/context.js';
import { conflict, notFound } from '../../platform/errors.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { localeOf } from '../../platform/i18n.js';
import { MAX_IMPORT_BYTES, startDeputyImport } from './commands/startDeputyImport.js';
import { XLSX_MIME } from './deputies.files.js';
import { assertImportInScope, deputyAccess } from './deputies.policy.js';
import { findFile } from './deputies.repo.js';
import { attachment } from './deputies.routes.js';
import { readUpload } from './deputies.upload.js';
import { findImport, listImports } from './deputyImports.repo.js';
import {
  DeputyImportList,
  DeputyImportListQuery,
  DeputyImportOut,
  presentImport,
  presentImportSummary,
} from './deputyImports.schema.js';
import { readRoster } from './roster/readRoster.js';
import { errorReport, rosterTemplate } from './roster/workbooks.js';

const tags = ['deputies'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const Binary = z.unknown().describe('file content');

export async function deputyImportRoutes(app: AppInstance): Promise<void> {
  const deps = app.deps;
  const { db } = deps;

  const visibleImport = async (user: SessionUser, id: string) => {
    const imp = await findImport(db, id);
    if (!imp) throw notFound('导入记录', 'Import');
    assertImportInScope(user, imp);
    return imp;
  };

  app.post(
    '/deputy-imports',
    {
      config: { access: deputyAccess.import },
      schema: {
        tags,
        summary: '导入代表名册 Import a roster (.xlsx, at most 10 MB); checked and imported in the background',
        consumes: ['multipart/form-data'],
        response: { 202: DeputyImportOut, 413: ErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req, MAX_IMPORT_BYTES);
      const imp = await startDeputyImport(deps, contextOf(req), upload);
      return reply.status(202).send(presentImport(imp, localeOf(req)));
    },
  );

  app.get(
    '/deputy-imports',
    {
      config: { access: deputyAccess.import },
      schema: {
        tags,
        summary: '导入记录 Recent roster imports',
        querystring: DeputyImportListQuery,
        response: { 200: DeputyImportList, ...errors },
      },
    },
    async (req) => {
      const { items, total } = await listImports(db, req.user!.regionCode, req.query);
      const locale = localeOf(req);
      return { items: items.map((i) => presentImportSummary(i, locale)), total };
    },
  );

  app.get(
    '/deputy-imports/template',
    {
      config: { access: deputyAccess.import },
      schema: { tags, summary: '导入模板 The roster template (.xlsx)', response: { 200: Binary, ...errors } },
    },
    async (_req, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('代表名册导入模板.xlsx'))
        .send(await rosterTemplate()),
  );

  app.get(
    '/deputy-imports/:id',
    {
      config: { access: deputyAccess.import },
      schema: {
        tags,
        summary: '导入进度与错误 Import status, progress and errors',
        params: IdParams,
        response: { 200: DeputyImportOut, ...errors },
      },
    },
    async (req) => presentImport(await visibleImport(req.user!, req.params.id), localeOf(req)),
  );

  app.get(
    '/deputy-imports/:id/errors.xlsx',
    {
      config: { access: deputyAccess.import },
      schema: {
        tags,
        summary: '导入错误报告 The error report (.xlsx)',
        params: IdParams,
        response: { 200: Binary, 409: ErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      const imp = await visibleImport(req.user!, req.params.id);
      if (imp.status !== 'done') {
        throw conflict('IMPORT_NOT_DONE', {
          zh: '导入尚未完成，暂无错误报告',
          en: 'The import has not finished; there is no error report yet',
        });
      }
      const file = imp.fileId ? await findFile(db, imp.fileId) : undefined;
      const badRowNumbers = new Set(imp.errors.map((e) => e.row));
      const rows =
        file && badRowNumbers.size ? (await readRoster(file.content)).rows.filter((r) => badRowNumbers.has(r.row)) : [];
      const base = imp.filename.replace(/\.xlsx$/i, '');
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`${base}-错误报告.xlsx`))
        .header('cache-control', 'no-store')
        .send(await errorReport(imp.errors, rows));
    },
  );
}
