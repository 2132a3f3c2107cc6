import type { Text } from '../../platform/i18n.js';

interface RuleFacts {
  regionCode: string;
  regionName: string | null;
  categoryName: string;
  parentCategory: boolean;
}

/** Why a routing rule proposes a unit, in words an office clerk can check against the rule table. */
export function ruleReason(rule: RuleFacts, similarCount: number): Text {
  const region = rule.regionName ?? rule.regionCode;
  const zhCategory = rule.parentCategory ? `上级分类“${rule.categoryName}”` : `“${rule.categoryName}”类`;
  const enCategory = rule.parentCategory ? `the parent category "${rule.categoryName}"` : `"${rule.categoryName}"`;
  const text: Text = {
    zh: `承办规则：${region}${zhCategory}意见默认由该单位承办`,
    en: `Routing rule: ${region} sends cases of ${enCategory} to this unit`,
  };
  if (similarCount > 0) {
    const similar = similarReason(similarCount);
    return { zh: `${text.zh}；${similar.zh}`, en: `${text.en}; ${similar.en.charAt(0).toLowerCase()}${similar.en.slice(1)}` };
  }
  return text;
}

export function similarReason(count: number): Text {
  return {
    zh: `近期主办过 ${count} 件相似意见`,
    en: `Led ${count} similar recent ${count === 1 ? 'case' : 'cases'}`,
  };
}
