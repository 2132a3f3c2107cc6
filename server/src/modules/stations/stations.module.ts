import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../../platform/auth/plugin.js';
import { contextOf } from '../../platform/context.js';
import { ErrorResponse, IdParams } from '../../platform/http.js';
import type { ModuleManifest } from '../index.js';
import { createStation } from './commands/createStation.js';
import { removeStationMember } from './commands/removeStationMember.js';
import { setStationMember } from './commands/setStationMember.js';
import { updateStation } from './commands/updateStation.js';
import { stationAccess } from './stations.policy.js';
import { presentStation } from './stations.present.js';
import { stationPrintRoutes } from './stations.print.js';
import { publicOrigin, publicPathOf, publicUrlOf } from './stations.qr.js';
import { listMembers, listStaff, listStations, regionPath } from './stations.repo.js';
import { loadStationInScope } from './stations.rules.js';
import {
  CreateStationBody,
  MemberBody,
  MemberParams,
  Ok,
  StationDetail,
  StationList,
  StationMember,
  StationQuery,
  UpdateStationBody,
} from './stations.schema.js';

const tags = ['stations'];

const userOf = (req: FastifyRequest) => {
  if (!req.user) throw unauthenticated();
  return req.user;
};

export const stationsModule: ModuleManifest = {
  name: 'stations',
  routes: async (app) => {
    const { db, config } = app.deps;

    /** The detail page's data: the station, where it is, who is grouped into it, who runs it, its public address. */
    const detailOf = async (req: FastifyRequest, id: string) => {
      const station = await loadStationInScope(db, req.user, id);
      const [path, members, staff] = await Promise.all([
        regionPath(db, station.regionCode),
        listMembers(db, id),
        listStaff(db, id),
      ]);
      return {
        ...presentStation(station),
        regionPath: path,
        members,
        staff,
        publicPath: publicPathOf(station.code),
        publicUrl: publicUrlOf(publicOrigin(req, config), station.code),
      };
    };

    app.get(
      '/stations',
      {
        config: { access: stationAccess.list },
        schema: {
          tags,
          summary: '联络站列表 Stations',
          querystring: StationQuery,
          response: { 200: StationList, 400: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (req) => {
        const { items, total } = await listStations(db, userOf(req), req.query);
        return { total, items: items.map((s) => ({ ...presentStation(s), memberCount: s.memberCount })) };
      },
    );

    app.get(
      '/stations/:id',
      {
        config: { access: stationAccess.read },
        schema: {
          tags,
          summary: '联络站详情 Station detail',
          params: IdParams,
          response: { 200: StationDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => detailOf(req, req.params.id),
    );

    app.post(
      '/stations',
      {
        config: { access: stationAccess.write },
        schema: {
          tags,
          summary: '新建联络站 Create a station',
          body: CreateStationBody,
          response: { 201: StationDetail, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (req, reply) => {
        const station = await createStation(db, contextOf(req), req.body);
        reply.status(201);
        return detailOf(req, station.id);
      },
    );

    app.patch(
      '/stations/:id',
      {
        config: { access: stationAccess.write },
        schema: {
          tags,
          summary: '修改联络站 Edit a station',
          params: IdParams,
          body: UpdateStationBody,
          response: { 200: StationDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (req) => {
        await updateStation(db, contextOf(req), req.params.id, req.body);
        return detailOf(req, req.params.id);
      },
    );

    app.put(
      '/stations/:id/members/:deputyId',
      {
        config: { access: stationAccess.members },
        schema: {
          tags,
          summary: '编组进站或调整角色 Group a deputy into a station, or change the role',
          params: MemberParams,
          body: MemberBody,
          response: {
            200: StationMember,
            201: StationMember,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (req, reply) => {
        const { member, created } = await setStationMember(db, contextOf(req), {
          stationId: req.params.id,
          deputyId: req.params.deputyId,
          role: req.body.role,
        });
        reply.status(created ? 201 : 200);
        return member;
      },
    );

    app.delete(
      '/stations/:id/members/:deputyId',
      {
        config: { access: stationAccess.members },
        schema: {
          tags,
          summary: '移出联络站 Take a deputy out of a station',
          params: MemberParams,
          response: { 200: Ok, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => {
        await removeStationMember(db, contextOf(req), { stationId: req.params.id, deputyId: req.params.deputyId });
        return { ok: true as const };
      },
    );

    await stationPrintRoutes(app);
  },
};
