import type { Role } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { forbidden } from '../../platform/errors.js';
import { inScope } from '../../platform/scope.js';

/**
 * Who may supervise and publish (DESIGN §1: leaders do key supervision; the office urges, supervises,
 * publishes and reports). Both act in their region subtree only. A unit sees the urgings addressed to
 * it and reports progress on its own assignments; the administrators (auditor included) see nothing.
 */
export const supervisionAccess = {
  /** Mark key items, keep topics, urge, record meetings, read all of it. */
  supervise: ['office_staff', 'leader'],
  /** Progress reports and urgings: the unit's own, besides the supervising side. */
  unitFacing: ['office_staff', 'leader', 'unit_staff'],
  publish: ['office_staff'],
  report: ['office_staff', 'leader'],
} satisfies Record<string, readonly Role[]>;

export const SUPERVISING_ROLES: readonly Role[] = supervisionAccess.supervise;

export const isSupervisor = (user: Pick<SessionUser, 'role'>) => SUPERVISING_ROLES.includes(user.role);

/** 403 unless the account supervises and the record lies in its region subtree. */
export function assertSupervises(user: SessionUser, regionCode: string): void {
  if (!isSupervisor(user)) {
    throw forbidden({ zh: '只有代表工委和常委会领导可以督办', en: 'Only the office and leaders supervise' });
  }
  if (!inScope(user, regionCode)) {
    throw forbidden({ zh: '该记录不在您的管辖区域内', en: 'This record is outside your region' });
  }
}

export function assertPublishes(user: SessionUser, regionCode: string): void {
  if (user.role !== 'office_staff') {
    throw forbidden({ zh: '只有代表工委可以公开答复', en: 'Only the office publishes replies' });
  }
  if (!inScope(user, regionCode)) {
    throw forbidden({ zh: '该记录不在您的管辖区域内', en: 'This record is outside your region' });
  }
}
