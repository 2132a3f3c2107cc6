import { AppError } from '../../platform/errors.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { stationAccess } from './stations.policy.js';
import { presentPublicDeputy } from './stations.present.js';
import { publicOrigin, publicUrlOf, qrPng, qrSvg } from './stations.qr.js';
import { findStationByCode, listMembers } from './stations.repo.js';
import { loadStationInScope } from './stations.rules.js';
import { CodeParams, ImageResponse, PublicStation, QrQuery, StationCard } from './stations.schema.js';

const tags = ['stations'];

/** 扫码联、卡片联: the QR code images, the printable contact card, and the public station page. */
export async function stationPrintRoutes(app: AppInstance): Promise<void> {
  const { db, config } = app.deps;

  app.get(
    '/stations/:id/qr.png',
    {
      config: { access: stationAccess.read },
      schema: {
        tags,
        summary: '联络站二维码（PNG） Station QR code as PNG',
        params: IdParams,
        querystring: QrQuery,
        produces: ['image/png'],
        response: { 200: ImageResponse, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const station = await loadStationInScope(db, req.user, req.params.id);
      const png = await qrPng(publicUrlOf(publicOrigin(req, config), station.code), req.query.size);
      return reply
        .type('image/png')
        .header('content-disposition', `inline; filename="station-${station.code}.png"`)
        .header('cache-control', 'private, max-age=300')
        .send(png);
    },
  );

  app.get(
    '/stations/:id/qr.svg',
    {
      config: { access: stationAccess.read },
      schema: {
        tags,
        summary: '联络站二维码（SVG） Station QR code as SVG',
        params: IdParams,
        produces: ['image/svg+xml'],
        response: { 200: ImageResponse, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const station = await loadStationInScope(db, req.user, req.params.id);
      const svg = await qrSvg(publicUrlOf(publicOrigin(req, config), station.code));
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-disposition', `inline; filename="station-${station.code}.svg"`)
        .header('cache-control', 'private, max-age=300')
        .send(svg);
    },
  );

  app.get(
    '/stations/:id/card',
    {
      config: { access: stationAccess.read },
      schema: {
        tags,
        summary: '联络站联系卡 Data of the printable contact card',
        params: IdParams,
        response: { 200: StationCard, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => {
      const station = await loadStationInScope(db, req.user, req.params.id);
      const publicUrl = publicUrlOf(publicOrigin(req, config), station.code);
      const [qr, members] = await Promise.all([qrSvg(publicUrl), listMembers(db, station.id, { servingOnly: true })]);
      return {
        id: station.id,
        code: station.code,
        name: station.name,
        type: station.type,
        tier: station.tier,
        regionName: station.regionName,
        address: station.address,
        hotline: station.hotline,
        openingHours: station.openingHours,
        receptionSchedule: station.receptionSchedule,
        publicUrl,
        qrSvg: qr,
        deputies: members.map(presentPublicDeputy),
      };
    },
  );

  app.get(
    '/public/stations/:code',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: "联络站公开页 A station's public page",
        params: CodeParams,
        response: { 200: PublicStation, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req) => {
      const station = await findStationByCode(db, req.params.code);
      // An inactive station's printed QR codes may still hang on walls: tell the visitor, show nothing.
      if (station?.status !== 'active') {
        throw new AppError(404, 'STATION_NOT_FOUND', {
          zh: `未找到编码为 ${req.params.code} 的联络站，或该联络站已停用`,
          en: `No station with code ${req.params.code}, or the station is no longer active`,
        });
      }
      const members = await listMembers(db, station.id, { servingOnly: true });
      return {
        code: station.code,
        name: station.name,
        type: station.type,
        tier: station.tier,
        regionName: station.regionName,
        address: station.address,
        latitude: station.latitude,
        longitude: station.longitude,
        openingHours: station.openingHours,
        receptionSchedule: station.receptionSchedule,
        hotline: station.hotline,
        starLevel: station.starLevel,
        description: station.description,
        deputies: members.map(presentPublicDeputy),
      };
    },
  );
}
