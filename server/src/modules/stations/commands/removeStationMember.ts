import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { assertRegionInScope } from '../stations.policy.js';
import { deleteMember, findMember, lockStation } from '../stations.repo.js';

/** Takes a deputy out of a station; allowed whatever the mandate's status, so ended mandates can be cleared. */
export async function removeStationMember(
  db: Db,
  ctx: RequestContext,
  input: { stationId: string; deputyId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const station = await lockStation(tx, input.stationId);
    if (!station) throw notFound('联络站', 'Station');
    assertRegionInScope(ctx.user, station.regionCode);

    const member = await findMember(tx, input.stationId, input.deputyId);
    const removed = member && (await deleteMember(tx, input.stationId, input.deputyId));
    if (!member || !removed) {
      throw new AppError(404, 'NOT_A_MEMBER', { zh: '该代表不在此联络站', en: 'This deputy is not a member of the station' });
    }
    await recordAudit(tx, ctx, {
      action: 'station.member_removed',
      entityType: 'station',
      entityId: input.stationId,
      regionCode: station.regionCode,
      before: { deputyId: input.deputyId, name: member.name, role: member.role },
      after: null,
    });
  });
}
