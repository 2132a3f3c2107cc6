import type { Text } from '../../platform/i18n.js';
import { declareTemplateKey } from '../../platform/notify/catalog.js';

/**
 * The opinion loop's events beyond those the platform's catalogue declares: each asks someone to act
 * (the office to review an escalated case or decide an extension, a unit to handle a case again) or
 * closes the loop for the deputy. Their templates are seeded by migration 0006.
 */
const v = {
  code: { zh: '意见编号（查询码）', en: 'tracking code' },
  summary: { zh: '意见内容摘要', en: 'summary of the opinion' },
  station: { zh: '联络站名称', en: 'station name' },
  deputy: { zh: '第一责任人代表', en: 'responsible deputy' },
  unit: { zh: '承办单位', en: 'handling unit' },
  dueDate: { zh: '期限（日期）', en: 'due date' },
  days: { zh: '工作日数', en: 'working days' },
  reason: { zh: '理由', en: 'reason' },
  decision: { zh: '审批结果（已批准／未获批准）', en: 'the decision (approved / refused)' },
  evaluation: { zh: '群众评价', en: "the constituent's rating" },
  nextStep: { zh: '下一步', en: 'what happens next' },
} satisfies Record<string, Text>;

const keys: [string, Text, (keyof typeof v)[]][] = [
  [
    'opinion.escalated',
    { zh: '意见提交工委审核（致代表工委）', en: 'Opinion escalated (to the office)' },
    ['code', 'summary', 'station', 'deputy'],
  ],
  [
    'opinion.extension_requested',
    { zh: '承办单位申请延期（致代表工委）', en: 'A unit asks for an extension (to the office)' },
    ['code', 'summary', 'unit', 'days', 'reason'],
  ],
  [
    'opinion.extension_decided',
    { zh: '延期申请审批结果（致承办单位）', en: 'Extension decided (to the unit)' },
    ['code', 'summary', 'decision', 'dueDate'],
  ],
  [
    'opinion.evaluated',
    {
      zh: '群众评价结果（致代表，不满意时并致代表工委）',
      en: "The constituent's rating (to the deputy; to the office too when unsatisfied)",
    },
    ['code', 'summary', 'evaluation', 'nextStep'],
  ],
  [
    'opinion.rehandled',
    { zh: '不满意重新办理（致承办单位）', en: 'To handle again after an unsatisfied rating (to the units)' },
    ['code', 'summary', 'unit', 'dueDate'],
  ],
];

for (const [key, description, names] of keys) {
  declareTemplateKey({ key, description, variables: Object.fromEntries(names.map((n) => [n, v[n]])) });
}
