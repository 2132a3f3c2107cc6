import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { type AppError, badRequest, conflict, notFound } from '../../platform/errors.js';
import { assertRegionInScope } from './stations.policy.js';
import { findRegion, findStation, type StationRow, type StationWithRegion, stationCodeTaken } from './stations.repo.js';

/**
 * The GB/T 2260 six-digit code of a region's county (or of the city or province it is at):
 * 230102001 → 230102, 2301 → 230100, 23 → 230000.
 */
export const countyCodeOf = (regionCode: string): string => regionCode.slice(0, 6).padEnd(6, '0');

/** The region must exist and lie in the account's subtree. */
export async function checkRegion(db: Executor, user: SessionUser | null, regionCode: string): Promise<void> {
  const region = await findRegion(db, regionCode);
  if (!region) {
    throw badRequest('UNKNOWN_REGION', {
      zh: `行政区划 ${regionCode} 不存在`,
      en: `Region ${regionCode} does not exist`,
    });
  }
  assertRegionInScope(user, regionCode);
}

/** A station code starts with the county code of its region, so the code alone tells where the station is. */
export function checkCodeMatchesRegion(code: string, regionCode: string): void {
  const county = countyCodeOf(regionCode);
  if (!code.startsWith(`${county}-`)) {
    throw badRequest('STATION_CODE_REGION_MISMATCH', {
      zh: `联络站编码 ${code} 应以所在区县代码 ${county} 开头，如 ${county}-001`,
      en: `Station code ${code} must start with the county code of its region, ${county} (e.g. ${county}-001)`,
    });
  }
}

export const duplicateCode = (code: string): AppError =>
  conflict('STATION_CODE_TAKEN', {
    zh: `联络站编码 ${code} 已被其他联络站使用`,
    en: `Station code ${code} is already used by another station`,
  });

export async function checkCodeFree(db: Executor, code: string, exceptId?: string): Promise<void> {
  if (await stationCodeTaken(db, code, exceptId)) throw duplicateCode(code);
}

export function checkCoordinates(s: Pick<StationRow, 'latitude' | 'longitude'>): void {
  if ((s.latitude === null) !== (s.longitude === null)) {
    throw badRequest('COORDINATES_INCOMPLETE', {
      zh: '经度和纬度须同时填写或同时留空',
      en: 'Give both latitude and longitude, or neither',
    });
  }
}

/** What the audit trail records of a station: its editable fields. */
export function auditView(s: StationRow) {
  const { namePinyin: _p, nameInitials: _i, createdAt: _c, updatedAt: _u, ...fields } = s;
  return fields;
}

/** A station the account may see: 404 when there is none, 403 when it lies outside the account's subtree. */
export async function loadStationInScope(db: Executor, user: SessionUser | null, id: string): Promise<StationWithRegion> {
  const station = await findStation(db, id);
  if (!station) throw notFound('联络站', 'Station');
  assertRegionInScope(user, station.regionCode);
  return station;
}
