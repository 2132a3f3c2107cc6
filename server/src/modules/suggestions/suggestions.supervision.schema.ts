import { z } from 'zod';
import { listOf, optionalText, PageQuery } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { Uuid } from './congresses.schema.js';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES } from './suggestions.assignment.workflow.js';
import { PROGRESS_SIDES } from './suggestions.supervision.tables.js';
import { SUGGESTION_STATES } from './suggestions.workflow.js';

/** Requests and answers of key supervision: topics, key items, progress reports, urgings, meetings. */

const chars = (s: string) => [...s].length;
const Day = z.iso.date(tr('日期格式应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'));

/** Required text counted in characters (an emoji or a rare character is one). */
const text = (zh: string, en: string, max: number) =>
  z
    .string({ error: tr(`请填写${zh}`, `Give the ${en}`) })
    .trim()
    .refine((s) => s.length > 0, tr(`请填写${zh}`, `Give the ${en}`))
    .refine((s) => chars(s) <= max, tr(`${zh}不能超过 ${max} 个字`, `The ${en} is limited to ${max} characters`));

export const Year = z.coerce
  .number({ error: tr('年度应为 2000 到 2100 的整数', 'The year must be a whole number from 2000 to 2100') })
  .int(tr('年度应为 2000 到 2100 的整数', 'The year must be a whole number from 2000 to 2100'))
  .min(2000, tr('年度应为 2000 到 2100 的整数', 'The year must be a whole number from 2000 to 2100'))
  .max(2100, tr('年度应为 2000 到 2100 的整数', 'The year must be a whole number from 2000 to 2100'));

const Version = z
  .number({ error: tr('请提供版本号', 'Give the version you edited') })
  .int()
  .min(1);

export const TopicBody = z
  .object({
    congressId: Uuid('人大编号', 'The congress id'),
    year: Year,
    name: text('专题名称', 'topic name', 100),
    description: optionalText(2000),
    leaderId: Uuid('督办领导编号', 'The leader id').nullish(),
    committeeId: Uuid('专门委员会编号', 'The committee id').nullish(),
  })
  .refine((b) => !!(b.leaderId || b.committeeId), {
    message: tr('请指定督办领导或牵头专门委员会', 'Name the supervising leader or committee'),
    path: ['leaderId'],
  });
export type TopicInput = z.infer<typeof TopicBody>;

export const TopicEditBody = z.object({
  version: Version,
  name: text('专题名称', 'topic name', 100).optional(),
  description: optionalText(2000).optional(),
  leaderId: Uuid('督办领导编号', 'The leader id').nullish(),
  committeeId: Uuid('专门委员会编号', 'The committee id').nullish(),
});
export type TopicEditInput = z.infer<typeof TopicEditBody>;

export const TopicQuery = z.object({
  year: Year.optional(),
  congressId: Uuid('人大编号', 'The congress id').optional(),
});

export const TopicItem = z.object({
  id: z.string(),
  congressId: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  name: z.string(),
  description: z.string(),
  leader: z.object({ id: z.string(), name: z.string() }).nullable(),
  committee: z.object({ id: z.string(), name: z.string() }).nullable(),
  itemCount: z.number().int(),
  version: z.number().int(),
});
export const TopicList = z.object({ items: z.array(TopicItem) });

export const KeyMarkBody = z.object({
  topicId: Uuid('专题编号', 'The topic id').nullish(),
  note: optionalText(1000),
});

export const ProgressBody = z.object({
  reportedOn: Day,
  text: text('进展情况', 'progress note', 2000),
  /** A unit reports on its assignment; the supervising side leaves it out. */
  assignmentId: Uuid('交办编号', 'The assignment id').nullish(),
});

export const ProgressReportView = z.object({
  id: z.string(),
  suggestionId: z.string(),
  side: z.enum(PROGRESS_SIDES),
  assignmentId: z.string().nullable(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  reportedOn: z.string(),
  text: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export const ProgressReportList = z.object({
  items: z.array(ProgressReportView),
  /** A unit reports only on key items, and before its first report it has no other way to tell. */
  keyItem: z.boolean(),
});

export const UrgeBody = z.object({
  assignmentId: Uuid('交办编号', 'The assignment id'),
  note: optionalText(500),
});

export const UrgingView = z.object({
  id: z.string(),
  suggestionId: z.string(),
  suggestionTitle: z.string(),
  assignmentId: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  note: z.string().nullable(),
  urgedAt: z.string(),
  dueAt: z.string(),
  /** How many times this assignment has been urged so far. */
  count: z.number().int(),
});
export const UrgingList = listOf(UrgingView);
export const UrgingQuery = PageQuery.omit({ q: true }).extend({
  suggestionId: Uuid('建议编号', 'The suggestion id').optional(),
});

export const AssignmentProgress = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(ASSIGNMENT_ROLES),
  round: z.number().int(),
  status: z.enum(ASSIGNMENT_STATUSES),
  dueAt: z.string(),
  overdue: z.boolean(),
  repliedAt: z.string().nullable(),
  urgeCount: z.number().int(),
});

export const KeyItemView = z.object({
  suggestionId: z.string(),
  number: z.number().int().nullable(),
  title: z.string(),
  state: z.enum(SUGGESTION_STATES),
  topic: z.object({ id: z.string(), name: z.string(), year: z.number().int() }).nullable(),
  note: z.string().nullable(),
  markedAt: z.string(),
  units: z.array(AssignmentProgress),
  /** The earliest due date of the units still to answer, else the suggestion's own. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  urgeCount: z.number().int(),
  lastReport: z.object({ reportedOn: z.string(), text: z.string(), side: z.enum(PROGRESS_SIDES) }).nullable(),
  version: z.number().int(),
});
export const KeyItemList = z.object({ items: z.array(KeyItemView), total: z.number().int() });

export const KeyItemQuery = z.object({
  year: Year.optional(),
  topicId: Uuid('专题编号', 'The topic id').optional(),
  /** A leader's workbench: the key items of the topics this leader supervises, or that they marked. */
  mine: z
    .enum(['true', 'false'], { error: tr('mine 应为 true 或 false', 'mine must be true or false') })
    .optional()
    .transform((v) => v === 'true'),
});

export const TopicView = TopicItem.extend({ items: z.array(KeyItemView) });

const Problem = z.object({
  problem: text('协调解决的问题', 'problem', 1000),
  result: text('解决结果', 'result', 2000),
  suggestionId: Uuid('建议编号', 'The suggestion id').nullish(),
});

export const MeetingBody = z.object({
  congressId: Uuid('人大编号', 'The congress id'),
  heldOn: Day,
  place: text('会议地点', 'place', 200),
  attendees: text('参会人员', 'attendees', 2000),
  summary: optionalText(5000),
  unitIds: z.array(Uuid('单位编号', 'A unit id')).max(50, tr('参会单位最多 50 个', 'At most 50 units')).default([]),
  suggestionIds: z
    .array(Uuid('建议编号', 'A suggestion id'))
    .min(1, tr('请选择会议协调的建议', 'Choose the suggestions discussed'))
    .max(100, tr('一次会议最多协调 100 件建议', 'At most 100 suggestions per meeting')),
  problems: z.array(Problem).max(50, tr('一次会议最多记录 50 个问题', 'At most 50 problems per meeting')).default([]),
});
export type MeetingInput = z.infer<typeof MeetingBody>;

export const MeetingView = z.object({
  id: z.string(),
  congressId: z.string(),
  regionCode: z.string(),
  heldOn: z.string(),
  place: z.string(),
  attendees: z.string(),
  summary: z.string(),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  suggestions: z.array(z.object({ id: z.string(), title: z.string(), number: z.number().int().nullable() })),
  problems: z.array(
    z.object({ position: z.number().int(), problem: z.string(), result: z.string(), suggestionId: z.string().nullable() }),
  ),
  createdAt: z.string(),
});
export const MeetingList = z.object({
  items: z.array(
    MeetingView.omit({ problems: true, suggestions: true, units: true }).extend({
      problemCount: z.number().int(),
      suggestionCount: z.number().int(),
    }),
  ),
});
/** What a deletion answers. */
export const Deleted = z.object({ id: z.string(), deleted: z.literal(true) });

export const MeetingQuery = z.object({ year: Year.optional(), congressId: Uuid('人大编号', 'The congress id').optional() });

export const SupervisionView = z.object({
  suggestionId: z.string(),
  key: KeyItemView.nullable(),
  reports: z.array(ProgressReportView),
});

export const SupervisorQuery = z.object({
  /** Only the leaders and committees this congress accepts for its topics. */
  congressId: Uuid('人大编号', 'The congress id').optional(),
  q: z.string().trim().max(50, tr('搜索词不能超过 50 个字符', 'The search text is limited to 50 characters')).optional(),
});

const Supervisor = z.object({ id: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string().nullable() });
export const SupervisorList = z.object({ leaders: z.array(Supervisor), committees: z.array(Supervisor) });
