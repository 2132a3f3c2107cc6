import type { Executor } from '../../db/client.js';
import type { Role } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { AppError, forbidden } from '../../platform/errors.js';
import type { Text } from '../../platform/i18n.js';
import { inScope } from '../../platform/scope.js';
import { deputyIdsOfPerson, membersAmong, stationIdsOfDeputies } from './opinions.parties.repo.js';
import { isUnitOfCase, type OpinionRow } from './opinions.repo.js';
import { type Actor, availableActions, type OpinionAction, type TransitionInput } from './opinions.workflow.js';

/**
 * Who may do what with a constituent's case (DESIGN §1, §7). The route lists say which roles may call
 * a route at all; the facts below say whether this account may touch this case: the office and
 * leaders within their region subtree, the station's staff, the deputies of the station (the
 * responsible deputy acts), the units it was transferred to (the lead unit acts).
 */
export const opinionAccess = {
  intake: ['station_staff', 'deputy', 'office_staff'],
  read: ['deputy', 'station_staff', 'office_staff', 'unit_staff', 'leader'],
  transition: ['deputy', 'station_staff', 'office_staff', 'unit_staff'],
  urge: ['office_staff', 'leader'],
  supervise: ['leader'],
  requestExtension: ['unit_staff'],
  decideExtension: ['office_staff'],
  receptionsRead: ['deputy', 'station_staff', 'office_staff', 'leader'],
  receptionsWrite: ['deputy', 'station_staff', 'office_staff'],
  /** A constituent's data, found by phone, exported and erased (opinions.person.ts): the office of the region. */
  person: ['office_staff'],
  /** Publishing a closed case with the constituent's consent, redacted (opinions.publication.ts). */
  publish: ['office_staff'],
} satisfies Record<string, readonly Role[]>;

/** What the account is to this case. */
export interface CaseFacts {
  role: Role;
  inRegion: boolean;
  atStation: boolean;
  /** A deputy grouped into the case's station. */
  stationDeputy: boolean;
  /** The case's first responsible deputy (or, while none is named, a deputy of its station). */
  responsibleDeputy: boolean;
  leadUnit: boolean;
  /** Any unit the case was ever transferred to, lead or co. */
  caseUnit: boolean;
}

type CaseRef = Pick<OpinionRow, 'id' | 'regionCode' | 'stationId' | 'responsibleDeputyId' | 'leadUnitId'>;

export async function caseFacts(db: Executor, user: SessionUser, row: CaseRef): Promise<CaseFacts> {
  const facts: CaseFacts = {
    role: user.role,
    inRegion: inScope(user, row.regionCode),
    atStation: user.role === 'station_staff' && !!user.stationId && user.stationId === row.stationId,
    stationDeputy: false,
    responsibleDeputy: false,
    leadUnit: user.role === 'unit_staff' && !!user.organizationId && user.organizationId === row.leadUnitId,
    caseUnit: false,
  };
  if (user.role === 'deputy') {
    const mine = await deputyIdsOfPerson(db, user.personId);
    facts.stationDeputy = !!row.stationId && (await membersAmong(db, row.stationId, mine)).length > 0;
    facts.responsibleDeputy = row.responsibleDeputyId ? mine.includes(row.responsibleDeputyId) : facts.stationDeputy;
  }
  if (user.role === 'unit_staff' && user.organizationId) {
    facts.caseUnit = facts.leadUnit || (await isUnitOfCase(db, row.id, user.organizationId));
  }
  return facts;
}

/** Whether the account may open the case at all. */
export function mayView(f: CaseFacts): boolean {
  switch (f.role) {
    case 'office_staff':
    case 'leader':
      return f.inRegion;
    case 'station_staff':
      return f.atStation;
    case 'deputy':
      return f.responsibleDeputy || f.stationDeputy;
    case 'unit_staff':
      return f.caseUnit;
    default:
      return false;
  }
}

export function assertMayView(f: CaseFacts): void {
  if (!mayView(f)) throw forbidden({ zh: '您无权查看该意见', en: 'You may not see this opinion' });
}

/**
 * The constituent's name, phone and address: the office of the region and the responsible deputy
 * contact the constituent; the units see them only when the constituent agreed to share them.
 */
export function seesPersonalData(f: CaseFacts, row: Pick<OpinionRow, 'consentShare'>): boolean {
  if (f.role === 'office_staff') return f.inRegion;
  if (f.role === 'deputy') return f.responsibleDeputy;
  if (f.role === 'unit_staff') return f.caseUnit && row.consentShare;
  return false;
}

/** Why this account may not act on the case, whatever the action (403); null when it may. */
export function actingRefusal(f: CaseFacts): Text | null {
  switch (f.role) {
    case 'office_staff':
    case 'leader':
      return f.inRegion ? null : { zh: '该意见不在您的管辖区域内', en: 'This opinion is outside your region' };
    case 'station_staff':
      return f.atStation
        ? null
        : { zh: '只有本联络站的联络员可以处理', en: 'Only staff of this station may act on this opinion' };
    case 'deputy':
      return f.responsibleDeputy
        ? null
        : { zh: '只有该意见的第一责任人代表可以处理', en: 'Only the responsible deputy may act on this opinion' };
    case 'unit_staff':
      return f.leadUnit ? null : { zh: '只有主办单位可以办理该意见', en: 'Only the lead unit may act on this opinion' };
    default:
      return { zh: '您的角色不能处理群众意见', en: 'Your role may not act on opinions' };
  }
}

export function assertMayAct(f: CaseFacts): void {
  const refusal = actingRefusal(f);
  if (refusal) throw new AppError(403, 'FORBIDDEN', refusal);
}

/** The guard facts the workflow needs about the actor. */
export const guardInput = (f: CaseFacts): TransitionInput => ({
  actorIsResponsibleDeputy: f.responsibleDeputy,
  actorAtStation: f.atStation,
  actorIsLeadUnit: f.leadUnit,
});

/** The buttons the case page offers this account: the workflow's actions, if it may act here at all. */
export function actionsFor(f: CaseFacts, state: OpinionRow['state']): OpinionAction[] {
  if (actingRefusal(f)) return [];
  return availableActions(state, f.role as Actor);
}

/** Beside the state: what the account may do on the case page. */
export function sideActionsFor(f: CaseFacts, row: Pick<OpinionRow, 'state'>, open: boolean) {
  return {
    urge: open && (f.role === 'office_staff' || f.role === 'leader') && f.inRegion,
    supervise: open && f.role === 'leader' && f.inRegion,
    requestExtension: f.role === 'unit_staff' && f.leadUnit && (row.state === 'transferred' || row.state === 'handling'),
    decideExtension: open && f.role === 'office_staff' && f.inRegion,
  };
}

/** The stations a deputy account works at, for lists of receptions and cases. */
export async function stationsOfDeputyAccount(db: Executor, user: SessionUser): Promise<string[]> {
  return stationIdsOfDeputies(db, await deputyIdsOfPerson(db, user.personId));
}
