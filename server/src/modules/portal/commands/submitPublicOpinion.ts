import { createHash, randomUUID } from 'node:crypto';
import { perExecutor } from '../../../db/batch.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict } from '../../../platform/errors.js';
import { nowOf, type OpinionDeps } from '../../opinions/opinions.deps.js';
import {
  countPublicOfPhone,
  findInboxByKey,
  type InboxSubmission,
  insertSubmissions,
  type Received,
} from '../../opinions/opinions.inbox.repo.js';
import { InboxWriter } from '../../opinions/opinions.inbox.writer.js';
import { findCategory, findStation } from '../../opinions/opinions.parties.repo.js';
import { sealSubmitter } from '../../opinions/opinions.privacy.js';
import { intakeRegistrar } from '../../opinions/opinions.registrar.js';
import { findOpinionByIdempotencyKey, insertFile } from '../../opinions/opinions.repo.js';
import { newTrackingCode } from '../../opinions/opinions.rules.js';
import { findStationByCode } from '../../stations/stations.repo.js';
import { LIMITS, tooManyForPhone } from '../portal.limits.js';
import type { Photo } from '../portal.upload.js';

/** What the constituent sent: the inbox row's own fields, the person in the clear, and the photos. */
export interface PublicSubmission
  extends Pick<
    InboxSubmission,
    | 'stationCode'
    | 'channel'
    | 'categoryId'
    | 'content'
    | 'placeText'
    | 'latitude'
    | 'longitude'
    | 'consentShare'
    | 'consentPublish'
    | 'idempotencyKey'
  > {
  submitter: { name: string | null; phone: string | null; address: string | null; nameHidden: boolean };
  photos: Photo[];
}

export interface SubmissionResult {
  /** The case's id once registered (Open311's token). */
  id: string;
  trackingCode: string;
  receivedAt: Date;
  stationName: string;
  replayed: boolean;
}

const HOUR_MS = 60 * 60 * 1000;

type Station = Awaited<ReturnType<typeof findStationByCode>>;

/** The one writer of an app's database: submissions it holds together share a statement. */
const writerOf = perExecutor((db) => new InboxWriter(db, LIMITS.intakePerPhonePerHour));

/** The inbox statement wrote nothing: its photos, written in the same transaction, are rolled back. */
class NotWritten extends Error {}

/**
 * A constituent's opinion through the public portal or Open311 (docs/decisions.md, "Public intake
 * through an inbox"): the details encrypted here, then one statement puts the submission in the inbox
 * — station, category, the phone's hourly limit, idempotency key and tracking code checked inside it —
 * and the constituent has the tracking code at once. Submissions without photos that arrive together
 * share that statement (InboxWriter); photos are written with their submission in one transaction.
 * The registrar makes the case, with its timeline, audit row and notifications, moments later. Only
 * when the statement writes nothing is it worked out why.
 */
export async function submitPublicOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  s: PublicSubmission,
): Promise<SubmissionResult> {
  const now = nowOf(deps);
  const base: Omit<InboxSubmission, 'id' | 'trackingCode' | 'photoIds'> = {
    stationCode: s.stationCode,
    channel: s.channel,
    categoryId: s.categoryId,
    content: s.content,
    placeText: s.placeText,
    latitude: s.latitude,
    longitude: s.longitude,
    ...sealSubmitter(deps.crypto, s.submitter),
    nameHidden: s.submitter.nameHidden,
    consentShare: s.consentShare,
    consentPublish: s.consentPublish,
    idempotencyKey: s.idempotencyKey,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ?? null,
    receivedAt: now,
  };
  for (let attempt = 1; attempt <= 3; attempt++) {
    const received = await write(deps, s.photos, base);
    if (received) {
      intakeRegistrar(deps).kick();
      return { ...received, replayed: false };
    }
    const station = await findStationByCode(deps.db, s.stationCode);
    const replay = await replayOf(deps, s, station);
    if (replay) return replay;
    await explainRefusal(deps, s, station, base.submitterPhoneHash, new Date(now.getTime() - HOUR_MS));
    // Nothing explains it but the tracking code drawn (taken meanwhile) or a key's first use
    // committing meanwhile: draw again, and look for the replay again.
  }
  throw new Error('public submission not written after 3 attempts');
}

async function write(
  deps: OpinionDeps,
  photos: Photo[],
  base: Omit<InboxSubmission, 'id' | 'trackingCode' | 'photoIds'>,
): Promise<Received | undefined> {
  const row = (photoIds: string[]): InboxSubmission => ({
    ...base,
    id: randomUUID(),
    trackingCode: newTrackingCode(),
    photoIds,
  });
  if (photos.length === 0) return writerOf(deps.db).write(row([]));
  try {
    return await deps.db.transaction(async (tx) => {
      const ids: string[] = [];
      for (const photo of photos) {
        const file = await insertFile(tx, {
          // The case's region is set when it is registered (the station is looked up in the inbox statement).
          regionCode: null,
          filename: photo.filename,
          mimeType: photo.mimeType,
          size: photo.content.length,
          sha256: createHash('sha256').update(photo.content).digest('hex'),
          content: photo.content,
          createdBy: null,
          createdAt: base.receivedAt,
        });
        ids.push(file.id);
      }
      const [received] = await insertSubmissions(tx, [row(ids)], LIMITS.intakePerPhonePerHour);
      if (!received) throw new NotWritten();
      return received;
    });
  } catch (err) {
    if (err instanceof NotWritten) return undefined;
    throw err;
  }
}

/**
 * The submission an idempotency key made before, waiting or registered. The same key from another
 * station, or on an officer's intake, is another submission: 409, never a stranger's case.
 */
async function replayOf(deps: OpinionDeps, s: PublicSubmission, station: Station): Promise<SubmissionResult | undefined> {
  const key = s.idempotencyKey;
  if (!key) return undefined;
  const waiting = await findInboxByKey(deps.db, key);
  if (waiting) {
    if (waiting.stationId !== station?.id) throw keyReused();
    const name = station?.name ?? '';
    return {
      id: waiting.id,
      trackingCode: waiting.trackingCode,
      receivedAt: waiting.receivedAt,
      stationName: name,
      replayed: true,
    };
  }
  const made = await findOpinionByIdempotencyKey(deps.db, key);
  if (!made) return undefined;
  if (made.createdBy !== null || made.stationId !== station?.id) throw keyReused();
  const name = (made.stationId ? (await findStation(deps.db, made.stationId))?.name : null) ?? '';
  return { id: made.id, trackingCode: made.trackingCode, receivedAt: made.receivedAt, stationName: name, replayed: true };
}

const keyReused = () =>
  conflict('IDEMPOTENCY_KEY_REUSED', {
    zh: '该幂等键已被另一次提交使用',
    en: 'This idempotency key was used by another submission',
  });

/** Throws the refusal the inbox statement met, if it was one; returns when it was only bad luck. */
async function explainRefusal(
  deps: OpinionDeps,
  s: PublicSubmission,
  station: Station,
  phoneHash: string | null,
  since: Date,
): Promise<void> {
  if (station?.status !== 'active') {
    throw badRequest('STATION_NOT_FOUND', {
      zh: `未找到编码为 ${s.stationCode} 的联络站，或该联络站已停用`,
      en: `No station with code ${s.stationCode}, or the station is no longer active`,
    });
  }
  if (s.categoryId && !(await findCategory(deps.db, s.categoryId))?.active) {
    throw badRequest('CATEGORY_NOT_FOUND', { zh: '意见类别不存在或已停用', en: 'The category does not exist or is inactive' });
  }
  if (phoneHash && (await countPublicOfPhone(deps.db, phoneHash, since)) >= LIMITS.intakePerPhonePerHour) {
    throw tooManyForPhone();
  }
}
