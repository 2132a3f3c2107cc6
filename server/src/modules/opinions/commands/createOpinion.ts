import type { Db, Executor, Tx } from '../../../db/client.js';
import type { SessionUser } from '../../../platform/auth/session.js';
import type { RequestContext } from '../../../platform/context.js';
import { AppError, badRequest, conflict, forbidden, pgErrorCode } from '../../../platform/errors.js';
import { afterCommitDispatch } from '../../../platform/outbox.js';
import { inScope } from '../../../platform/scope.js';
import { searchDocument } from '../../../platform/text/tokens.js';
import { loadCalendar } from '../../calendar/calendar.repo.js';
import { dueAfter } from '../opinions.deadlines.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import { type Announcement, type Anonymous, announce, announceAll } from '../opinions.events.js';
import {
  deputyIdsOfPerson,
  findCategory,
  findDeputy,
  findStation,
  membersAmong,
  regionExists,
  stationHead,
  stationIdsOfDeputies,
} from '../opinions.parties.repo.js';
import { sealSubmitter } from '../opinions.privacy.js';
import {
  findOpinionByIdempotencyKey,
  insertOpinion,
  insertOpinions,
  type OpinionInsert,
  type OpinionRow,
  trackingCodeTaken,
} from '../opinions.repo.js';
import { newTrackingCode, titleFrom } from '../opinions.rules.js';
import type { CreateOpinionInput } from '../opinions.schema.js';
import { findReception } from '../receptions.repo.js';

const MAX_BACKDATE_MS = 366 * 24 * 60 * 60 * 1000;
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface CreateOpinionResult {
  opinion: OpinionRow;
  /** The same idempotency key came again: the case made the first time, nothing new written. */
  replayed: boolean;
}

/**
 * Records a constituent's opinion: by station staff, a deputy or the office on the constituent's
 * behalf (the channel says how it came), or by the constituent through the public portal
 * (ctx.user null, opts.as 'public'). The constituent's details are encrypted, the case gets a
 * tracking code, its region and first responsible deputy from the station, and its acceptance
 * deadline. An idempotency key makes a double submission return the first case.
 */
export async function createOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  input: CreateOpinionInput,
  opts: { as?: 'public' } = {},
): Promise<CreateOpinionResult> {
  const { db } = deps;
  const replay = await replayOf(db, ctx, input);
  if (replay) return { opinion: replay, replayed: true };

  const now = nowOf(deps);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS || now.getTime() - receivedAt.getTime() > MAX_BACKDATE_MS) {
    throw badRequest('RECEIVED_AT_OUT_OF_RANGE', {
      zh: '收到时间不能晚于现在，也不能早于一年前',
      en: 'receivedAt must be within the past year and not in the future',
    });
  }
  const place = await placeOf(db, ctx.user, input);
  if (input.categoryId) {
    const category = await findCategory(db, input.categoryId);
    if (!category?.active)
      throw badRequest('CATEGORY_NOT_FOUND', { zh: '意见类别不存在或已停用', en: 'The category does not exist or is inactive' });
  }
  if (input.receptionId) {
    const reception = await findReception(db, input.receptionId);
    if (!reception || reception.stationId !== place.stationId) {
      throw badRequest('RECEPTION_MISMATCH', {
        zh: '接待记录不存在或不属于该联络站',
        en: 'The reception does not exist or belongs to another station',
      });
    }
  }
  const responsibleDeputyId = await responsibleDeputyOf(db, ctx.user, place.stationId, input.responsibleDeputyId ?? null);

  const calendar = await loadCalendar(db);
  const title = input.title ?? titleFrom(input.content);
  const document = searchDocument(title, input.content, input.placeText);
  const hasConsent = input.consentShare || input.consentPublish;

  const write = () =>
    db.transaction(async (tx) => {
      const dueAt = await dueAfter(tx, calendar, place.regionCode, 'opinion.accept', receivedAt);
      return insertSubmitted(
        tx,
        ctx,
        {
          trackingCode: await freeTrackingCode(tx),
          regionCode: place.regionCode,
          stationId: place.stationId,
          receptionId: input.receptionId ?? null,
          channel: input.channel,
          categoryId: input.categoryId ?? null,
          title,
          content: input.content,
          placeText: input.placeText,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          ...sealSubmitter(deps.crypto, input.submitter),
          nameHidden: input.submitter.nameHidden,
          consentShare: input.consentShare,
          consentPublish: input.consentPublish,
          consentAt: hasConsent ? now : null,
          state: 'submitted',
          responsibleDeputyId,
          complex: input.complex,
          dueAt,
          idempotencyKey: input.idempotencyKey ?? null,
          createdBy: ctx.user?.id ?? null,
          receivedAt,
          createdAt: now,
          updatedAt: now,
        },
        document,
        { as: opts.as, at: now },
      );
    });

  for (let attempt = 1; ; attempt++) {
    try {
      const opinion = await write();
      await afterCommitDispatch(deps.jobs);
      return { opinion, replayed: false };
    } catch (err) {
      if (pgErrorCode(err) !== '23505') throw err;
      // The same key sent twice at the same moment: the unique index lets the first through.
      const first = await replayOf(db, ctx, input);
      if (first) return { opinion: first, replayed: true };
      // Two new cases drew the same free tracking code at once: draw again.
      if (attempt >= 3) throw err;
    }
  }
}

/**
 * Writes a new case, state submitted, with its timeline event, audit row and outbox message in the
 * caller's transaction (DESIGN §3): intake on behalf here, the public inbox's registrar
 * (registerInbox.ts) for the portal and Open311.
 */
export async function insertSubmitted(
  tx: Tx,
  ctx: RequestContext,
  values: Omit<OpinionInsert, 'searchTokens'>,
  document: string,
  opts: { as?: Anonymous; at: Date },
): Promise<OpinionRow> {
  const row = await insertOpinion(tx, values, document);
  await announce(tx, ctx, row, null, submitted(row, opts));
  return row;
}

/** Several new cases in a few statements (the registrar's batches), each as insertSubmitted writes it. */
export async function insertSubmittedAll(
  tx: Tx,
  items: { ctx: RequestContext; values: Omit<OpinionInsert, 'searchTokens'>; document: string; as?: Anonymous; at: Date }[],
): Promise<OpinionRow[]> {
  const rows = await insertOpinions(
    tx,
    items.map((i) => ({ values: i.values, searchDocument: i.document })),
  );
  await announceAll(
    tx,
    rows.map((row, k) => {
      const item = items[k]!;
      return { ctx: item.ctx, row, before: null, a: submitted(row, item) };
    }),
  );
  return rows;
}

function submitted(row: OpinionRow, opts: { as?: Anonymous; at: Date }): Announcement {
  const { channel, stationId, responsibleDeputyId, receptionId, regionCode, trackingCode } = row;
  return {
    action: 'submit',
    toState: 'submitted',
    data: { channel, stationId, responsibleDeputyId, receptionId },
    topics: ['opinion.submitted'],
    payload: { channel },
    audit: { trackingCode, channel, stationId, regionCode },
    as: opts.as,
    at: opts.at,
  };
}

/** The case an idempotency key made before; the same key from someone else is a conflict, not a replay. */
async function replayOf(db: Executor, ctx: RequestContext, input: CreateOpinionInput): Promise<OpinionRow | undefined> {
  if (!input.idempotencyKey) return undefined;
  const existing = await findOpinionByIdempotencyKey(db, input.idempotencyKey);
  if (!existing) return undefined;
  const sameSender =
    existing.createdBy === (ctx.user?.id ?? null) && (!input.stationId || existing.stationId === input.stationId);
  if (!sameSender) {
    throw conflict('IDEMPOTENCY_KEY_REUSED', {
      zh: '该幂等键已被另一次提交使用',
      en: 'This idempotency key was used by another submission',
    });
  }
  return existing;
}

async function freeTrackingCode(db: Executor): Promise<string> {
  for (let i = 0; i < 10; i++) {
    const code = newTrackingCode();
    if (!(await trackingCodeTaken(db, code))) return code;
  }
  throw new Error('no free tracking code after 10 tries');
}

/** Where the case belongs: the station's region, or a region of the account's subtree when no station took it. */
async function placeOf(
  db: Db,
  user: SessionUser | null,
  input: CreateOpinionInput,
): Promise<{ stationId: string | null; regionCode: string }> {
  const stationId = input.stationId ?? (input.regionCode ? null : await defaultStation(db, user));
  if (stationId) {
    const station = await findStation(db, stationId);
    if (!station) throw badRequest('STATION_NOT_FOUND', { zh: '联络站不存在', en: 'The station does not exist' });
    if (station.status !== 'active')
      throw badRequest('STATION_INACTIVE', { zh: '该联络站已停用', en: 'The station is inactive' });
    if (user?.role === 'station_staff' && user.stationId !== station.id) {
      throw forbidden({ zh: '只能为本联络站登记意见', en: 'You may record opinions for your own station only' });
    }
    if (user?.role === 'office_staff' && !inScope(user, station.regionCode)) {
      throw forbidden({ zh: '该联络站不在您的管辖区域内', en: 'This station is outside your region' });
    }
    if (user?.role === 'deputy') {
      const mine = await deputyIdsOfPerson(db, user.personId);
      if ((await membersAmong(db, station.id, mine)).length === 0) {
        throw forbidden({
          zh: '只能为您所在的联络站登记意见',
          en: 'You may record opinions for the stations you belong to only',
        });
      }
    }
    return { stationId: station.id, regionCode: station.regionCode };
  }
  if (!user) throw badRequest('STATION_REQUIRED', { zh: '请选择联络站', en: 'Choose the station' });
  if (user.role === 'station_staff')
    throw forbidden({ zh: '您的账号未关联联络站', en: 'Your account is not attached to a station' });
  const regionCode = input.regionCode;
  if (!regionCode)
    throw badRequest('STATION_OR_REGION_REQUIRED', { zh: '请选择联络站或行政区划', en: 'Give the station or the region' });
  if (!(await regionExists(db, regionCode)))
    throw badRequest('REGION_NOT_FOUND', { zh: '行政区划不存在', en: 'The region does not exist' });
  if (!inScope(user, regionCode)) throw forbidden({ zh: '该区域不在您的管辖范围内', en: 'This region is outside your scope' });
  return { stationId: null, regionCode };
}

/** Left out, the station is the staff's own, or the one station a deputy belongs to. */
async function defaultStation(db: Db, user: SessionUser | null): Promise<string | null> {
  if (user?.role === 'station_staff') return user.stationId;
  if (user?.role === 'deputy') {
    const stations = await stationIdsOfDeputies(db, await deputyIdsOfPerson(db, user.personId));
    return stations.length === 1 ? (stations[0] ?? null) : null;
  }
  return null;
}

/**
 * The first responsible deputy: the one named, else the deputy recording it, else the station's head.
 * A deputy named for a station's case must be grouped into that station.
 */
async function responsibleDeputyOf(
  db: Db,
  user: SessionUser | null,
  stationId: string | null,
  named: string | null,
): Promise<string | null> {
  if (named) {
    const deputy = await findDeputy(db, named);
    if (deputy?.status !== 'serving') {
      throw badRequest('DEPUTY_NOT_FOUND', {
        zh: '所选代表不存在或已不在任',
        en: 'The deputy does not exist or no longer serves',
      });
    }
    if (stationId && (await membersAmong(db, stationId, [named])).length === 0) {
      throw new AppError(400, 'DEPUTY_NOT_AT_STATION', {
        zh: '所选代表不在该联络站',
        en: 'The deputy is not grouped into this station',
      });
    }
    return named;
  }
  if (user?.role === 'deputy') {
    const mine = await deputyIdsOfPerson(db, user.personId);
    const here = stationId ? await membersAmong(db, stationId, mine) : mine;
    if (here[0]) return here[0];
  }
  return stationId ? ((await stationHead(db, stationId)) ?? null) : null;
}
