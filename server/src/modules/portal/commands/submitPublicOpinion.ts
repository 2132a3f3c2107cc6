import { createHash } from 'node:crypto';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest } from '../../../platform/errors.js';
import { createOpinion } from '../../opinions/commands/createOpinion.js';
import { nowOf, type OpinionDeps } from '../../opinions/opinions.deps.js';
import { attachFiles, findOpinionByIdempotencyKey, insertFile, type OpinionRow } from '../../opinions/opinions.repo.js';
import type { CreateOpinionInput } from '../../opinions/opinions.schema.js';
import { findStationByCode } from '../../stations/stations.repo.js';
import { LIMITS, tooManyForPhone } from '../portal.limits.js';
import { countPublicCasesOfPhone } from '../portal.repo.js';
import { inOneTransaction } from '../portal.tx.js';
import type { Photo } from '../portal.upload.js';

export interface PublicSubmission {
  stationCode: string;
  /** qr from the portal (reached from a station's QR code or page), online from Open311 clients. */
  channel: 'qr' | 'online';
  categoryId: string | null;
  content: string;
  placeText: string | null;
  latitude: number | null;
  longitude: number | null;
  submitter: { name: string | null; phone: string | null; address: string | null; nameHidden: boolean };
  consentShare: boolean;
  consentPublish: boolean;
  idempotencyKey: string | null;
  photos: Photo[];
}

export interface SubmissionResult {
  opinion: OpinionRow;
  replayed: boolean;
  stationName: string;
}

/** Thrown inside the transaction when the key had already made a case: rolls back the photos written for nothing. */
class Replayed {
  constructor(readonly opinion: OpinionRow) {}
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * A constituent's opinion through the public portal or Open311: the station's case, made by the
 * opinions module's createOpinion (which encrypts the person's details, draws the tracking code and
 * sets the acceptance deadline), with its photos, in one transaction. The same idempotency key
 * answers the case it made the first time; a phone may raise a few cases an hour.
 */
export async function submitPublicOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  s: PublicSubmission,
): Promise<SubmissionResult> {
  const anonymous: RequestContext = { ...ctx, user: null };
  const station = await findStationByCode(deps.db, s.stationCode);
  if (station?.status !== 'active') {
    throw badRequest('STATION_NOT_FOUND', {
      zh: `未找到编码为 ${s.stationCode} 的联络站，或该联络站已停用`,
      en: `No station with code ${s.stationCode}, or the station is no longer active`,
    });
  }
  const input: CreateOpinionInput = {
    channel: s.channel,
    stationId: station.id,
    regionCode: null,
    receptionId: null,
    categoryId: s.categoryId,
    title: null,
    content: s.content,
    placeText: s.placeText,
    latitude: s.latitude,
    longitude: s.longitude,
    submitter: s.submitter,
    consentShare: s.consentShare,
    consentPublish: s.consentPublish,
    complex: false,
    responsibleDeputyId: null,
    receivedAt: null,
    idempotencyKey: s.idempotencyKey,
  };
  const done = (r: { opinion: OpinionRow; replayed: boolean }) => ({ ...r, stationName: station.name });

  // A replay writes nothing and is not counted against the phone: createOpinion answers the first case.
  if (s.idempotencyKey && (await findOpinionByIdempotencyKey(deps.db, s.idempotencyKey))) {
    return done(await createOpinion(deps, anonymous, input, { as: 'public' }));
  }
  if (s.submitter.phone) {
    const since = new Date(nowOf(deps).getTime() - HOUR_MS);
    const recent = await countPublicCasesOfPhone(deps.db, deps.crypto.blindIndex(s.submitter.phone), since);
    if (recent >= LIMITS.intakePerPhonePerHour) throw tooManyForPhone();
  }

  try {
    return done(
      await inOneTransaction(deps, async (inner, tx) => {
        const now = nowOf(deps);
        const saved = [];
        for (const photo of s.photos) {
          saved.push(
            await insertFile(tx, {
              regionCode: station.regionCode,
              filename: photo.filename,
              mimeType: photo.mimeType,
              size: photo.content.length,
              sha256: createHash('sha256').update(photo.content).digest('hex'),
              content: photo.content,
              createdBy: null,
              createdAt: now,
            }),
          );
        }
        const result = await createOpinion(inner, anonymous, input, { as: 'public' });
        // Another tap with the same key got there first (the unique index let one through).
        if (result.replayed) throw new Replayed(result.opinion);
        if (saved.length > 0) {
          await attachFiles(
            tx,
            result.opinion.id,
            saved.map((f) => f.id),
            'photo',
            now,
          );
          await recordAudit(tx, anonymous, {
            action: 'opinion.photos_attached',
            entityType: 'opinion',
            entityId: result.opinion.id,
            regionCode: result.opinion.regionCode,
            after: { files: saved.map((f) => ({ id: f.id, mimeType: f.mimeType, size: f.size })) },
          });
        }
        return result;
      }),
    );
  } catch (err) {
    if (err instanceof Replayed) return done({ opinion: err.opinion, replayed: true });
    throw err;
  }
}
