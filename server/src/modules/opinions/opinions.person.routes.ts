import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { type AppInstance, ErrorResponse } from '../../platform/http.js';
import { XLSX_MIME } from '../deputies/deputies.files.js';
import { eraseConstituentData } from './commands/eraseConstituentData.js';
import { constituentWorkbook, exportConstituentData, exportFilename } from './commands/exportConstituentData.js';
import { lookupPerson } from './opinions.person.js';
import { PersonCases, PersonEraseBody, PersonEraseResult, PersonExport, PersonLookupBody } from './opinions.person.schema.js';
import { opinionAccess } from './opinions.policy.js';

const tags = ['opinions'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const Binary = z.unknown().describe('file content');

/** A refused erasure says which cases are still open, so the console can list them. */
const OpenCasesError = ErrorResponse.extend({ openCases: z.array(z.string()).optional() });

const download = (filename: string) => `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/**
 * 群众个人信息: one constituent's data, found by phone, handed over or erased by the office of the
 * region (opinions.person.ts). POST throughout, so the phone never sits in a URL.
 */
export async function opinionPersonRoutes(app: AppInstance): Promise<void> {
  const deps = app.deps;

  app.post(
    '/opinions/constituents/lookup',
    {
      config: { access: opinionAccess.person },
      schema: {
        tags,
        summary: '按电话查找群众的意见 Find a constituent’s opinions by phone',
        body: PersonLookupBody,
        response: { 200: PersonCases, ...errors },
      },
    },
    async (req) => lookupPerson(deps, contextOf(req), req.body.phone),
  );

  app.post(
    '/opinions/constituents/export.json',
    {
      config: { access: opinionAccess.person },
      schema: {
        tags,
        summary: '导出群众个人信息 Export a constituent’s data (JSON, decrypted)',
        body: PersonLookupBody,
        response: { 200: PersonExport, ...errors },
      },
    },
    async (req, reply) => {
      const data = await exportConstituentData(deps, contextOf(req), req.body.phone, 'json');
      reply.header('content-disposition', download(exportFilename(data, 'json'))).header('cache-control', 'no-store');
      return data;
    },
  );

  app.post(
    '/opinions/constituents/export.xlsx',
    {
      config: { access: opinionAccess.person },
      schema: {
        tags,
        summary: '导出群众个人信息 Export a constituent’s data (.xlsx, decrypted)',
        body: PersonLookupBody,
        response: { 200: Binary, ...errors },
      },
    },
    async (req, reply) => {
      const data = await exportConstituentData(deps, contextOf(req), req.body.phone, 'xlsx');
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', download(exportFilename(data, 'xlsx')))
        .header('cache-control', 'no-store')
        .send(await constituentWorkbook(data));
    },
  );

  app.post(
    '/opinions/constituents/erase',
    {
      config: { access: opinionAccess.person },
      schema: {
        tags,
        summary: '删除群众个人信息 Erase a constituent’s personal data (anonymise their opinions)',
        body: PersonEraseBody,
        response: { 200: PersonEraseResult, ...errors, 409: OpenCasesError },
      },
    },
    async (req) => eraseConstituentData(deps, contextOf(req), req.body),
  );
}
