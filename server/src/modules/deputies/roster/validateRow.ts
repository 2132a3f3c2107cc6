import type { Text } from '../../../platform/i18n.js';
import { isValidIdNumber, PHONE_RE } from '../../../platform/ids.js';
import { allowedWords, parseGender, parseLevel, parseStatus, parseTerm } from '../deputies.labels.js';
import {
  checkCongressRegion,
  checkStatusDates,
  congressRegionOf,
  levelWord,
  normalizeIdNumber,
  normalizePhone,
  reconcileWithIdNumber,
  type StatusDates,
} from '../deputies.rules.js';
import type { DeputyLevel, DeputyStatus, Gender, ImportError } from '../deputies.tables.js';
import { columnOf, EXAMPLE_ID, EXAMPLE_NAME, type RosterKey } from './columns.js';
import type { Cell, RawRow } from './readRoster.js';
import type { RegionResolver } from './regionResolver.js';

/** A roster row that passed every check, ready to store. */
export interface RosterRecord {
  row: number;
  name: string;
  gender: Gender;
  birthDate: string;
  ethnicity: string | null;
  party: string | null;
  education: string | null;
  occupationCategory: string | null;
  occupation: string | null;
  phone: string | null;
  idNumber: string;
  level: DeputyLevel;
  term: number;
  regionCode: string;
  congressRegionCode: string;
  delegation: string | null;
  constituency: string | null;
  deputyGroup: string | null;
  status: DeputyStatus;
  startedOn: string | null;
  endedOn: string | null;
  statusChangedOn: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const utcDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Cell → trimmed text; dates as YYYY-MM-DD; '' for empty. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return utcDate(c);
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  return String(c).trim();
}

function realDate(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return utcDate(dt);
}

/** Dates as Excel stores them (a date cell or a serial number) or as people type them. */
export function parseDateCell(c: Cell | undefined): string | undefined {
  if (c instanceof Date) return realDate(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate());
  if (typeof c === 'number') {
    if (c >= 19_000_101 && c <= 21_001_231 && Number.isInteger(c)) return parseDateCell(String(c));
    // Excel's serial day count from 1899-12-30.
    if (c > 0 && c < 80_000) return utcDate(new Date(Math.round((c - 25_569) * 86_400_000)));
    return undefined;
  }
  const s = cellText(c);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? realDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * Checks one roster row completely — every bad cell is reported, not only the first — and returns
 * the stored form when it is good.
 */
export function validateRow(raw: RawRow, regions: RegionResolver): { record?: RosterRecord; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const fail = (key: RosterKey, text: Text) =>
    errors.push({ row: raw.row, column: columnOf(key).header, message: text.zh, messageEn: text.en });
  const cell = (key: RosterKey) => raw.cells[key];

  const text = (key: RosterKey): string | null => {
    const col = columnOf(key);
    const v = cellText(cell(key));
    if (!v) {
      if (col.required) fail(key, { zh: `${col.header}不能为空`, en: `${col.headerEn} is required` });
      return null;
    }
    if (col.max && [...v].length > col.max) {
      fail(key, { zh: `${col.header}不能超过 ${col.max} 个字符`, en: `${col.headerEn} is limited to ${col.max} characters` });
      return null;
    }
    return v;
  };
  const date = (key: RosterKey): string | null => {
    if (!cellText(cell(key))) return null;
    const d = parseDateCell(cell(key));
    if (!d)
      fail(key, {
        zh: `${columnOf(key).header}「${cellText(cell(key))}」不是有效日期（如 2021-11-20）`,
        en: `${columnOf(key).headerEn} is not a valid date (e.g. 2021-11-20)`,
      });
    return d ?? null;
  };
  const word = <T>(key: RosterKey, parse: (s: string) => T | undefined, allowed: string): T | null => {
    const v = cellText(cell(key));
    if (!v) return null;
    const parsed = parse(v);
    if (parsed === undefined) {
      fail(key, {
        zh: `${columnOf(key).header}「${v}」无法识别，应为：${allowed}`,
        en: `${columnOf(key).headerEn} "${v}" is not one of: ${allowed}`,
      });
    }
    return parsed ?? null;
  };

  const name = text('name');
  const genderGiven = word('gender', parseGender, allowedWords.gender);
  const birthGiven = date('birthDate');
  const ethnicity = text('ethnicity');
  const party = text('party');
  const education = text('education');
  const occupationCategory = text('occupationCategory');
  const occupation = text('occupation');

  let phone: string | null = null;
  const phoneText = text('phone');
  if (phoneText) {
    phone = normalizePhone(phoneText);
    if (!PHONE_RE.test(phone))
      fail('phone', { zh: `手机号码「${phoneText}」格式不正确`, en: `Phone "${phoneText}" is not a valid number` });
  }

  let idNumber: string | null = null;
  const idCell = cell('idNumber');
  if (typeof idCell === 'number' && idCell > 1e15) {
    fail('idNumber', {
      zh: '身份证号被 Excel 存成了数字，末几位已丢失；请将该列设为“文本”格式后重新填写',
      en: 'Excel stored the ID number as a number and lost its last digits; format the column as Text and enter it again',
    });
  } else {
    const idText = text('idNumber');
    if (idText) {
      idNumber = normalizeIdNumber(idText);
      if (!isValidIdNumber(idNumber)) {
        fail('idNumber', {
          zh: `身份证号「${idText}」不正确（18 位，校验码须符合 GB 11643）`,
          en: `ID number "${idText}" is not valid (GB 11643 check failed)`,
        });
        idNumber = null;
      }
    }
  }

  const level = word('level', parseLevel, allowedWords.level);
  if (!level && !cellText(cell('level'))) fail('level', { zh: '代表层级不能为空', en: 'Level is required' });

  let term: number | null = null;
  const termCell = cell('term');
  if (!cellText(termCell)) fail('term', { zh: '届次不能为空', en: 'Term is required' });
  else {
    const t = typeof termCell === 'number' ? termCell : parseTerm(cellText(termCell));
    if (t === undefined || !Number.isInteger(t) || t < 1 || t > 99) {
      fail('term', {
        zh: `届次「${cellText(termCell)}」应为 1–99 的整数`,
        en: `Term "${cellText(termCell)}" must be a whole number from 1 to 99`,
      });
    } else term = t;
  }

  let regionCode: string | null = null;
  const regionText = text('region');
  if (regionText) {
    const r = regions.resolve(regionText);
    if ('error' in r) fail('region', r.error);
    else regionCode = r.region.code;
  }

  const delegation = text('delegation');
  const constituency = text('constituency');
  const deputyGroup = text('deputyGroup');
  const status = word('status', parseStatus, allowedWords.status) ?? (cellText(cell('status')) ? null : 'serving');
  const startedOn = date('startedOn');
  const endedOn = date('endedOn');

  let congressRegionCode: string | null = null;
  if (level && regionCode) {
    congressRegionCode = congressRegionOf(level, regionCode) ?? null;
    const v = checkCongressRegion(level, regionCode, congressRegionCode ?? '');
    const congress = congressRegionCode ? regions.congress(congressRegionCode) : undefined;
    if (v) fail('region', v.text);
    else if (!congress || congress.isGrouping) {
      fail('region', {
        zh: `${congress?.name ?? congressRegionCode} 没有${levelWord(level)}，请检查代表层级和所在地区`,
        en: `${congressRegionCode} has no ${level} congress; check the level and the region`,
      });
    }
  }

  if (idNumber === EXAMPLE_ID && name === EXAMPLE_NAME) {
    errors.push({
      row: raw.row,
      message: '这是导入模板中的示例行，请删除后再导入',
      messageEn: "This is the template's example row; delete it before importing",
    });
  }

  let gender: Gender | null = genderGiven;
  let birthDate = birthGiven;
  if (idNumber) {
    const facts = reconcileWithIdNumber(idNumber, { gender: genderGiven, birthDate: birthGiven });
    for (const v of facts.violations) fail(v.field === 'gender' ? 'gender' : 'birthDate', v.text);
    gender = facts.gender;
    birthDate = facts.birthDate;
  }

  let dates: StatusDates | null = null;
  if (status) {
    // A roster records history: a mandate that ended changed its status on its end date.
    dates = { status, startedOn, endedOn, statusChangedOn: status === 'serving' ? null : endedOn };
    const v = checkStatusDates(dates);
    if (v) fail('endedOn', v.text);
  }

  if (
    errors.length ||
    !name ||
    !idNumber ||
    !level ||
    !term ||
    !regionCode ||
    !congressRegionCode ||
    !gender ||
    !birthDate ||
    !status ||
    !dates
  ) {
    return { errors };
  }
  return {
    errors,
    record: {
      row: raw.row,
      name,
      gender,
      birthDate,
      ethnicity,
      party,
      education,
      occupationCategory,
      occupation,
      phone,
      idNumber,
      level,
      term,
      regionCode,
      congressRegionCode,
      delegation,
      constituency,
      deputyGroup,
      ...dates,
    },
  };
}
