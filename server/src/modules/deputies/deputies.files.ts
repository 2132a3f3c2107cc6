import { createHash } from 'node:crypto';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The type an upload really is, from its first bytes: a renamed text file is not a photo. */
export function sniffImage(buf: Buffer): ImageType | undefined {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return undefined;
}

export const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** More than this once unpacked is a zip bomb, not a roster (a 100,000-row roster unpacks to ~60 MB). */
const MAX_UNPACKED = 400 * 1024 * 1024;

export type XlsxCheck = { ok: true } | { ok: false; reason: 'not_zip' | 'not_xlsx' | 'too_large_unpacked' | 'xls_or_encrypted' };

/**
 * Whether a buffer is an Office Open XML workbook, read from the zip's central directory alone
 * (cheap, before the file is queued): it must list [Content_Types].xml and xl/workbook.xml.
 * Old .xls files and password-protected workbooks are OLE containers, not zips.
 */
export function checkXlsx(buf: Buffer): XlsxCheck {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) return { ok: false, reason: 'xls_or_encrypted' };
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return { ok: false, reason: 'not_zip' };
  // The end-of-central-directory record sits in the last 22 + up to 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'not_zip' };
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = new Set<string>();
  let unpacked = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return { ok: false, reason: 'not_zip' };
    unpacked += buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.add(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (unpacked > MAX_UNPACKED) return { ok: false, reason: 'too_large_unpacked' };
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) return { ok: false, reason: 'not_xlsx' };
  return { ok: true };
}
