/**
 * Redaction of personal data in text meant for the public (DESIGN §7): a published case, a published
 * reply. Automatic masks come first — numbers that identify a person, and the names and addresses the
 * caller knows belong to the person — then a human reads and edits the result. Placeholders hold no
 * digits, so redacting a redacted text changes nothing: a caller may run it again over a human's edit
 * to make sure no number slipped back in.
 */

export type RedactionKind = 'id_number' | 'phone' | 'bank_card' | 'email' | 'name' | 'address' | 'door_number';

export interface RedactOptions {
  /** People's names to mask wherever they appear (the constituent's, a deputy's on request). */
  names?: readonly (string | null | undefined)[];
  /** Addresses to mask wherever they appear (the constituent's home address). */
  addresses?: readonly (string | null | undefined)[];
}

export interface Redacted {
  text: string;
  /** What was masked and how often, for the reviewer to check. */
  found: Partial<Record<RedactionKind, number>>;
}

export const PLACEHOLDERS: Record<RedactionKind, string> = {
  id_number: '[身份证号已隐去]',
  phone: '[电话已隐去]',
  bank_card: '[卡号已隐去]',
  email: '[邮箱已隐去]',
  name: '', // a name becomes 王某: the reader still follows who is meant
  address: '[住址已隐去]',
  door_number: '**',
};

// Mainland ID numbers (18 digits or 17 + X, and the old 15-digit ones), not inside a longer number.
const ID_18 = /(?<![\dA-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g;
const ID_15 = /(?<!\d)[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)/g;
// Bank cards: what is left of 16 to 19 digits, spaces or dashes between groups allowed.
const CARD = /(?<!\d)\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?!\d)/g;
// Mobiles (+86 allowed, spaced 3-4-4 allowed) and landlines with an area code.
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}[ -]?\d{7,8}(?:-\d{1,6})?(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Building, unit and room numbers: 3号楼2单元501室 → **号楼**单元**室 (the street may stay: it is the problem's place).
const DOOR = /(\d+|[一二三四五六七八九十百]+)(?=\s*(?:号楼|栋|幢|单元|室|层|户))/g;
// A name the text states outright: 我叫张三, 本人李四, 姓名：王五 (not one already made 王某).
const STATED_NAME = /(我叫|我是|本人|姓名[:：]?\s*|联系人[:：]?\s*)((?:(?!某)[\u4e00-\u9fa5]){2,4})(?=[，,。.；;、\s]|$)/g;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 王小明 → 王某, 欧阳修文 → 欧阳某 (a known compound surname keeps both characters). */
export function nameToSurname(name: string): string {
  const chars = [...name.trim()];
  const compound = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐', '司徒', '夏侯', '尉迟', '公孙'];
  const head = chars.slice(0, 2).join('');
  return `${compound.includes(head) && chars.length > 2 ? head : (chars[0] ?? '')}某`;
}

export function redact(input: string, opts: RedactOptions = {}): Redacted {
  const found: Redacted['found'] = {};
  let text = input;
  const sub = (re: RegExp, kind: RedactionKind, to: (m: string, ...g: string[]) => string = () => PLACEHOLDERS[kind]) => {
    text = text.replace(re, (m: string, ...g: string[]) => {
      found[kind] = (found[kind] ?? 0) + 1;
      return to(m, ...g);
    });
  };
  for (const address of known(opts.addresses)) sub(new RegExp(escapeRe(address), 'g'), 'address');
  sub(EMAIL, 'email');
  sub(ID_18, 'id_number');
  sub(ID_15, 'id_number');
  sub(MOBILE, 'phone');
  sub(CARD, 'bank_card');
  sub(LANDLINE, 'phone');
  // Longest first, so 王小明 is masked before a shorter name inside it.
  for (const name of known(opts.names)) sub(new RegExp(escapeRe(name), 'g'), 'name', () => nameToSurname(name));
  sub(STATED_NAME, 'name', (_m, lead = '', name = '') => `${lead}${nameToSurname(name)}`);
  sub(DOOR, 'door_number');
  return { text, found };
}

/** Two characters at least: a one-character "name" would mask every 王 in the text. */
const known = (values: readonly (string | null | undefined)[] | undefined): string[] =>
  [...new Set((values ?? []).map((v) => v?.trim() ?? '').filter((v) => [...v].length >= 2))].sort((a, b) => b.length - a.length);
