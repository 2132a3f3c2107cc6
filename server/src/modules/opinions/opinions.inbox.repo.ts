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

/** A phone's public cases since a moment may not reach `max`; `since` is an hour ago. */
export interface PhoneLimit {
  since: Date;
  max: number;
}

/** The phone's public cases since $2: those waiting here and those registered (created_by null). */
const PHONE_COUNT = `(
  (SELECT count(*) FROM opinion_inbox i WHERE i.submitter_phone_hash = $1::text AND i.received_at >= $2::timestamptz)
  + (SELECT count(*) FROM opinions o WHERE o.submitter_phone_hash = $1::text AND o.created_by IS NULL AND o.received_at >= $2::timestamptz))`;

const INSERT_SUBMISSION = `
  WITH station AS (
    SELECT id, region_code, name FROM stations WHERE code = $3 AND status = 'active'
  ), ins AS (
    INSERT INTO opinion_inbox (id, tracking_code, station_id, region_code, channel, category_id, content,
      place_text, latitude, longitude, submitter_name_enc, submitter_name_masked, name_hidden,
      submitter_phone_enc, submitter_phone_hash, submitter_phone_masked, submitter_address_enc,
      consent_share, consent_publish, idempotency_key, photo_ids, ip, user_agent, received_at)
    SELECT $4::uuid, $5::text, station.id, station.region_code, $6, $7::uuid, $8, $9, $10::float8, $11::float8,
      $12, $13, $14, $15, $1::text, $16, $17, $18, $19, $20::text, $21::uuid[], $22, $23, $24::timestamptz
    FROM station
    WHERE ($7::uuid IS NULL OR EXISTS (SELECT 1 FROM opinion_categories c WHERE c.id = $7::uuid AND c.active))
      AND ($1::text IS NULL OR ${PHONE_COUNT} < $25)
      AND ($20::text IS NULL OR NOT EXISTS (SELECT 1 FROM opinions o WHERE o.idempotency_key = $20::text))
      AND NOT EXISTS (SELECT 1 FROM opinions o WHERE o.tracking_code = $5::text)
    ON CONFLICT DO NOTHING
    RETURNING id, tracking_code, received_at, station_id
  )
  SELECT ins.id, ins.tracking_code, ins.received_at, ins.station_id, station.name AS station_name
  FROM ins JOIN station ON station.id = ins.station_id`;

/**
 * The submission in one statement, or nothing when one of its conditions fails: the station (by code,
 * active), the category (active), the phone's hourly limit (the inbox and the cases registered from
 * it), a new idempotency key and a free tracking code. The caller works out which one failed. Fixed
 * text, prepared once per connection: it runs for every public submission.
 */
export async function insertSubmission(db: Executor, s: InboxSubmission, limit: PhoneLimit): Promise<Received | undefined> {
  const values = [
    s.submitterPhoneHash,
    limit.since.toISOString(),
    s.stationCode,
    s.id,
    s.trackingCode,
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
    s.submitterPhoneMasked,
    s.submitterAddressEnc,
    s.consentShare,
    s.consentPublish,
    s.idempotencyKey,
    uuidArray(s.photoIds),
    s.ip,
    s.userAgent,
    s.receivedAt.toISOString(),
    limit.max,
  ];
  type Row = { id: string; tracking_code: string; received_at: Date | string; station_id: string; station_name: string };
  const [row] = await fixedQuery<Row>(db, 'opinion-inbox-insert', INSERT_SUBMISSION, values);
  if (!row) return undefined;
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    receivedAt: new Date(row.received_at),
    stationId: row.station_id,
    stationName: row.station_name,
  };
}

export async function countPublicOfPhone(db: Executor, hash: string, since: Date): Promise<number> {
  const [row] = resultRows<{ n: number | string }>(
    await db.execute(textToSql(`SELECT ${PHONE_COUNT} AS n`, [hash, since.toISOString()])),
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
