import { randomBytes, randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Executor } from '../db/client.js';
import { congressRegionOf, idNumberFacts, sealIdNumber, sealPhone } from '../modules/deputies/deputies.rules.js';
import { type DeputyLevel, type DeputyStatus, deputies, persons } from '../modules/deputies/deputies.tables.js';
import type { FieldCrypto } from '../platform/crypto.js';
import { withIdChecksum } from '../platform/ids.js';
import { pinyinKeys } from '../platform/text.js';

/**
 * A valid GB 11643 ID number that no other test will produce: the six leading "area" digits are
 * random (the checksum does not look at them), then a birth date and a sequence number.
 */
export function randomIdNumber(opts: { birthDate?: string; gender?: 'male' | 'female' } = {}): string {
  const area = String(100_000 + randomInt(900_000));
  const birth = (opts.birthDate ?? `19${50 + randomInt(50)}-0${1 + randomInt(9)}-1${randomInt(10)}`).replace(/-/g, '');
  let seq = randomInt(1000);
  if (opts.gender) seq = (seq - (seq % 2) + (opts.gender === 'male' ? 1 : 0)) % 1000;
  return withIdChecksum(`${area}${birth}${String(seq).padStart(3, '0')}`);
}

export const randomMobile = () => `13${randomInt(10)}${String(randomInt(100_000_000)).padStart(8, '0')}`;

export interface DeputyOverrides {
  name?: string;
  regionCode?: string;
  level?: DeputyLevel;
  term?: number;
  congressRegionCode?: string;
  status?: DeputyStatus;
  delegation?: string | null;
  deputyGroup?: string | null;
  constituency?: string | null;
  party?: string | null;
  ethnicity?: string | null;
  phone?: string | null;
  idNumber?: string;
  /** Adds the mandate to this person instead of creating one. */
  personId?: string;
}

/** A person and one mandate, stored as the API stores them (numbers encrypted, indexed, masked). */
export async function buildDeputy(db: Executor, crypto: FieldCrypto, o: DeputyOverrides = {}) {
  const regionCode = o.regionCode ?? '230102';
  const level = o.level ?? 'county';
  const idNumber = o.idNumber ?? randomIdNumber();
  const phone = o.phone === undefined ? randomMobile() : o.phone;
  const name = o.name ?? `代表${randomBytes(3).toString('hex')}`;
  let personId = o.personId;
  if (!personId) {
    const [person] = await db
      .insert(persons)
      .values({
        regionCode,
        name,
        ...pinyinKeys(name),
        ...idNumberFacts(idNumber),
        ethnicity: o.ethnicity === undefined ? '汉族' : o.ethnicity,
        party: o.party === undefined ? '中共党员' : o.party,
        ...sealPhone(crypto, phone),
        ...sealIdNumber(crypto, idNumber),
      })
      .returning({ id: persons.id });
    personId = person!.id;
  }
  const [deputy] = await db
    .insert(deputies)
    .values({
      personId,
      level,
      regionCode,
      congressRegionCode: o.congressRegionCode ?? congressRegionOf(level, regionCode)!,
      term: o.term ?? 16,
      status: o.status ?? 'serving',
      delegation: o.delegation ?? null,
      deputyGroup: o.deputyGroup ?? null,
      constituency: o.constituency ?? null,
    })
    .returning();
  return { deputy: deputy!, personId, idNumber, phone, name };
}

/** A multipart/form-data body with one file, as a browser sends it. */
export function multipart(file: { filename: string; content: Buffer | string; contentType?: string; field?: string }) {
  const boundary = `----lianluo${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\n` +
      `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const payload = Buffer.concat([head, Buffer.from(file.content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An .xlsx whose first sheet holds the given header and rows. */
export async function xlsxOf(header: string[], rows: (string | number | Date | null)[][], opts: { textColumns?: number[] } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(header);
  for (const c of opts.textColumns ?? []) ws.getColumn(c).numFmt = '@';
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsx(content: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  return wb;
}
