import { asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { type Executor, fixedQuery, resultRows, type Tx, textToSql, uuidArray } from '../../db/client.js';
import { files } from '../../platform/platform.tables.js';
import { type InboxRow, opinionInbox } from './opinions.inbox.tables.js';
import type { sealSubmitter } from './opinions.privacy.js';

/** The SQL of the public intake's inbox (migration 0016). */

/** The constituent as sealSubmitter leaves them. */
export type Sealed = ReturnType<typeof sealSubmitter>;

export interface InboxSubmission extends Sealed {
  id: string;
  trackingCode: string;
  stationCode: string;
  /** qr from the portal (reached from a station's QR code or page), online from Open311 clients. */
  channel: 'qr' | 'online';
  categoryId: string | null;
  content: string;
  placeText: string | null;
  latitude: number | null;
  longitude: number | null;
  nameHidden: boolean;
  consentShare: boolean;
  consentPublish: boolean;
  idempotencyKey: string | null;
  photoIds: string[];
  ip: string | null;
  userAgent: string | null;
  receivedAt: Date;
}

export interface Received {
  id: string;
  trackingCode: string;
  receivedAt: Date;
  stationId: string;
  stationName: string;
}

/** A phone's public cases since a moment: those waiting here and those registered (created_by null). */
const phoneCount = (hash: string, since: string) => `(
  (SELECT count(*) FROM opinion_inbox i WHERE i.submitter_phone_hash = ${hash} AND i.received_at >= ${since})
  + (SELECT count(*) FROM opinions o WHERE o.submitter_phone_hash = ${hash} AND o.created_by IS NULL AND o.received_at >= ${since}))`;

/** The types of one submission's values, in the order of `valuesOf`. */
const ROW_TYPES =
  'uuid text text text uuid text text float8 float8 text text bool text text text text bool bool text uuid[] text text timestamptz'.split(
    ' ',
  );

const valuesOf = (s: InboxSubmission): unknown[] => [
  s.id,
  s.trackingCode,
  s.stationCode,
  s.channel,
  s.categoryId,
  s.content,
  s.placeText,
  s.latitude,
  s.longitude,
  s.submitterNameEnc,
  s.submitterNameMasked,
  s.nameHidden,
  s.submitterPhoneEnc,
  s.submitterPhoneHash,
  s.submitterPhoneMasked,
  s.submitterAddressEnc,
  s.consentShare,
  s.consentPublish,
  s.idempotencyKey,
  uuidArray(s.photoIds),
  s.ip,
  s.userAgent,
  s.receivedAt.toISOString(),
];

/**
 * The statement for `count` submissions. Each row's values are typed in a VALUES list (not arrays
 * to unnest) so that the row count is in the text: PostgreSQL's generic plan then knows it, is kept
 * after five runs, and the statement is not planned again (an array's length it cannot see, and it
 * went on planning each run, 0.9 ms).
 */
function insertText(count: number): string {
  const rows = Array.from(
    { length: count },
    (_, r) => `(${ROW_TYPES.map((type, c) => `$${2 + r * ROW_TYPES.length + c}::${type}`).join(', ')})`,
  );
  return `
  WITH input (id, tracking_code, station_code, channel, category_id, content, place_text, latitude, longitude,
      name_enc, name_masked, name_hidden, phone_enc, phone_hash, phone_masked, address_enc, consent_share,
      consent_publish, idempotency_key, photo_ids, ip, user_agent, received_at) AS (
    VALUES ${rows.join(',\n      ')}
  ), ins AS (
    INSERT INTO opinion_inbox (id, tracking_code, station_id, region_code, channel, category_id, content,
      place_text, latitude, longitude, submitter_name_enc, submitter_name_masked, name_hidden,
      submitter_phone_enc, submitter_phone_hash, submitter_phone_masked, submitter_address_enc,
      consent_share, consent_publish, idempotency_key, photo_ids, ip, user_agent, received_at)
    SELECT r.id, r.tracking_code, s.id, s.region_code, r.channel, r.category_id, r.content, r.place_text,
      r.latitude, r.longitude, r.name_enc, r.name_masked, r.name_hidden, r.phone_enc, r.phone_hash, r.phone_masked,
      r.address_enc, r.consent_share, r.consent_publish, r.idempotency_key, r.photo_ids, r.ip, r.user_agent, r.received_at
    FROM input r JOIN stations s ON s.code = r.station_code AND s.status = 'active'
    WHERE (r.category_id IS NULL OR EXISTS (SELECT 1 FROM opinion_categories c WHERE c.id = r.category_id AND c.active))
      AND (r.phone_hash IS NULL OR ${phoneCount('r.phone_hash', "r.received_at - interval '1 hour'")} < $1)
      AND (r.idempotency_key IS NULL OR NOT EXISTS (SELECT 1 FROM opinions o WHERE o.idempotency_key = r.idempotency_key))
      AND NOT EXISTS (SELECT 1 FROM opinions o WHERE o.tracking_code = r.tracking_code)
    ON CONFLICT DO NOTHING
    RETURNING id, tracking_code, received_at, station_id
  )
  SELECT ins.id, ins.tracking_code, ins.received_at, ins.station_id, s.name AS station_name
  FROM ins JOIN stations s ON s.id = ins.station_id`;
}

const texts: string[] = [];
const textFor = (count: number) => (texts[count] ??= insertText(count));

/**
 * Submissions in one statement; each is written or not on its own: its station (by code, active), its
 * category (active), its phone's hourly limit (the inbox and the cases registered from it, an hour
 * before it was received), a new idempotency key and a free tracking code. What is not written is
 * not in the answer, and the caller works out why. The rows of one call must not share a phone or an
 * idempotency key: neither would see the other. Fixed text per count, prepared once per connection.
 */
export async function insertSubmissions(
  db: Executor,
  submissions: readonly InboxSubmission[],
  maxPerPhone: number,
): Promise<Received[]> {
  const values: unknown[] = [maxPerPhone];
  for (const s of submissions) values.push(...valuesOf(s));
  const count = submissions.length;
  type Row = { id: string; tracking_code: string; received_at: Date | string; station_id: string; station_name: string };
  const rows = await fixedQuery<Row>(db, `opinion-inbox-insert-${count}`, textFor(count), values);
  return rows.map((row) => ({
    id: row.id,
    trackingCode: row.tracking_code,
    receivedAt: new Date(row.received_at),
    stationId: row.station_id,
    stationName: row.station_name,
  }));
}

export async function countPublicOfPhone(db: Executor, hash: string, since: Date): Promise<number> {
  const [row] = resultRows<{ n: number | string }>(
    await db.execute(textToSql(`SELECT ${phoneCount('$1::text', '$2::timestamptz')} AS n`, [hash, since.toISOString()])),
  );
  return Number(row?.n ?? 0);
}

export async function findInboxByKey(db: Executor, key: string): Promise<InboxRow | undefined> {
  const [row] = await db.select().from(opinionInbox).where(eq(opinionInbox.idempotencyKey, key));
  return row;
}

export async function inboxHasCode(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ id: opinionInbox.id }).from(opinionInbox).where(eq(opinionInbox.trackingCode, code));
  return !!row;
}

/** Past this many failed registrations a row waits for someone to look at its error. */
export const MAX_INBOX_ATTEMPTS = 5;

/** The oldest waiting rows, locked; rows another process is registering are skipped. */
export function claimInbox(tx: Tx, limit: number): Promise<InboxRow[]> {
  return tx
    .select()
    .from(opinionInbox)
    .where(lt(opinionInbox.attempts, MAX_INBOX_ATTEMPTS))
    .orderBy(asc(opinionInbox.receivedAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** One row, locked; waits while a batch holds it (and then finds it gone). */
export async function claimInboxRow(tx: Tx, by: { trackingCode: string } | { id: string }): Promise<InboxRow | undefined> {
  const where = 'id' in by ? eq(opinionInbox.id, by.id) : eq(opinionInbox.trackingCode, by.trackingCode);
  const [row] = await tx.select().from(opinionInbox).where(where).for('update');
  return row;
}

/** The submission's photos take the case's region, and are described for its audit row. */
export function placePhotos(tx: Tx, ids: string[], regionCode: string) {
  return tx
    .update(files)
    .set({ regionCode })
    .where(inArray(files.id, ids))
    .returning({ id: files.id, mimeType: files.mimeType, size: files.size });
}

export async function deleteInboxRow(tx: Tx, id: string): Promise<void> {
  await deleteInboxRows(tx, [id]);
}

export async function deleteInboxRows(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.delete(opinionInbox).where(inArray(opinionInbox.id, ids));
}

export async function recordInboxFailure(db: Executor, id: string, error: string): Promise<void> {
  await db
    .update(opinionInbox)
    .set({ attempts: sql`${opinionInbox.attempts} + 1`, lastError: error.slice(0, 2000) })
    .where(eq(opinionInbox.id, id));
}

/** What waits, and what stopped after its last attempt (the health page shows both). */
export async function inboxBacklog(db: Executor): Promise<{ waiting: number; stuck: number }> {
  const [row] = resultRows<{ waiting: number | string; stuck: number | string }>(
    await db.execute(sql`SELECT count(*) AS waiting,
      count(*) FILTER (WHERE attempts >= ${MAX_INBOX_ATTEMPTS}) AS stuck FROM opinion_inbox`),
  );
  return { waiting: Number(row?.waiting ?? 0), stuck: Number(row?.stuck ?? 0) };
}
