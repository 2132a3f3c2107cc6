import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { tr } from '../i18n.js';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(expected, actual);
}

// A hash to verify against when the username does not exist, so timing does not reveal it.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash;
}

export const PASSWORD_POLICY_MESSAGE = tr(
  '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少三类',
  'A password needs at least 8 characters from at least three of: upper case, lower case, digits, symbols',
);

/** DESIGN §7: at least 8 characters from 3 of the 4 classes. */
export function meetsPasswordPolicy(pw: string): boolean {
  if (pw.length < 8 || pw.length > 128) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  return classes >= 3;
}

/** A generated password that meets the policy: printed once, then the user must change it. */
export function generatePassword(): string {
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789'];
  const all = classes.join('');
  const chars = Array.from({ length: 15 }, () => all[randomInt(all.length)] as string);
  // One of each class at distinct random places, so the policy holds without a fixed pattern.
  const slots = new Set<number>();
  while (slots.size < classes.length) slots.add(randomInt(chars.length));
  [...slots].forEach((slot, i) => {
    const set = classes[i] as string;
    chars[slot] = set[randomInt(set.length)] as string;
  });
  return `${chars.slice(0, 5).join('')}-${chars.slice(5, 10).join('')}-${chars.slice(10).join('')}`;
}
