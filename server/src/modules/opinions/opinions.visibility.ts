import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { deputyIdsOfPerson, stationIdsOfDeputies } from './opinions.parties.repo.js';

/**
 * Which cases an account sees in lists, searches and exports: the same rule as opening one case
 * (opinions.policy.ts mayView), stated once as data so the repo can turn it into a WHERE clause.
 * - office staff and leaders: their region subtree;
 * - station staff: their station's cases;
 * - deputies: the cases they are responsible for and the cases of the stations they are grouped into;
 * - unit staff: the cases ever transferred to their unit, as lead or co unit.
 */
export type CaseScope =
  | { kind: 'region'; prefix: string }
  | { kind: 'station'; stationId: string | null }
  | { kind: 'deputy'; deputyIds: string[]; stationIds: string[] }
  | { kind: 'unit'; unitId: string | null }
  | { kind: 'none' };

export async function caseScopeOf(db: Executor, user: SessionUser): Promise<CaseScope> {
  switch (user.role) {
    case 'office_staff':
    case 'leader':
      return { kind: 'region', prefix: user.regionCode };
    case 'station_staff':
      return { kind: 'station', stationId: user.stationId };
    case 'deputy': {
      const deputyIds = await deputyIdsOfPerson(db, user.personId);
      return { kind: 'deputy', deputyIds, stationIds: await stationIdsOfDeputies(db, deputyIds) };
    }
    case 'unit_staff':
      return { kind: 'unit', unitId: user.organizationId };
    default:
      return { kind: 'none' };
  }
}
