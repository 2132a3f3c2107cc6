import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../../platform/auth/plugin.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { contextOf } from '../../platform/context.js';
import { type AppInstance, ErrorResponse } from '../../platform/http.js';
import { createReception } from './commands/createReception.js';
import { deputyNames } from './opinions.parties.repo.js';
import { opinionAccess, stationsOfDeputyAccount } from './opinions.policy.js';
import { findReceptionView, listReceptions, type ReceptionFilter, type ReceptionView } from './receptions.repo.js';
import { CreateReceptionBody, ReceptionItem, ReceptionList, ReceptionQuery } from './receptions.schema.js';

const tags = ['receptions'];

const userOf = (req: FastifyRequest) => {
  if (!req.user) throw unauthenticated();
  return req.user;
};

function present(r: ReceptionView, names: Map<string, string>) {
  return {
    id: r.reception.id,
    station: { id: r.reception.stationId, code: r.stationCode, name: r.stationName },
    regionCode: r.reception.regionCode,
    receivedOn: r.reception.receivedOn,
    deputies: r.reception.deputyIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    staffNames: r.reception.staffNames,
    visitorCount: r.reception.visitorCount,
    summary: r.reception.summary,
    opinionCount: r.opinionCount,
    createdAt: r.reception.createdAt.toISOString(),
  };
}

export async function receptionRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps;

  /** Which receptions the account sees: its station's, its stations' (deputies), its region's (office, leaders). */
  const scopeOf = async (user: SessionUser): Promise<Pick<ReceptionFilter, 'regionPrefix' | 'stationIds'>> => {
    if (user.role === 'station_staff') return { stationIds: user.stationId ? [user.stationId] : [] };
    if (user.role === 'deputy') return { stationIds: await stationsOfDeputyAccount(db, user) };
    return { regionPrefix: user.regionCode };
  };

  app.get(
    '/receptions',
    {
      config: { access: opinionAccess.receptionsRead },
      schema: {
        tags,
        summary: '接待记录 Receptions',
        querystring: ReceptionQuery,
        response: { 200: ReceptionList, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req) => {
      const q = req.query;
      const { items, total } = await listReceptions(db, { ...(await scopeOf(userOf(req))), ...q });
      const names = await deputyNames(db, [...new Set(items.flatMap((i) => i.reception.deputyIds))]);
      return { items: items.map((i) => present(i, names)), total };
    },
  );

  app.post(
    '/receptions',
    {
      config: { access: opinionAccess.receptionsWrite },
      schema: {
        tags,
        summary: '登记接待记录 Record a reception',
        body: CreateReceptionBody,
        response: { 201: ReceptionItem, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req, reply) => {
      const row = await createReception(app.deps, contextOf(req), req.body);
      const view = await findReceptionView(db, row.id);
      if (!view) throw new Error('reception vanished after insert');
      reply.status(201);
      return present(view, await deputyNames(db, view.reception.deputyIds));
    },
  );
}
