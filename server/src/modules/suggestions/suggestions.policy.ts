import type { Executor } from '../../db/client.js';
import { BUSINESS_ROLES, type Role } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { AppError, forbidden } from '../../platform/errors.js';
import type { Text } from '../../platform/i18n.js';
import { assertInScope, inScope } from '../../platform/scope.js';
import { cosignerAmong, findOrganization, isAssignedUnit, mandatesOfPerson } from './suggestions.parties.repo.js';
import type { SuggestionRow } from './suggestions.repo.js';
import type { CosignerStatus } from './suggestions.tables.js';
import { type Actor, availableActions, type SuggestionAction, type TransitionInput } from './suggestions.workflow.js';

/**
 * Who may do what with congresses and with deputies' suggestions (DESIGN §1, §7). The route lists say
 * which roles may call a route at all; the facts below say whether this account may touch this
 * suggestion: its lead deputy (every change before review is theirs), the deputies invited to co-sign
 * (they see it once it is sent to them, and answer), the office and leaders of the region once it is
 * submitted, a special committee for the motions referred to it, and later the units it is assigned to.
 */

/** Congresses, terms and sessions are settings: the office of the region keeps them, or a system administrator. */
export const congressAccess = {
  read: [...BUSINESS_ROLES, 'sysadmin'],
  write: ['office_staff', 'sysadmin'],
} satisfies Record<string, readonly Role[]>;

export const suggestionAccess = {
  read: ['deputy', 'office_staff', 'unit_staff', 'leader'],
  categories: ['deputy', 'office_staff', 'unit_staff', 'leader'],
  draft: ['deputy'],
  cosign: ['deputy'],
  check: ['deputy', 'office_staff'],
  transition: ['deputy', 'office_staff'],
} satisfies Record<string, readonly Role[]>;

export function assertMayConfigure(user: SessionUser, regionCode: string): void {
  assertInScope(user, regionCode);
}

/** What the account is to this suggestion. */
export interface SuggestionFacts {
  role: Role;
  inRegion: boolean;
  /** A deputy account holding the lead mandate. */
  lead: boolean;
  /** The account's invitation to co-sign, if any. */
  cosigner: { deputyId: string; status: CosignerStatus } | null;
  /** A unit account whose unit the suggestion was assigned to. */
  assignedUnit: boolean;
  /** An office account of a special committee: it acts only on the motions referred to it. */
  committeeAccount: boolean;
  ofCommittee: boolean;
}

type Ref = Pick<SuggestionRow, 'id' | 'regionCode' | 'leadDeputyId' | 'committeeId'>;

export async function suggestionFacts(db: Executor, user: SessionUser, row: Ref): Promise<SuggestionFacts> {
  const facts: SuggestionFacts = {
    role: user.role,
    inRegion: inScope(user, row.regionCode),
    lead: false,
    cosigner: null,
    assignedUnit: false,
    committeeAccount: false,
    ofCommittee: false,
  };
  if (user.role === 'deputy') {
    const mine = (await mandatesOfPerson(db, user.personId)).map((m) => m.id);
    facts.lead = mine.includes(row.leadDeputyId);
    const invitation = await cosignerAmong(db, row.id, mine);
    if (invitation) facts.cosigner = { deputyId: invitation.deputyId, status: invitation.status };
  }
  if (user.role === 'unit_staff' && user.organizationId) {
    facts.assignedUnit = await isAssignedUnit(db, row.id, user.organizationId);
  }
  if (user.role === 'office_staff' && user.organizationId) {
    const org = await findOrganization(db, user.organizationId);
    facts.committeeAccount = org?.kind === 'special_committee';
    facts.ofCommittee = facts.committeeAccount && row.committeeId === user.organizationId;
  }
  return facts;
}

type Seen = Pick<SuggestionRow, 'submittedAt' | 'cosigningStartedAt' | 'state'>;

/** Whether the account may open the suggestion at all. Drafts stay the deputy's until sent out. */
export function mayView(f: SuggestionFacts, row: Seen): boolean {
  switch (f.role) {
    case 'deputy':
      return f.lead || (!!f.cosigner && (row.state !== 'draft' || row.cosigningStartedAt !== null));
    case 'office_staff':
    case 'leader':
      return f.inRegion && row.submittedAt !== null;
    case 'unit_staff':
      return f.assignedUnit;
    default:
      return false;
  }
}

export function assertMayView(f: SuggestionFacts, row: Seen): void {
  if (!mayView(f, row)) throw forbidden({ zh: '您无权查看该建议', en: 'You may not see this suggestion' });
}

const COMMITTEE_ACTIONS: readonly SuggestionAction[] = ['list', 'convert', 'not_list'];

/** Why this account may not take this action on the suggestion (403); null when it may. */
export function actingRefusal(f: SuggestionFacts, action: SuggestionAction): Text | null {
  switch (f.role) {
    case 'deputy':
      return f.lead ? null : { zh: '只有领衔代表可以进行此操作', en: 'Only the lead deputy may do this' };
    case 'office_staff':
      if (!f.inRegion) return { zh: '该建议不在您的管辖区域内', en: 'This suggestion is outside your region' };
      if (f.committeeAccount && !(COMMITTEE_ACTIONS.includes(action) && f.ofCommittee)) {
        return {
          zh: '专门委员会只能审议交由本委员会的议案',
          en: 'A special committee acts only on the motions referred to it',
        };
      }
      return null;
    default:
      return { zh: '您的角色不能进行此操作', en: 'Your role may not do this' };
  }
}

export function assertMayAct(f: SuggestionFacts, action: SuggestionAction): void {
  const refusal = actingRefusal(f, action);
  if (refusal) throw new AppError(403, 'FORBIDDEN', refusal);
}

/** The guard facts the workflow needs about the actor. */
export const guardInput = (f: SuggestionFacts): TransitionInput => ({ actorIsLead: f.lead });

/** The buttons the suggestion page offers this account. */
export function actionsFor(f: SuggestionFacts, row: Pick<SuggestionRow, 'state' | 'kind'>): SuggestionAction[] {
  return availableActions(row.state, f.role as Actor, row.kind).filter((a) => actingRefusal(f, a) === null);
}

/** What the account may do beside the workflow: edit the draft, invite, answer an invitation. */
export function sideActionsFor(f: SuggestionFacts, row: Pick<SuggestionRow, 'state'>) {
  const leadEditing = f.role === 'deputy' && f.lead;
  return {
    edit: leadEditing && row.state === 'draft',
    invite: leadEditing && (row.state === 'draft' || row.state === 'cosigning'),
    attach: leadEditing && row.state === 'draft',
    answerInvitation: f.role === 'deputy' && !!f.cosigner && row.state === 'cosigning',
  };
}
