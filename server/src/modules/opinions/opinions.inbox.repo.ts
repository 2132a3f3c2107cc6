import { asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { type Executor, resultRows, type Tx } from '../../db/client.js';
import { files } from '../../platform/platform.tables.js';
import { type InboxRow, opinionInbox } from './opinions.inbox.tables.js';

/** The SQL of the public intake's inbox (migration 0016). */

export interface Sealed {
  submitterNameEnc: string | null;
  submitterNameMasked: string | null;
  submitterPhoneEnc: string | null;
  submitterPhoneHash: string | null;
  submitterPhoneMasked: string | null;
  submitterAddressEnc: string | null;
}

export interface InboxSubmission extends Sealed {
  id: string;
  trackingCode: string;
  stationCode: string;
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

const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * The submission in one statement, or nothing when one of its conditions fails: the station (by code,
 * active), the category (active), the phone's hourly limit (the inbox and the cases registered from
 * it), a new idempotency key and a free tracking code. The caller works out which one failed.
 */
export async function insertSubmission(db: Executor, s: InboxSubmission, limit: PhoneLimit): Promise<Received | undefined> {
  const res = await db.execute(sql`
    WITH station AS (
      SELECT id, region_code, name FROM stations WHERE code = ${s.stationCode} AND status = 'active'
    ), ins AS (
      INSERT INTO opinion_inbox (id, tracking_code, station_id, region_code, channel, category_id, content,
        place_text, latitude, longitude, submitter_name_enc, submitter_name_masked, name_hidden,
        submitter_phone_enc, submitter_phone_hash, submitter_phone_masked, submitter_address_enc,
        consent_share, consent_publish, idempotency_key, photo_ids, ip, user_agent, received_at)
      SELECT ${s.id}::uuid, ${s.trackingCode}, station.id, station.region_code, ${s.channel}, ${s.categoryId}::uuid,
        ${s.content}, ${s.placeText}, ${s.latitude}::float8, ${s.longitude}::float8, ${s.submitterNameEnc},
        ${s.submitterNameMasked}, ${s.nameHidden}, ${s.submitterPhoneEnc}, ${s.submitterPhoneHash},
        ${s.submitterPhoneMasked}, ${s.submitterAddressEnc}, ${s.consentShare}, ${s.consentPublish},
        ${s.idempotencyKey}, ${uuidArray(s.photoIds)}::uuid[], ${s.ip}, ${s.userAgent}, ${s.receivedAt.toISOString()}::timestamptz
      FROM station
      WHERE (${s.categoryId}::uuid IS NULL
          OR EXISTS (SELECT 1 FROM opinion_categories c WHERE c.id = ${s.categoryId}::uuid AND c.active))
        AND (${s.submitterPhoneHash}::text IS NULL OR ${phoneCount(s.submitterPhoneHash, limit.since)} < ${limit.max})
        AND (${s.idempotencyKey}::text IS NULL
          OR NOT EXISTS (SELECT 1 FROM opinions o WHERE o.idempotency_key = ${s.idempotencyKey}))
        AND NOT EXISTS (SELECT 1 FROM opinions o WHERE o.tracking_code = ${s.trackingCode})
      ON CONFLICT DO NOTHING
      RETURNING id, tracking_code, received_at, station_id
    )
    SELECT ins.id, ins.tracking_code, ins.received_at, ins.station_id, station.name AS station_name
    FROM ins JOIN station ON station.id = ins.station_id`);
  const [row] = resultRows<{
    id: string;
    tracking_code: string;
    received_at: Date | string;
    station_id: string;
    station_name: string;
  }>(res);
  if (!row) return undefined;
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    receivedAt: new Date(row.received_at),
    stationId: row.station_id,
    stationName: row.station_name,
  };
}

/** The phone's public cases since a moment: those waiting here and those registered (created_by null). */
const phoneCount = (hash: string | null, since: Date) => sql`(
  (SELECT count(*) FROM opinion_inbox i WHERE i.submitter_phone_hash = ${hash} AND i.received_at >= ${since.toISOString()}::timestamptz)
  + (SELECT count(*) FROM opinions o WHERE o.submitter_phone_hash = ${hash} AND o.created_by IS NULL
       AND o.received_at >= ${since.toISOString()}::timestamptz))`;

export async function countPublicOfPhone(db: Executor, hash: string, since: Date): Promise<number> {
  const [row] = resultRows<{ n: number | string }>(await db.execute(sql`SELECT ${phoneCount(hash, since)} AS n`));
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
  await tx.delete(opinionInbox).where(eq(opinionInbox.id, id));
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
