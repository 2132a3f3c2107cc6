import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { assertRegionInScope } from '../stations.policy.js';
import { findDeputy, findHead, findMember, insertMember, lockStation, type MemberView, setMemberRole } from '../stations.repo.js';
import type { MemberRole } from '../stations.tables.js';

export interface SetStationMemberInput {
  stationId: string;
  deputyId: string;
  role: MemberRole;
}

/**
 * Groups a serving deputy into a station (编组进站) or changes the deputy's role there. A deputy may
 * belong to several stations; a station has at most one head. The station row is locked first, so two
 * offices naming a head at the same moment are decided one after the other.
 */
export async function setStationMember(
  db: Db,
  ctx: RequestContext,
  input: SetStationMemberInput,
): Promise<{ member: MemberView; created: boolean }> {
  return db.transaction(async (tx) => {
    const station = await lockStation(tx, input.stationId);
    if (!station) throw notFound('联络站', 'Station');
    assertRegionInScope(ctx.user, station.regionCode);

    const deputy = await findDeputy(tx, input.deputyId);
    if (!deputy) throw notFound('代表', 'Deputy');
    if (deputy.status !== 'serving') {
      throw conflict('MANDATE_NOT_SERVING', {
        zh: `${deputy.name} 的代表资格不在任期内（${deputy.status}），不能编入联络站`,
        en: `${deputy.name}'s mandate is not serving (${deputy.status}); only serving deputies can be grouped into a station`,
      });
    }

    const existing = await findMember(tx, input.stationId, input.deputyId);
    if (input.role === 'head') {
      const head = await findHead(tx, input.stationId);
      if (head && head.deputyId !== input.deputyId) {
        throw conflict('STATION_HEAD_TAKEN', {
          zh: `该联络站已有站长 ${head.name}，请先调整其角色`,
          en: `The station already has a head, ${head.name}; change that deputy's role first`,
        });
      }
    }
    if (existing?.role === input.role) return { member: existing, created: false };

    if (existing) await setMemberRole(tx, input.stationId, input.deputyId, input.role);
    else
      await insertMember(tx, {
        stationId: input.stationId,
        deputyId: input.deputyId,
        regionCode: station.regionCode,
        role: input.role,
      });

    await recordAudit(tx, ctx, {
      action: existing ? 'station.member_role_changed' : 'station.member_added',
      entityType: 'station',
      entityId: input.stationId,
      regionCode: station.regionCode,
      before: existing ? { deputyId: input.deputyId, name: deputy.name, role: existing.role } : null,
      after: { deputyId: input.deputyId, name: deputy.name, role: input.role },
    });
    const member = await findMember(tx, input.stationId, input.deputyId);
    if (!member) throw new Error('station member vanished inside its transaction');
    return { member, created: !existing };
  });
}
