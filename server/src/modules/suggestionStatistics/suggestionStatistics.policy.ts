import type { Role } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { forbidden } from '../../platform/errors.js';
import { inScope } from '../../platform/scope.js';
import type { Cohort } from './suggestionStatistics.metrics.js';

/**
 * Who sees the suggestions' figures (DESIGN §1): the office and the leaders of a region, for its
 * subtree; a unit account, for its own unit's part only (its row of the unit breakdown, and its
 * figures by session, year, category and delegation); deputies see none. The year-end evaluation is
 * the office's: it keeps the scoring sheets; office staff and leaders enter reviewers' scores.
 */
export const suggestionStatisticsAccess = {
  read: ['office_staff', 'leader', 'unit_staff'],
  awardsRead: ['office_staff', 'leader'],
  awardsSheet: ['office_staff'],
  awardsScore: ['office_staff', 'leader'],
} satisfies Record<string, readonly Role[]>;

/** The account's scope applied to the filters asked for; refuses what lies outside it. */
export function scopedCohort(user: SessionUser, asked: Cohort): Cohort {
  if (user.role === 'unit_staff') {
    if (!user.organizationId) {
      throw forbidden({ zh: '您的账号未关联承办单位', en: 'Your account is not attached to a unit' });
    }
    if (asked.unitId && asked.unitId !== user.organizationId) {
      throw forbidden({ zh: '承办单位只能查看本单位的统计', en: "A unit sees its own unit's figures only" });
    }
    return { ...asked, unitId: user.organizationId };
  }
  const regionCode = asked.regionCode ?? user.regionCode;
  if (!inScope(user, regionCode)) {
    throw forbidden({ zh: '该区域不在您的管辖范围内', en: 'This region is outside your scope' });
  }
  return { ...asked, regionCode };
}
