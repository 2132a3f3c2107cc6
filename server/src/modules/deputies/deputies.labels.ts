import type { DeputyLevel, DeputyStatus, Gender } from './deputies.tables.js';

/** The Chinese words shown in exports and templates for each stored value. */
export const GENDER_LABEL: Record<Gender, string> = { male: '男', female: '女' };

export const LEVEL_LABEL: Record<DeputyLevel, string> = {
  national: '全国',
  provincial: '省',
  municipal: '市',
  county: '县',
  township: '乡镇',
};

export const STATUS_LABEL: Record<DeputyStatus, string> = {
  serving: '在任',
  ended: '任期届满',
  resigned: '辞职',
  recalled: '罢免',
  deceased: '去世',
};

/**
 * What people actually type into a roster for each value: offices use the short word, the full
 * title or the suffix-less form interchangeably, so each is accepted (after removing spaces).
 */
const GENDER_ALIASES: Record<Gender, string[]> = {
  male: ['男', '男性', 'male', 'm'],
  female: ['女', '女性', 'female', 'f'],
};

const LEVEL_ALIASES: Record<DeputyLevel, string[]> = {
  national: ['全国', '全国级', '国家级', '全国人大', '全国人大代表', 'national'],
  provincial: ['省', '省级', '省人大', '省人大代表', '自治区', '直辖市', '省(自治区、直辖市)', 'provincial'],
  municipal: ['市', '市级', '设区的市', '地级市', '地市', '自治州', '州', '市人大', '市人大代表', 'municipal'],
  county: ['县', '县级', '区', '县区', '县(区)', '县(市、区)', '县级市', '旗', '县人大代表', '区人大代表', 'county'],
  township: ['乡镇', '乡镇级', '乡', '镇', '苏木', '乡镇人大代表', '乡人大代表', '镇人大代表', 'township'],
};

const STATUS_ALIASES: Record<DeputyStatus, string[]> = {
  serving: ['在任', '现任', '正常', 'serving'],
  ended: ['任期届满', '届满', '离任', '已离任', '终止', '资格终止', 'ended'],
  resigned: ['辞职', '辞去代表职务', 'resigned'],
  recalled: ['罢免', '被罢免', 'recalled'],
  deceased: ['去世', '逝世', '死亡', '病故', 'deceased'],
};

const normalizeWord = (s: string) =>
  s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, '、').toLowerCase();

function lookup<T extends string>(aliases: Record<T, string[]>): (input: string) => T | undefined {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(aliases) as [T, string[]][]) {
    for (const w of words) map.set(normalizeWord(w), value);
  }
  return (input) => map.get(normalizeWord(input));
}

export const parseGender = lookup(GENDER_ALIASES);
export const parseLevel = lookup(LEVEL_ALIASES);
export const parseStatus = lookup(STATUS_ALIASES);

export const allowedWords = {
  gender: Object.values(GENDER_LABEL).join('、'),
  level: Object.values(LEVEL_LABEL).join('、'),
  status: Object.values(STATUS_LABEL).join('、'),
};

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A term as rosters write it: 16, "16", "第16届", "第十六届", "十六". Undefined when unreadable. */
export function parseTerm(input: string): number | undefined {
  const s = input.replace(/\s+/g, '').replace(/^第/, '').replace(/届$/, '');
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? DIGITS[tens] : undefined;
  return (tens ? (DIGITS[tens] as number) : 1) * 10 + (ones ? (DIGITS[ones] as number) : 0);
}
