import type { Text } from '../../../platform/i18n.js';
import type { RegionInfo } from '../deputies.repo.js';

/**
 * Turns what a roster says about a region — a code, a 12-digit statistical code, or a name — into a
 * region of the importer's subtree. Names repeat across the country (新华街道), so a name must be
 * unique inside the subtree; otherwise the row asks for the code.
 */
export class RegionResolver {
  private readonly byCode = new Map<string, RegionInfo>();
  private readonly byName = new Map<string, RegionInfo[]>();
  /** The scope's own ancestors: congresses above the importer (a provincial congress for a city office). */
  private readonly above = new Map<string, RegionInfo>();

  constructor(inScope: RegionInfo[], ancestors: RegionInfo[]) {
    for (const r of inScope) {
      this.byCode.set(r.code, r);
      const list = this.byName.get(r.name);
      if (list) list.push(r);
      else this.byName.set(r.name, [r]);
    }
    for (const r of ancestors) this.above.set(r.code, r);
  }

  resolve(input: string): { region: RegionInfo } | { error: Text } {
    const s = input.replace(/\s+/g, '');
    if (/^\d+$/.test(s)) {
      const region = this.byCode.get(s) ?? this.byCode.get(trimStatisticalCode(s));
      if (region) return { region };
      return {
        error: {
          zh: `行政区划代码 ${s} 不存在或不在您的管辖范围内`,
          en: `Region code ${s} does not exist or is outside your region`,
        },
      };
    }
    const found = this.byName.get(s) ?? [];
    if (found.length === 1) return { region: found[0]! };
    if (found.length > 1) {
      const codes = found
        .slice(0, 5)
        .map((r) => r.code)
        .join('、');
      return {
        error: {
          zh: `地区名称「${s}」在您的管辖范围内有 ${found.length} 个（${codes}），请填写行政区划代码`,
          en: `${found.length} regions named "${s}" exist in your region (${codes}); enter the region code`,
        },
      };
    }
    return {
      error: {
        zh: `找不到地区「${s}」，或它不在您的管辖范围内`,
        en: `No region named "${s}" in your region`,
      },
    };
  }

  /** A congress region: inside the subtree or one of its ancestors. */
  congress(code: string): RegionInfo | undefined {
    return this.byCode.get(code) ?? this.above.get(code);
  }
}

/** 230102000000 (the 12-digit statistical form) → 230102. */
function trimStatisticalCode(code: string): string {
  if (code.length !== 12) return code;
  for (const len of [9, 6, 4, 2]) {
    if (/^0+$/.test(code.slice(len))) return code.slice(0, len);
  }
  return code;
}

/** The codes of the scope's ancestors (2301 → 23). */
export function ancestorCodes(scope: string): string[] {
  return [2, 4, 6, 9].filter((n) => n < scope.length).map((n) => scope.slice(0, n));
}
