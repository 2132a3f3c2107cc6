import { withIdChecksum } from '../../../platform/ids.js';
import { allowedWords } from '../deputies.labels.js';

/** The columns of a deputy roster, in template order. Headers are what Chinese offices write. */
export const ROSTER_KEYS = [
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'party',
  'education',
  'occupationCategory',
  'occupation',
  'phone',
  'idNumber',
  'level',
  'term',
  'region',
  'delegation',
  'constituency',
  'deputyGroup',
  'status',
  'startedOn',
  'endedOn',
] as const;
export type RosterKey = (typeof ROSTER_KEYS)[number];

export interface RosterColumn {
  key: RosterKey;
  header: string;
  headerEn: string;
  required: boolean;
  /** Longest text accepted. */
  max?: number;
  /** Stored as text in the template, so Excel does not turn 18 digits into 4.1E+17. */
  text?: boolean;
  width: number;
  example: string | number;
  hint: string;
}

/** The template's example person: a row still holding it is refused, so the sample never lands in a registry. */
export const EXAMPLE_ID = withIdChecksum('23010219800315123');
export const EXAMPLE_NAME = '张三';

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { key: 'name', header: '姓名', headerEn: 'Name', required: true, max: 50, width: 12, example: EXAMPLE_NAME, hint: '必填' },
  {
    key: 'gender',
    header: '性别',
    headerEn: 'Gender',
    required: false,
    width: 8,
    example: '男',
    hint: `${allowedWords.gender}；可不填，按身份证号确定`,
  },
  { key: 'ethnicity', header: '民族', headerEn: 'Ethnicity', required: false, max: 20, width: 10, example: '汉族', hint: '' },
  {
    key: 'birthDate',
    header: '出生日期',
    headerEn: 'Birth date',
    required: false,
    width: 12,
    example: '1980-03-15',
    hint: '可不填，按身份证号确定',
  },
  {
    key: 'party',
    header: '党派',
    headerEn: 'Party',
    required: false,
    max: 50,
    width: 12,
    example: '中共党员',
    hint: '如 中共党员、民盟盟员、群众',
  },
  { key: 'education', header: '学历', headerEn: 'Education', required: false, max: 50, width: 12, example: '大学本科', hint: '' },
  {
    key: 'occupationCategory',
    header: '职业类别',
    headerEn: 'Occupation category',
    required: false,
    max: 50,
    width: 14,
    example: '企业负责人',
    hint: '',
  },
  {
    key: 'occupation',
    header: '工作单位及职务',
    headerEn: 'Occupation',
    required: false,
    max: 200,
    width: 30,
    example: '某某有限公司总经理',
    hint: '',
  },
  {
    key: 'phone',
    header: '手机号码',
    headerEn: 'Phone',
    required: false,
    max: 30,
    text: true,
    width: 14,
    example: '13800138000',
    hint: '手机或带区号的固定电话',
  },
  {
    key: 'idNumber',
    header: '身份证号',
    headerEn: 'ID number',
    required: true,
    max: 30,
    text: true,
    width: 22,
    example: EXAMPLE_ID,
    hint: '必填，18 位，请设为文本格式',
  },
  {
    key: 'level',
    header: '代表层级',
    headerEn: 'Level',
    required: true,
    width: 10,
    example: '县',
    hint: `必填：${allowedWords.level}`,
  },
  { key: 'term', header: '届次', headerEn: 'Term', required: true, width: 8, example: 16, hint: '必填，如 16 或 第十六届' },
  {
    key: 'region',
    header: '所在地区',
    headerEn: 'Region',
    required: true,
    max: 50,
    width: 16,
    example: '道里区',
    hint: '必填：行政区划名称或代码（如 230102）',
  },
  { key: 'delegation', header: '代表团', headerEn: 'Delegation', required: false, max: 100, width: 14, example: '', hint: '' },
  {
    key: 'constituency',
    header: '选举单位',
    headerEn: 'Constituency',
    required: false,
    max: 100,
    width: 14,
    example: '第一选区',
    hint: '',
  },
  {
    key: 'deputyGroup',
    header: '代表小组',
    headerEn: 'Deputy group',
    required: false,
    max: 100,
    width: 14,
    example: '第一代表小组',
    hint: '',
  },
  {
    key: 'status',
    header: '代表状态',
    headerEn: 'Status',
    required: false,
    width: 10,
    example: '在任',
    hint: `${allowedWords.status}；不填为在任`,
  },
  { key: 'startedOn', header: '当选日期', headerEn: 'Elected on', required: false, width: 12, example: '2021-11-20', hint: '' },
  { key: 'endedOn', header: '离任日期', headerEn: 'Ended on', required: false, width: 12, example: '', hint: '不在任时填写' },
];

export const columnOf = (key: RosterKey): RosterColumn => ROSTER_COLUMNS.find((c) => c.key === key)!;

/** "身份证号*", "身份证号（18位）" and "ID number" all name the same column. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

const HEADER_INDEX = new Map<string, RosterKey>();
for (const c of ROSTER_COLUMNS) {
  for (const h of [c.header, c.headerEn, c.key]) HEADER_INDEX.set(normalizeHeader(h), c.key);
}
// Other names rosters use for the same columns.
for (const [h, key] of [
  ['代表姓名', 'name'],
  ['公民身份号码', 'idNumber'],
  ['身份证号码', 'idNumber'],
  ['联系电话', 'phone'],
  ['电话', 'phone'],
  ['手机', 'phone'],
  ['层级', 'level'],
  ['代表级别', 'level'],
  ['行政区划', 'region'],
  ['地区', 'region'],
  ['行政区划代码', 'region'],
  ['政治面貌', 'party'],
  ['文化程度', 'education'],
  ['单位职务', 'occupation'],
  ['工作单位', 'occupation'],
  ['状态', 'status'],
] as const) {
  HEADER_INDEX.set(normalizeHeader(h), key);
}

export const keyOfHeader = (header: string): RosterKey | undefined => HEADER_INDEX.get(normalizeHeader(header));
