import type { Executor } from '../../db/client.js';
import { unauthenticated } from '../../platform/auth/plugin.js';
import type { Role } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, badRequest, conflict } from '../../platform/errors.js';
import { inScope } from '../../platform/scope.js';
import { assertManages } from './users.policy.js';
import { findOrganization, findPerson, findStation, personHasAccount, regionExists } from './users.repo.js';

export type ActorContext = RequestContext & { user: SessionUser };

export function actorContext(ctx: RequestContext): ActorContext {
  if (!ctx.user) throw unauthenticated();
  return ctx as ActorContext;
}

export interface AccountScope {
  regionCode: string;
  organizationId: string | null;
  stationId: string | null;
  personId: string | null;
}

/** Which link each role needs: a unit account acts for its unit, a station account for its station, a deputy is a person. */
const ORGANIZATION_RULE: Partial<Record<Role, 'required' | 'optional'>> = {
  unit_staff: 'required',
  office_staff: 'optional',
  leader: 'optional',
};

const outsideRegion = (zh: string, en: string) =>
  badRequest('OUTSIDE_ACCOUNT_REGION', { zh: `${zh}不在账号的管辖区域内`, en: `The ${en} lies outside the account's region` });

/**
 * Checks that a role and its scope fit together and that everything named exists, is in use and lies
 * inside the account's region; the account's region must lie inside the acting administrator's.
 * Returns the scope to store, with the links the role does not use set to null.
 */
export async function checkAccountScope(
  db: Executor,
  actor: SessionUser,
  role: Role,
  scope: { regionCode: string; organizationId?: string | null; stationId?: string | null; personId?: string | null },
  accountId?: string,
): Promise<AccountScope> {
  const regionCode = scope.regionCode;
  assertManages(actor, { regionCode });
  if (regionCode !== '' && !(await regionExists(db, regionCode))) {
    throw badRequest('REGION_NOT_FOUND', { zh: `行政区划 ${regionCode} 不存在`, en: `Region ${regionCode} does not exist` });
  }
  const account = { regionCode };

  const organizationId = scope.organizationId ?? null;
  const orgRule = ORGANIZATION_RULE[role];
  if (orgRule === 'required' && !organizationId) {
    throw badRequest('ORGANIZATION_REQUIRED', {
      zh: '承办单位账号必须指定所属单位',
      en: 'A unit account needs its organization',
    });
  }
  if (!orgRule && organizationId) {
    throw badRequest('ORGANIZATION_NOT_ALLOWED', {
      zh: '该角色的账号不能指定组织',
      en: 'Accounts of this role are not attached to an organization',
    });
  }
  if (organizationId) {
    const org = await findOrganization(db, organizationId);
    if (!org) throw badRequest('ORGANIZATION_NOT_FOUND', { zh: '所选组织不存在', en: 'The organization does not exist' });
    if (org.status !== 'active')
      throw badRequest('ORGANIZATION_INACTIVE', { zh: '所选组织已停用', en: 'The organization is inactive' });
    const wanted = role === 'unit_staff' ? 'unit' : 'congress';
    if (org.category !== wanted) {
      throw role === 'unit_staff'
        ? badRequest('ORGANIZATION_NOT_UNIT', { zh: '所选组织不是承办单位', en: 'The organization is not a handling unit' })
        : badRequest('ORGANIZATION_NOT_CONGRESS', {
            zh: '该角色只能归属人大机关',
            en: 'Accounts of this role belong to a congress body',
          });
    }
    if (!inScope(account, org.regionCode)) throw outsideRegion('所选组织', 'organization');
  }

  const stationId = scope.stationId ?? null;
  if (role === 'station_staff' && !stationId) {
    throw badRequest('STATION_REQUIRED', { zh: '联络员账号必须指定联络站', en: 'A station account needs its station' });
  }
  if (role !== 'station_staff' && stationId) {
    throw badRequest('STATION_NOT_ALLOWED', {
      zh: '只有联络员账号可以指定联络站',
      en: 'Only station accounts are attached to a station',
    });
  }
  if (stationId) {
    const station = await findStation(db, stationId);
    if (!station) throw badRequest('STATION_NOT_FOUND', { zh: '所选联络站不存在', en: 'The station does not exist' });
    if (station.status !== 'active')
      throw badRequest('STATION_INACTIVE', { zh: '所选联络站已停用', en: 'The station is inactive' });
    if (!inScope(account, station.regionCode)) throw outsideRegion('所选联络站', 'station');
  }

  const personId = scope.personId ?? null;
  if (role === 'deputy' && !personId) {
    throw badRequest('PERSON_REQUIRED', { zh: '代表账号必须关联代表本人', en: 'A deputy account needs its person' });
  }
  if (role !== 'deputy' && personId) {
    throw badRequest('PERSON_NOT_ALLOWED', {
      zh: '只有代表账号可以关联人员',
      en: 'Only deputy accounts are attached to a person',
    });
  }
  if (personId) {
    const person = await findPerson(db, personId);
    if (!person) throw badRequest('PERSON_NOT_FOUND', { zh: '所选人员不存在', en: 'The person does not exist' });
    if (!inScope(account, person.regionCode)) throw outsideRegion('所选人员', 'person');
    if (await personHasAccount(db, personId, accountId)) {
      throw conflict('PERSON_HAS_ACCOUNT', { zh: '该代表已有账号', en: 'This person already has an account' });
    }
  }
  return { regionCode, organizationId, stationId, personId };
}

export const usernameTakenError = (username: string) =>
  conflict('USERNAME_TAKEN', { zh: `用户名“${username}”已被使用`, en: `The username “${username}” is already taken` });

export const userNotFound = () => new AppError(404, 'NOT_FOUND', { zh: '账号不存在', en: 'Account not found' });
