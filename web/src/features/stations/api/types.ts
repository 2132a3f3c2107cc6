/**
 * Stations as the server answers them (server/src/modules/stations/stations.schema.ts).
 * Kept by hand: the web build does not import server code.
 */
export const STATION_TYPES = ['station', 'home', 'point', 'online', 'mobile', 'court', 'procuratorate', 'enterprise'] as const;
export type StationType = (typeof STATION_TYPES)[number];
export const STATION_TIERS = ['main', 'central', 'basic'] as const;
export type StationTier = (typeof STATION_TIERS)[number];
export const STATION_STATUSES = ['active', 'inactive'] as const;
export type StationStatus = (typeof STATION_STATUSES)[number];
export const MEMBER_ROLES = ['head', 'deputy_head', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type DeputyLevel = 'national' | 'provincial' | 'municipal' | 'county' | 'township';

/** 6-digit county code, a dash, 3-digit sequence: 230102-001. */
export const STATION_CODE_RE = /^\d{6}-\d{3}$/;

export interface Station {
  id: string;
  code: string;
  name: string;
  type: StationType;
  tier: StationTier;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  openingHours: string | null;
  receptionSchedule: string | null;
  hotline: string | null;
  starLevel: number;
  description: string | null;
  status: StationStatus;
  createdAt: string;
  updatedAt: string;
}

export interface StationListItem extends Station {
  memberCount: number;
}

export interface StationMember {
  deputyId: string;
  personId: string;
  name: string;
  level: DeputyLevel;
  term: number;
  deputyGroup: string | null;
  mandateStatus: string;
  role: MemberRole;
  phoneMasked: string | null;
  joinedOn: string | null;
}

export interface StationDetail extends Station {
  regionPath: { code: string; name: string }[];
  members: StationMember[];
  staff: { id: string; username: string; displayName: string; status: string }[];
  /** The public page's path (/s/<code>) and full address, as encoded in the QR code. */
  publicPath: string;
  publicUrl: string;
}

export interface StationCard {
  id: string;
  code: string;
  name: string;
  type: StationType;
  tier: StationTier;
  regionName: string | null;
  address: string | null;
  hotline: string | null;
  openingHours: string | null;
  receptionSchedule: string | null;
  publicUrl: string;
  qrSvg: string;
  deputies: { name: string; level: DeputyLevel; role: MemberRole; deputyGroup: string | null }[];
}

export interface StationInput {
  code: string;
  name: string;
  type: StationType;
  tier: StationTier;
  regionCode: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  openingHours: string | null;
  receptionSchedule: string | null;
  hotline: string | null;
  starLevel: number;
  description: string | null;
  status: StationStatus;
}

export const STATION_FILTERS = ['regionCode', 'type', 'tier', 'starLevel', 'status'] as const;
export type StationFilter = (typeof STATION_FILTERS)[number];

/** A deputy offered when adding a member (the parts of GET /api/deputies the picker shows). */
export interface DeputyOption {
  id: string;
  name: string;
  level: DeputyLevel;
  term: number;
  regionName: string | null;
  deputyGroup: string | null;
  status: string;
}
