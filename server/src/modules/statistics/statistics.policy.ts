import type { Role } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { badRequest, forbidden } from '../../platform/errors.js';
import { inScope } from '../../platform/scope.js';
import type { Dimension } from './statistics.schema.js';

/**
 * Who sees the opinion statistics (DESIGN §1): the office and the leaders of a region see its
 * subtree; a unit account sees the cases transferred to its unit (lead or co), wherever they came
 * from — the same cases its case list shows — by month, category and channel.
 */
export const statisticsAccess = {
  read: ['office_staff', 'leader', 'unit_staff'],
} satisfies Record<string, readonly Role[]>;

export interface StatisticsScope {
  /** The region prefix the figures cover ('' = everywhere). */
  regionCode: string;
  /** Where the account's view starts: the top of the drill-down. */
  rootCode: string;
  /** For a unit account, its unit: only that unit's cases count. */
  unitId: string | null;
}

export function statisticsScope(user: SessionUser, requested: string | undefined): StatisticsScope {
  if (user.role === 'unit_staff') {
    if (!user.organizationId) {
      throw forbidden({ zh: '您的账号未关联承办单位', en: 'Your account is not attached to a unit' });
    }
    if (requested) {
      throw badRequest('UNIT_STATISTICS_NOT_BY_REGION', {
        zh: '承办单位账号统计的是本单位承办的全部意见，不按区域筛选',
        en: "A unit account's figures cover all of its unit's cases: they are not filtered by region",
      });
    }
    return { regionCode: '', rootCode: '', unitId: user.organizationId };
  }
  const regionCode = requested ?? user.regionCode;
  if (!inScope(user, regionCode)) {
    throw forbidden({ zh: '该区域不在您的管辖范围内', en: 'This region is outside your scope' });
  }
  return { regionCode, rootCode: user.regionCode, unitId: null };
}

/** The dimensions a unit's own figures are kept by (migration 0007: a unit's slice of the cells). */
export const UNIT_DIMENSIONS: readonly Dimension[] = ['month', 'category', 'channel'];

export const dimensionsFor = (scope: StatisticsScope): readonly Dimension[] =>
  scope.unitId ? UNIT_DIMENSIONS : ['region', 'station', 'deputy', 'unit', 'category', 'channel', 'month'];

export function assertDimension(scope: StatisticsScope, dimension: Dimension): void {
  if (!dimensionsFor(scope).includes(dimension)) {
    throw badRequest('DIMENSION_NOT_FOR_UNIT', {
      zh: '承办单位账号可按月份、类别或渠道统计',
      en: 'A unit account has its figures by month, category or channel',
    });
  }
}
