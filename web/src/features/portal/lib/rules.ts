/**
 * The server's input rules, mirrored so a constituent learns of a mistake before sending
 * (server/src/platform/ids.ts PHONE_RE, server/src/modules/opinions/opinions.schema.ts and
 * opinions.rules.ts). The server checks again; these only spare a round trip.
 */
export const MAX_CONTENT_CHARS = 2000;
export const MAX_PLACE_CHARS = 200;
export const MAX_NAME_CHARS = 50;
export const MAX_COMMENT_CHARS = 1000;
export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** A mainland mobile number, or a landline with its area code and an optional extension. */
export const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** 8 characters from an alphabet without 0, 1, I, L and O, which are easy to misread. */
export const TRACKING_CODE_RE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

/** Characters as the server counts them: code points, so an emoji counts once. */
export const charCount = (s: string) => [...s].length;

export const normalizePhone = (s: string) => s.replace(/\s+/g, '');

/** The digits a constituent types to follow the case: the number's last four, an extension after it not counted. */
export function last4OfPhone(phone: string): string {
  const main = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})/.exec(phone)?.[1] ?? phone;
  return main.replace(/\D/g, '').slice(-4);
}

/** What people type when copying a code by hand: spaces, dashes, lower case. */
export const normalizeTrackingCode = (s: string) => s.replace(/[\s-]+/g, '').toUpperCase();

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';

/** Still images only, as the server's sniffer (file-type) names them image/heic or image/heif; sequences are refused. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'mif1']);

/** The type a file really is, from its first bytes, as the server decides it (not from its name). */
export function sniffPhoto(head: Uint8Array): PhotoType | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((b, i) => head[i] === b)) return 'image/png';
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  // ISO base media file: a box size, 'ftyp', then the major brand.
  if (head.length >= 12 && ascii(4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(8, 12))) return 'image/heic';
  return undefined;
}

export type PhotoProblem = 'tooLarge' | 'badType' | 'empty';

export async function checkPhoto(file: File): Promise<{ type: PhotoType } | { problem: PhotoProblem }> {
  if (file.size === 0) return { problem: 'empty' };
  if (file.size > MAX_PHOTO_BYTES) return { problem: 'tooLarge' };
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const type = sniffPhoto(head);
  return type ? { type } : { problem: 'badType' };
}
