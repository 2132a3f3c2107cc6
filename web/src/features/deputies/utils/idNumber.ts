/**
 * GB 11643-1999 citizen ID numbers, checked in the browser so a typo is caught before the round
 * trip; the server checks again with the same rule (server/src/platform/ids.ts).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECKS = '10X98765432';

export type IdNumberProblem = 'length' | 'format' | 'date' | 'checksum';

/** The check character the first 17 digits call for. */
export function idChecksum(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECKS[sum % 11] as string;
}

/** Why an ID number is wrong, or null when it is valid. A lowercase x is accepted as X. */
export function idNumberProblem(raw: string): IdNumberProblem | null {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date.getTime() > Date.now()) return 'date';
  if (idChecksum(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

/** The birth date (YYYY-MM-DD) and gender an ID number encodes, to prefill the form. */
export function idNumberFacts(raw: string): { birthDate: string; gender: 'male' | 'female' } | null {
  const id = raw.trim().toUpperCase();
  if (idNumberProblem(id)) return null;
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Same rule as the server's PHONE_RE: mobiles, landlines with area code, short and 400 numbers. */
export const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[0-9]{4,5}|400-?\d{3}-?\d{4})$/;
