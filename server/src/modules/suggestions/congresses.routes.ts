import type { Executor } from '../../db/client.js';
import { contextOf } from '../../platform/context.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { createCongress } from './commands/createCongress.js';
import { createSession } from './commands/createSession.js';
import { createTerm } from './commands/createTerm.js';
import { updateCongress } from './commands/updateCongress.js';
import { updateSession } from './commands/updateSession.js';
import { updateTerm } from './commands/updateTerm.js';
import { congressNotFound, sessionNotFound } from './congresses.errors.js';
import {
  type CongressRow,
  findCongress,
  findSession,
  findTerm,
  listCongresses,
  listSessions,
  regionNames,
  type SessionRow,
  sessionsOfCongress,
  type TermRow,
  termsOf,
} from './congresses.repo.js';
import { sessionLabel } from './congresses.rules.js';
import {
  CongressList,
  CongressQuery,
  CongressView,
  CreateCongressBody,
  SessionBody,
  SessionList,
  SessionQuery,
  SessionView,
  TermBody,
  TermParams,
  TermView,
  UpdateCongressBody,
  UpdateSessionBody,
  UpdateTermBody,
} from './congresses.schema.js';
import { congressAccess } from './suggestions.policy.js';

const tags = ['congresses'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const presentCongress = (c: CongressRow, regionName: string) => ({
  id: c.id,
  regionCode: c.regionCode,
  regionName,
  level: c.level,
  name: c.name,
  motionMinSigners: c.motionMinSigners,
  assignWorkingDays: c.assignWorkingDays,
  returnWorkingDays: c.returnWorkingDays,
  coOpinionMonths: c.coOpinionMonths,
  replyMonths: c.replyMonths,
  extensionMaxMonths: c.extensionMaxMonths,
  evaluationWorkingDays: c.evaluationWorkingDays,
  rehandleMonths: c.rehandleMonths,
  replyClassLabels: c.replyClassLabels,
  version: c.version,
});

const presentSession = (s: SessionRow, termNumber: number, congressName: string) => ({
  id: s.id,
  congressId: s.congressId,
  congressName,
  regionCode: s.regionCode,
  termId: s.termId,
  termNumber,
  number: s.number,
  opensOn: s.opensOn,
  closesOn: s.closesOn,
  label: sessionLabel(termNumber, s.number),
});

const presentTerm = (t: TermRow, sessions: SessionRow[], congressName: string) => ({
  id: t.id,
  congressId: t.congressId,
  number: t.number,
  startsOn: t.startsOn,
  endsOn: t.endsOn,
  sessions: sessions.filter((s) => s.termId === t.id).map((s) => presentSession(s, t.number, congressName)),
});

/** A congress with its terms (newest first) and each term's sessions. */
async function congressView(db: Executor, id: string) {
  const congress = await findCongress(db, id);
  if (!congress) throw congressNotFound();
  const [terms, sessions, names] = await Promise.all([
    termsOf(db, id),
    sessionsOfCongress(db, id),
    regionNames(db, [congress.regionCode]),
  ]);
  return {
    ...presentCongress(congress, names.get(congress.regionCode) ?? ''),
    terms: terms.map((t) => presentTerm(t, sessions, congress.name)),
  };
}

async function sessionView(db: Executor, id: string) {
  const session = await findSession(db, id);
  if (!session) throw sessionNotFound();
  const [term, congress] = await Promise.all([findTerm(db, session.termId), findCongress(db, session.congressId)]);
  return presentSession(session, term?.number ?? 0, congress?.name ?? '');
}

/** Congresses, terms and sessions (届、次会议): the calendar suggestions belong to (DESIGN §2, §3.2). */
export async function congressRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/congresses',
    {
      config: { access: congressAccess.read },
      schema: {
        tags,
        summary: '人民代表大会 Congresses',
        description: '`regionCode` includes the regions below it; `q` matches the name.',
        querystring: CongressQuery,
        response: { 200: CongressList, ...errors },
      },
    },
    async (req) => {
      const { rows, total } = await listCongresses(db, req.query);
      const names = await regionNames(
        db,
        rows.map((r) => r.regionCode),
      );
      return { items: rows.map((r) => presentCongress(r, names.get(r.regionCode) ?? '')), total };
    },
  );

  app.post(
    '/congresses',
    {
      config: { access: congressAccess.write },
      schema: {
        tags,
        summary: '设立人大 Set up a congress',
        body: CreateCongressBody,
        response: { 201: CongressView, ...errors },
      },
    },
    async (req, reply) => {
      const row = await createCongress(db, contextOf(req), req.body);
      return reply.status(201).send(await congressView(db, row.id));
    },
  );

  app.get(
    '/congresses/:id',
    {
      config: { access: congressAccess.read },
      schema: { tags, summary: '人大及其届次、会议 A congress', params: IdParams, response: { 200: CongressView, ...errors } },
    },
    async (req) => congressView(db, req.params.id),
  );

  app.patch(
    '/congresses/:id',
    {
      config: { access: congressAccess.write },
      schema: {
        tags,
        summary: '修改人大名称和办理规则 Edit a congress',
        params: IdParams,
        body: UpdateCongressBody,
        response: { 200: CongressView, ...errors },
      },
    },
    async (req) => {
      await updateCongress(db, contextOf(req), req.params.id, req.body);
      return congressView(db, req.params.id);
    },
  );

  app.post(
    '/congresses/:id/terms',
    {
      config: { access: congressAccess.write },
      schema: { tags, summary: '新增届次 Add a term', params: IdParams, body: TermBody, response: { 201: TermView, ...errors } },
    },
    async (req, reply) => {
      const term = await createTerm(db, contextOf(req), req.params.id, req.body);
      const congress = await findCongress(db, term.congressId);
      return reply.status(201).send(presentTerm(term, [], congress?.name ?? ''));
    },
  );

  app.patch(
    '/congresses/:id/terms/:termId',
    {
      config: { access: congressAccess.write },
      schema: {
        tags,
        summary: '修改届次 Edit a term',
        params: TermParams,
        body: UpdateTermBody,
        response: { 200: TermView, ...errors },
      },
    },
    async (req) => {
      const term = await updateTerm(db, contextOf(req), req.params.id, req.params.termId, req.body);
      const [congress, sessions] = await Promise.all([
        findCongress(db, term.congressId),
        sessionsOfCongress(db, term.congressId),
      ]);
      return presentTerm(term, sessions, congress?.name ?? '');
    },
  );

  app.get(
    '/congress-sessions',
    {
      config: { access: congressAccess.read },
      schema: {
        tags,
        summary: '人代会会议 Sessions',
        description: '`openOn` lists the sessions open on that day; `regionCode` includes the regions below it.',
        querystring: SessionQuery,
        response: { 200: SessionList, ...errors },
      },
    },
    async (req) => {
      const { rows, total } = await listSessions(db, req.query);
      return { items: rows.map((r) => presentSession(r.session, r.termNumber, r.congressName)), total };
    },
  );

  app.post(
    '/congress-sessions',
    {
      config: { access: congressAccess.write },
      schema: { tags, summary: '新增会议 Add a session', body: SessionBody, response: { 201: SessionView, ...errors } },
    },
    async (req, reply) => {
      const row = await createSession(db, contextOf(req), req.body);
      return reply.status(201).send(await sessionView(db, row.id));
    },
  );

  app.get(
    '/congress-sessions/:id',
    {
      config: { access: congressAccess.read },
      schema: { tags, summary: '会议 A session', params: IdParams, response: { 200: SessionView, ...errors } },
    },
    async (req) => sessionView(db, req.params.id),
  );

  app.patch(
    '/congress-sessions/:id',
    {
      config: { access: congressAccess.write },
      schema: {
        tags,
        summary: '修改会议 Edit a session',
        params: IdParams,
        body: UpdateSessionBody,
        response: { 200: SessionView, ...errors },
      },
    },
    async (req) => {
      await updateSession(db, contextOf(req), req.params.id, req.body);
      return sessionView(db, req.params.id);
    },
  );
}
