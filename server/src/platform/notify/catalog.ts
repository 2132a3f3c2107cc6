import type { Text } from '../i18n.js';

/**
 * Each template key names an event and the variables its subscribers fill in. The catalogue is the
 * contract between the code that emits an event and the administrators who edit its wording: a
 * template may use only the declared variables, and a subscriber must give all of them.
 */
export interface TemplateKeyDefinition {
  key: string;
  description: Text;
  variables: Readonly<Record<string, Text>>;
}

const registry = new Map<string, TemplateKeyDefinition>();

export function declareTemplateKey(def: TemplateKeyDefinition): void {
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(def.key)) throw new Error(`Invalid template key: ${def.key}`);
  for (const name of Object.keys(def.variables)) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`Invalid variable name ${name} in ${def.key}`);
  }
  registry.set(def.key, def);
}

export const templateKeyDefinition = (key: string): TemplateKeyDefinition | undefined => registry.get(key);
export const templateKeys = (): TemplateKeyDefinition[] => [...registry.values()].sort((a, b) => a.key.localeCompare(b.key));

// The variables the opinion loop's events share.
const v = {
  code: { zh: '意见编号（查询码）', en: 'tracking code' },
  summary: { zh: '意见内容摘要', en: 'summary of the opinion' },
  station: { zh: '联络站名称', en: 'station name' },
  category: { zh: '意见类别', en: 'category' },
  deputy: { zh: '第一责任人代表', en: 'responsible deputy' },
  unit: { zh: '承办单位', en: 'handling unit' },
  dueDate: { zh: '期限（日期）', en: 'due date' },
  reason: { zh: '理由', en: 'reason' },
  result: { zh: '办理结果', en: 'result' },
  url: { zh: '查询网址', en: 'address of the tracking page' },
  stage: { zh: '办理环节', en: 'stage' },
  days: { zh: '工作日数', en: 'working days' },
  count: { zh: '催办次数', en: 'how many times it was urged' },
  note: { zh: '催办说明', en: 'note from the person urging' },
  leader: { zh: '督办领导', en: 'supervising leader' },
  instruction: { zh: '督办批示', en: 'instruction' },
} satisfies Record<string, Text>;

const opinionKeys: [string, Text, (keyof typeof v)[]][] = [
  [
    'opinion.submitted',
    { zh: '新意见待受理（致责任代表、联络员）', en: 'A new opinion to accept (to the deputy and station staff)' },
    ['code', 'summary', 'station', 'category', 'dueDate'],
  ],
  [
    'opinion.accepted',
    { zh: '意见已受理（致群众）', en: 'Opinion accepted (to the constituent)' },
    ['code', 'summary', 'station', 'deputy'],
  ],
  [
    'opinion.rejected',
    { zh: '意见不予受理及理由（致群众）', en: 'Opinion not accepted, with the reason (to the constituent)' },
    ['code', 'summary', 'reason'],
  ],
  [
    'opinion.transferred',
    { zh: '意见已转办（致主办单位）', en: 'Opinion transferred (to the lead unit)' },
    ['code', 'summary', 'unit', 'dueDate'],
  ],
  [
    'opinion.returned',
    { zh: '意见被退回（致代表工委）', en: 'Opinion returned by the unit (to the office)' },
    ['code', 'summary', 'unit', 'reason'],
  ],
  [
    'opinion.replied',
    { zh: '意见已答复（致代表工委、代表）', en: 'Opinion answered (to the office and the deputy)' },
    ['code', 'summary', 'unit', 'result'],
  ],
  [
    'opinion.feedback',
    { zh: '办理结果反馈（致群众，含查询码）', en: 'The answer fed back (to the constituent, with the code)' },
    ['code', 'result', 'url'],
  ],
  ['opinion.due_soon', { zh: '即将到期提醒', en: 'Reminder before a due date' }, ['code', 'summary', 'stage', 'dueDate', 'days']],
  ['opinion.overdue', { zh: '超期提醒', en: 'Overdue notice' }, ['code', 'summary', 'stage', 'dueDate', 'days']],
  ['opinion.urged', { zh: '催办', en: 'Urged' }, ['code', 'summary', 'dueDate', 'count', 'note']],
  ['opinion.supervised', { zh: '领导督办', en: 'Supervised by a leader' }, ['code', 'summary', 'leader', 'instruction']],
];

for (const [key, description, names] of opinionKeys) {
  declareTemplateKey({ key, description, variables: Object.fromEntries(names.map((n) => [n, v[n]])) });
}
