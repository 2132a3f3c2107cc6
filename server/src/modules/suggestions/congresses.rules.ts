import type { Text } from '../../platform/i18n.js';
import type { RegionLevel } from '../regions/regions.tables.js';
import type { CongressLevel } from './congresses.tables.js';

/**
 * Which regions have a people's congress, and how terms and sessions fit together. Pure: the
 * commands read the rows and ask these.
 */

const LEVEL_OF_REGION: Partial<Record<RegionLevel, CongressLevel>> = {
  province: 'provincial',
  city: 'municipal',
  county: 'county',
  township: 'township',
};

export type CongressLevelAnswer = { ok: true; level: CongressLevel } | { ok: false; text: Text };

/**
 * A province, a city, a county-level region and a town or township elect a people's congress. A
 * community does not; nor does a 街道 (the district's congress keeps a working committee there), nor a
 * statistical grouping such as 市辖区.
 */
export function congressLevelOf(region: { level: RegionLevel; isGrouping: boolean; name: string }): CongressLevelAnswer {
  const level = LEVEL_OF_REGION[region.level];
  if (!level || region.isGrouping) {
    return {
      ok: false,
      text: { zh: `${region.name}不设人民代表大会`, en: `${region.name} has no people's congress` },
    };
  }
  if (level === 'township' && /街道(办事处)?$/.test(region.name)) {
    return {
      ok: false,
      text: {
        zh: `${region.name}是街道，不设人民代表大会（由区人大常委会设街道工作委员会）`,
        en: `${region.name} is a subdistrict: it has no people's congress (the district's standing committee keeps a working committee there)`,
      },
    };
  }
  return { ok: true, level };
}

/** 10 deputies sign a motion, 5 in a township (DESIGN §3.2); each congress may set its own. */
export const defaultMotionMinSigners = (level: CongressLevel): number => (level === 'township' ? 5 : 10);

export const defaultCongressName = (regionName: string): string => `${regionName}人民代表大会`;

export interface DateSpan {
  from: string;
  /** Null: open-ended. */
  to: string | null;
}

/** Whether two spans of days share a day. */
export function overlaps(a: DateSpan, b: DateSpan): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

/** A session lies within its term. */
export function sessionOutsideTerm(
  session: { opensOn: string; closesOn: string },
  term: { number: number; startsOn: string; endsOn: string | null },
): Text | null {
  if (session.opensOn < term.startsOn || (term.endsOn !== null && session.closesOn > term.endsOn)) {
    const until = term.endsOn ?? '';
    return {
      zh: `会议日期须在第${term.number}届任期内（${term.startsOn} 至 ${until || '届满'}）`,
      en: `The session must fall within term ${term.number} (${term.startsOn} to ${until || 'its end'})`,
    };
  }
  return null;
}

/** 第16届人民代表大会第2次会议 / the 2nd session of the 16th congress. */
export function sessionLabel(termNumber: number, sessionNumber: number | null): Text {
  if (sessionNumber === null) return { zh: `第${termNumber}届闭会期间`, en: `Term ${termNumber}, recess` };
  return {
    zh: `第${termNumber}届人民代表大会第${sessionNumber}次会议`,
    en: `Term ${termNumber}, session ${sessionNumber}`,
  };
}

/**
 * Whether a suggestion may still be raised in this phase on `today`: a session's suggestions until
 * the session closes (after that, they belong to the recess), a recess suggestion while the term runs.
 */
export function phaseClosed(
  today: string,
  term: { number: number; startsOn: string; endsOn: string | null },
  session: { number: number; closesOn: string } | null,
): Text | null {
  if (session) {
    if (today > session.closesOn) {
      return {
        zh: `第${term.number}届第${session.number}次会议已于 ${session.closesOn} 闭幕，请作为闭会期间建议提出`,
        en: `Session ${session.number} of term ${term.number} closed on ${session.closesOn}: raise it as a recess suggestion`,
      };
    }
    return null;
  }
  if (today < term.startsOn || (term.endsOn !== null && today > term.endsOn)) {
    return {
      zh: `今天不在第${term.number}届任期内（${term.startsOn} 至 ${term.endsOn ?? '届满'}）`,
      en: `Today is outside term ${term.number} (${term.startsOn} to ${term.endsOn ?? 'its end'})`,
    };
  }
  return null;
}
