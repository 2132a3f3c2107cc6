import type { FieldCrypto } from '../../platform/crypto.js';
import { maskIdNumber, maskPhone } from '../../platform/crypto.js';
import type { Text } from '../../platform/i18n.js';
import type { DeputyLevel, DeputyStatus, Gender } from './deputies.tables.js';

/**
 * Rules shared by the form (create/edit) and the roster import, so both accept and store the same.
 */

/** How many leading digits of a region code name the congress of each level (2 province … 9 township). */
export const CONGRESS_CODE_LENGTH: Record<DeputyLevel, number> = {
  national: 2,
  provincial: 2,
  municipal: 4,
  county: 6,
  township: 9,
};

export const CONGRESS_REGION_LEVEL: Record<DeputyLevel, 'province' | 'city' | 'county' | 'township'> = {
  national: 'province',
  provincial: 'province',
  municipal: 'city',
  county: 'county',
  township: 'township',
};

/**
 * The congress a mandate belongs to follows from where the deputy serves: a county deputy elected in
 * a township sits in that county's congress. National deputies are elected by a provincial delegation.
 */
export function congressRegionOf(level: DeputyLevel, regionCode: string): string | undefined {
  const len = CONGRESS_CODE_LENGTH[level];
  return regionCode.length >= len ? regionCode.slice(0, len) : undefined;
}

export interface RuleViolation {
  field: string;
  text: Text;
}

/** Checks an explicit congress region against the mandate's level and region. */
export function checkCongressRegion(
  level: DeputyLevel,
  regionCode: string,
  congressRegionCode: string,
): RuleViolation | undefined {
  const len = CONGRESS_CODE_LENGTH[level];
  if (regionCode.length < len) {
    return {
      field: 'regionCode',
      text: {
        zh: `${levelWord(level)}代表的所在地区须为本级或下级行政区划`,
        en: `A ${level} deputy's region must be at the congress's level or below`,
      },
    };
  }
  if (congressRegionCode.length !== len || !regionCode.startsWith(congressRegionCode)) {
    return {
      field: 'congressRegionCode',
      text: {
        zh: '所属人大与代表层级或所在地区不符',
        en: "The congress region does not match the deputy's level or region",
      },
    };
  }
  return undefined;
}

const LEVEL_WORD: Record<DeputyLevel, string> = {
  national: '全国人大',
  provincial: '省级人大',
  municipal: '市级人大',
  county: '县级人大',
  township: '乡镇人大',
};
export const levelWord = (level: DeputyLevel) => LEVEL_WORD[level];

/** Gender and birth date are written into a GB 11643 ID number (digits 7–14, and 17 odd for men). */
export function idNumberFacts(idNumber: string): { gender: Gender; birthDate: string } {
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return { gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female', birthDate };
}

/** Checks given gender and birth date against the ID number; absent ones are filled from it. */
export function reconcileWithIdNumber(
  idNumber: string,
  given: { gender?: Gender | null; birthDate?: string | null },
): { gender: Gender; birthDate: string; violations: RuleViolation[] } {
  const facts = idNumberFacts(idNumber);
  const violations: RuleViolation[] = [];
  if (given.gender && given.gender !== facts.gender) {
    violations.push({ field: 'gender', text: { zh: '性别与身份证号不符', en: 'The gender does not match the ID number' } });
  }
  if (given.birthDate && given.birthDate !== facts.birthDate) {
    violations.push({
      field: 'birthDate',
      text: { zh: '出生日期与身份证号不符', en: 'The birth date does not match the ID number' },
    });
  }
  return { ...facts, violations };
}

/** Mainland numbers are stored without spaces or a +86 prefix, so the blind index finds them however typed. */
export function normalizePhone(input: string): string {
  const s = input.replace(/[\s\u3000]+/g, '');
  const m = /^(?:\+?86-?)(1\d{10})$/.exec(s);
  return m ? (m[1] as string) : s;
}

export const normalizeIdNumber = (input: string): string => input.replace(/[\s\u3000]+/g, '').toUpperCase();

export interface SealedPhone {
  phoneEnc: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
}

export interface SealedIdNumber {
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
}

/** Personal data at rest (DESIGN §7): ciphertext to read back, a blind index to find, a mask to show. */
export function sealPhone(crypto: FieldCrypto, phone: string | null): SealedPhone {
  if (!phone) return { phoneEnc: null, phoneHash: null, phoneMasked: null };
  return { phoneEnc: crypto.encrypt(phone), phoneHash: phoneHash(crypto, phone), phoneMasked: maskPhone(phone) };
}

export function sealIdNumber(crypto: FieldCrypto, idNumber: string): SealedIdNumber {
  return {
    idNumberEnc: crypto.encrypt(idNumber),
    idNumberHash: idNumberHash(crypto, idNumber),
    idNumberMasked: maskIdNumber(idNumber),
  };
}

/** Blind indexes of the normalized values: whoever stores a person (form, import, demo seed) must use these. */
export const idNumberHash = (crypto: FieldCrypto, idNumber: string) => crypto.blindIndex(normalizeIdNumber(idNumber));
export const phoneHash = (crypto: FieldCrypto, phone: string) => crypto.blindIndex(normalizePhone(phone));

/** Today's date where the congresses are (dates in the registry are calendar dates in China). */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export interface StatusDates {
  status: DeputyStatus;
  startedOn: string | null;
  endedOn: string | null;
  statusChangedOn: string | null;
}

/**
 * A status change is dated: the given date or today. Leaving office ends the mandate on that date
 * unless an end date is given; returning to serving clears the end date.
 */
export function nextStatusDates(
  current: StatusDates | null,
  input: { status?: DeputyStatus; startedOn?: string | null; endedOn?: string | null; statusChangedOn?: string | null },
  today: string,
): StatusDates {
  const status = input.status ?? current?.status ?? 'serving';
  const startedOn = input.startedOn !== undefined ? input.startedOn : (current?.startedOn ?? null);
  const changed = current === null ? status !== 'serving' : status !== current.status;
  let statusChangedOn = input.statusChangedOn !== undefined ? input.statusChangedOn : (current?.statusChangedOn ?? null);
  let endedOn = input.endedOn !== undefined ? input.endedOn : (current?.endedOn ?? null);
  if (changed) {
    statusChangedOn = input.statusChangedOn ?? (current === null ? input.endedOn : undefined) ?? today;
    if (status !== 'serving') endedOn = input.endedOn ?? statusChangedOn;
    else if (input.endedOn === undefined) endedOn = null;
  }
  return { status, startedOn, endedOn, statusChangedOn };
}

export function checkStatusDates(d: StatusDates): RuleViolation | undefined {
  if (d.startedOn && d.endedOn && d.endedOn < d.startedOn) {
    return { field: 'endedOn', text: { zh: '离任日期不能早于当选日期', en: 'The end date cannot be before the start date' } };
  }
  if (d.status === 'serving' && d.endedOn) {
    return { field: 'endedOn', text: { zh: '在任代表不应有离任日期', en: 'A serving deputy has no end date' } };
  }
  return undefined;
}
