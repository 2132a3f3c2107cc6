import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { createDeputy } from './commands/createDeputy.js';
import { exportDeputies } from './commands/exportDeputies.js';
import { MAX_PHOTO_BYTES, setDeputyPhoto } from './commands/setDeputyPhoto.js';
import { updateDeputy } from './commands/updateDeputy.js';
import { XLSX_MIME } from './deputies.files.js';
import { deputyAccess, mayReveal } from './deputies.policy.js';
import { presentDeputyRow } from './deputies.present.js';
import { deputyDetail, visibleDeputy } from './deputies.read.js';
import { findFile, findPerson, listDeputies } from './deputies.repo.js';
import {
  CreateDeputyBody,
  CreatedDeputy,
  DeputyDetail,
  DeputyDetailQuery,
  DeputyFilterQuery,
  DeputyList,
  DeputyListQuery,
  UpdateDeputyBody,
} from './deputies.schema.js';
import { readUpload } from './deputies.upload.js';

const tags = ['deputies'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const Binary = z.unknown().describe('file content');

/** RFC 5987 filename so Chinese names survive every browser. */
export const attachment = (filename: string) =>
  `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;

export async function deputyRoutes(app: AppInstance): Promise<void> {
  const deps = app.deps;
  const { db, crypto } = deps;

  app.get(
    '/deputies',
    {
      config: { access: deputyAccess.list },
      schema: {
        tags,
        summary: '代表列表 Deputies (one row per mandate)',
        querystring: DeputyListQuery,
        response: { 200: DeputyList, ...errors },
      },
    },
    async (req) => {
      const user = req.user!;
      const { items, total } = await listDeputies(db, user, req.query, { crypto, personalSearch: mayReveal(user) });
      return { items: items.map(presentDeputyRow), total };
    },
  );

  app.get(
    '/deputies/export.xlsx',
    {
      config: { access: deputyAccess.export },
      schema: {
        tags,
        summary: '导出代表名册 Export the filtered list (.xlsx)',
        querystring: DeputyFilterQuery,
        response: { 200: Binary, ...errors },
      },
    },
    async (req, reply) => {
      const { stream } = await exportDeputies(deps, contextOf(req), req.query);
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`代表名册-${date}.xlsx`))
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );

  app.get(
    '/deputies/:id',
    {
      config: { access: deputyAccess.read },
      schema: {
        tags,
        summary: '代表详情 Deputy detail (reveal=1: full phone and ID number, audited)',
        params: IdParams,
        querystring: DeputyDetailQuery,
        response: { 200: DeputyDetail, ...errors },
      },
    },
    async (req, reply) => {
      const reveal = req.query.reveal === '1' || req.query.reveal === 'true';
      if (reveal) reply.header('cache-control', 'no-store');
      return deputyDetail(deps, contextOf(req), req.params.id, { reveal });
    },
  );

  app.post(
    '/deputies',
    {
      config: { access: deputyAccess.create },
      schema: {
        tags,
        summary: '登记代表 Register a mandate (a new person, or a new mandate for a person matched by ID number)',
        body: CreateDeputyBody,
        response: { 201: CreatedDeputy, 409: ErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const { mandate, matchedExistingPerson } = await createDeputy(deps, ctx, req.body);
      const detail = await deputyDetail(deps, ctx, mandate.id, { reveal: false });
      return reply.status(201).send({ ...detail, matchedExistingPerson });
    },
  );

  app.patch(
    '/deputies/:id',
    {
      config: { access: deputyAccess.update },
      schema: {
        tags,
        summary: '修改代表信息 Edit a mandate and its person',
        params: IdParams,
        body: UpdateDeputyBody,
        response: { 200: DeputyDetail, 409: ErrorResponse, ...errors },
      },
    },
    async (req) => {
      const ctx = contextOf(req);
      await updateDeputy(deps, ctx, req.params.id, req.body);
      return deputyDetail(deps, ctx, req.params.id, { reveal: false });
    },
  );

  app.post(
    '/deputies/:id/photo',
    {
      config: { access: deputyAccess.uploadPhoto },
      schema: {
        tags,
        summary: '上传代表照片 Upload a photo (JPEG, PNG or WebP, at most 2 MB)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: z.object({ photoUrl: z.string(), mimeType: z.string() }), 413: ErrorResponse, ...errors },
      },
    },
    async (req) => {
      const upload = await readUpload(req, MAX_PHOTO_BYTES);
      const { mimeType } = await setDeputyPhoto(deps, contextOf(req), req.params.id, upload);
      return { photoUrl: `/api/deputies/${req.params.id}/photo`, mimeType };
    },
  );

  app.get(
    '/deputies/:id/photo',
    {
      config: { access: deputyAccess.photo },
      schema: { tags, summary: '代表照片 The photo', params: IdParams, response: { 200: Binary, ...errors } },
    },
    async (req, reply) => {
      const row = await visibleDeputy(deps, req.user!, req.params.id);
      const person = await findPerson(db, row.personId);
      const file = person?.photoFileId ? await findFile(db, person.photoFileId) : undefined;
      if (!file) throw notFound('照片', 'Photo');
      return reply
        .type(file.mimeType)
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline')
        .send(file.content);
    },
  );
}
