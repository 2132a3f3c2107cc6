/**
 * The deputy registry as the server answers it (server/src/modules/deputies/deputies.schema.ts).
 * Kept by hand: the web build does not import server code.
 */
export const DEPUTY_LEVELS = ['national', 'provincial', 'municipal', 'county', 'township'] as const;
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number];

export const DEPUTY_STATUSES = ['serving', 'ended', 'resigned', 'recalled', 'deceased'] as const;
export type DeputyStatus = (typeof DEPUTY_STATUSES)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export type MemberRole = 'head' | 'deputy_head' | 'member';

interface Mandate {
  level: DeputyLevel;
  term: number;
  congressRegionCode: string;
  congressRegionName: string | null;
  regionCode: string;
  regionName: string | null;
  status: DeputyStatus;
}

export interface DeputyListItem extends Mandate {
  id: string;
  personId: string;
  name: string;
  namePinyin: string;
  gender: Gender | null;
  ethnicity: string | null;
  birthDate: string | null;
  party: string | null;
  education: string | null;
  occupationCategory: string | null;
  occupation: string | null;
  phoneMasked: string | null;
  idNumberMasked: string | null;
  hasPhoto: boolean;
  delegation: string | null;
  constituency: string | null;
  deputyGroup: string | null;
  startedOn: string | null;
  endedOn: string | null;
  statusChangedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DeputyDetail extends DeputyListItem {
  /** Plain values only when the caller asked to reveal them and may. */
  phone: string | null;
  idNumber: string | null;
  revealed: boolean;
  photoUrl: string | null;
  otherMandates: (Mandate & { id: string; inScope: boolean })[];
  stations: { id: string; code: string; name: string; role: MemberRole; deputyId: string }[];
}

export interface CreatedDeputy extends DeputyDetail {
  /** The ID number matched a person already registered: a new mandate was added to them. */
  matchedExistingPerson: boolean;
}

/** The editable fields; dates are YYYY-MM-DD; null clears an optional field. */
export interface DeputyInput {
  name: string;
  gender: Gender | null;
  ethnicity: string | null;
  birthDate: string | null;
  party: string | null;
  education: string | null;
  occupationCategory: string | null;
  occupation: string | null;
  phone: string | null;
  idNumber: string;
  level: DeputyLevel;
  term: number;
  regionCode: string;
  delegation: string | null;
  constituency: string | null;
  deputyGroup: string | null;
  status: DeputyStatus;
  startedOn: string | null;
  endedOn: string | null;
  statusChangedOn: string | null;
}

/** The filters the list, the export and the count understand; all kept in the page URL. */
export const DEPUTY_FILTERS = [
  'regionCode',
  'level',
  'status',
  'term',
  'gender',
  'party',
  'delegation',
  'deputyGroup',
  'stationId',
  'sort',
] as const;
export type DeputyFilter = (typeof DEPUTY_FILTERS)[number];

export const DEPUTY_SORTS = [
  'name',
  '-name',
  'level',
  '-level',
  'term',
  '-term',
  'region',
  '-region',
  'createdAt',
  '-createdAt',
] as const;
export type DeputySort = (typeof DEPUTY_SORTS)[number];
