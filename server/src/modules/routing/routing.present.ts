import type { Locale } from '../../platform/i18n.js';
import type { RuleWithNames, UnitSuggestion } from './routing.repo.js';
import type { RuleItem, SuggestionItem } from './routing.schema.js';

export function toRuleItem(r: RuleWithNames): RuleItem {
  return {
    id: r.rule.id,
    categoryId: r.rule.categoryId,
    categoryCode: r.categoryCode,
    categoryName: r.categoryName,
    categoryNameEn: r.categoryNameEn,
    regionCode: r.rule.regionCode,
    regionName: r.regionName,
    unitId: r.rule.unitId,
    unitName: r.unitName,
    unitRegionCode: r.unitRegionCode,
    unitStatus: r.unitStatus,
    validFrom: r.rule.validFrom.toISOString(),
    validTo: r.rule.validTo?.toISOString() ?? null,
    current: r.rule.validTo === null,
    createdBy: r.rule.createdBy,
    createdByName: r.createdByName,
    endedBy: r.rule.endedBy,
    endedByName: r.endedByName,
  };
}

export function toSuggestionItem(s: UnitSuggestion, locale: Locale): SuggestionItem {
  return {
    unitId: s.unitId,
    unitName: s.unitName,
    unitRegionCode: s.unitRegionCode,
    source: s.source,
    reason: s.reason[locale],
    rule: s.rule,
    similar: s.similar ? { ...s.similar, lastReceivedAt: s.similar.lastReceivedAt.toISOString() } : null,
  };
}
