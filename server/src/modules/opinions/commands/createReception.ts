import { recordAudit } from '../../../platform/audit.js';
import { chinaDate } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, forbidden } from '../../../platform/errors.js';
import { inScope } from '../../../platform/scope.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import { deputyIdsOfPerson, deputyNames, findStation, membersAmong } from '../opinions.parties.repo.js';
import { insertReception, type ReceptionRow } from '../receptions.repo.js';
import type { CreateReceptionInput } from '../receptions.schema.js';

/** 接待记录: a reception day at a station — who was on duty, how many came, what was raised. */
export async function createReception(
  deps: OpinionDeps,
  ctx: RequestContext,
  input: CreateReceptionInput,
): Promise<ReceptionRow> {
  const { db } = deps;
  const user = ctx.user;
  const station = await findStation(db, input.stationId);
  if (!station) throw badRequest('STATION_NOT_FOUND', { zh: '联络站不存在', en: 'The station does not exist' });
  if (user?.role === 'station_staff' && user.stationId !== station.id) {
    throw forbidden({ zh: '只能为本联络站登记接待记录', en: 'You may record receptions for your own station only' });
  }
  if (user?.role === 'office_staff' && !inScope(user, station.regionCode)) {
    throw forbidden({ zh: '该联络站不在您的管辖区域内', en: 'This station is outside your region' });
  }
  if (user?.role === 'deputy' && (await membersAmong(db, station.id, await deputyIdsOfPerson(db, user.personId))).length === 0) {
    throw forbidden({
      zh: '只能为您所在的联络站登记接待记录',
      en: 'You may record receptions for the stations you belong to only',
    });
  }
  const now = nowOf(deps);
  if (input.receivedOn > chinaDate(now)) {
    throw badRequest('RECEIVED_ON_FUTURE', { zh: '接待日期不能晚于今天', en: 'The reception date cannot be in the future' });
  }
  const deputyIds = [...new Set(input.deputyIds)];
  const known = await deputyNames(db, deputyIds);
  if (known.size !== deputyIds.length)
    throw badRequest('DEPUTY_NOT_FOUND', { zh: '值班代表不存在', en: 'A deputy on duty does not exist' });

  return db.transaction(async (tx) => {
    const row = await insertReception(tx, {
      stationId: station.id,
      regionCode: station.regionCode,
      receivedOn: input.receivedOn,
      deputyIds,
      staffNames: input.staffNames,
      visitorCount: input.visitorCount,
      summary: input.summary,
      createdBy: user?.id ?? null,
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'reception.created',
      entityType: 'reception',
      entityId: row.id,
      regionCode: row.regionCode,
      after: { stationId: row.stationId, receivedOn: row.receivedOn, deputyIds, visitorCount: row.visitorCount },
    });
    return row;
  });
}
