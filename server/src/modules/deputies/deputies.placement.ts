import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { AppError, badRequest } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n.js';
import { assertMayPlaceIn } from './deputies.policy.js';
import { regionsByCodes } from './deputies.repo.js';
import { checkCongressRegion, congressRegionOf, levelWord, type RuleViolation } from './deputies.rules.js';
import type { DeputyLevel } from './deputies.tables.js';

/** A broken rule as a 400 whose issues name the field, like a schema error does. */
export const ruleError = (v: RuleViolation, locale: Locale) =>
  badRequest('VALIDATION', v.text, { issues: [{ path: v.field, message: v.text[locale] }] });

/**
 * Where a mandate sits: the region it serves (inside the account's subtree, and a real region) and
 * the congress it belongs to (given, or derived from the level; a real congress, not a grouping).
 */
export async function resolvePlacement(
  db: Executor,
  user: SessionUser,
  locale: Locale,
  p: { level: DeputyLevel; regionCode: string; congressRegionCode?: string | null },
): Promise<{ congressRegionCode: string }> {
  assertMayPlaceIn(user, p.regionCode);
  const congressRegionCode = p.congressRegionCode ?? congressRegionOf(p.level, p.regionCode) ?? '';
  const violation = checkCongressRegion(p.level, p.regionCode, congressRegionCode);
  if (violation) throw ruleError(violation, locale);
  const found = await regionsByCodes(db, [p.regionCode, congressRegionCode]);
  if (!found.has(p.regionCode)) {
    const text = { zh: `行政区划代码 ${p.regionCode} 不存在`, en: `No region has the code ${p.regionCode}` };
    throw new AppError(400, 'UNKNOWN_REGION', text, { issues: [{ path: 'regionCode', message: text[locale] }] });
  }
  const congress = found.get(congressRegionCode);
  if (!congress || congress.isGrouping) {
    throw ruleError(
      {
        field: 'congressRegionCode',
        text: {
          zh: `${congress?.name ?? congressRegionCode} 没有${levelWord(p.level)}，请检查代表层级和所在地区`,
          en: `${congressRegionCode} has no ${p.level} congress; check the level and the region`,
        },
      },
      locale,
    );
  }
  return { congressRegionCode };
}
