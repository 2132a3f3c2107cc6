import { z } from 'zod';
import { optionalText, requiredText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { Uuid } from './congresses.schema.js';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES } from './suggestions.assignment.workflow.js';
import { SUGGESTION_STATES } from './suggestions.workflow.js';

/** Requests and answers of assignment (交办): assign, batches, returns, extensions, recommendations. */

export const MAX_UNITS = 20;
export const MAX_BATCH = 200;

const Role = z.enum(ASSIGNMENT_ROLES, {
  error: tr(
    '承办方式应为 lead（主办）、co（协办）、separate（分办）或 joint（会办）',
    'The role must be lead, co, separate or joint',
  ),
});

const UnitPick = z.object({ unitId: Uuid('承办单位编号', 'The unit id'), role: Role });

const Units = z
  .array(UnitPick, { error: tr('承办单位应为列表', 'The units must be a list') })
  .max(MAX_UNITS, tr(`一件建议最多交办 ${MAX_UNITS} 个单位`, `At most ${MAX_UNITS} units per suggestion`));

const BatchLabel = requiredText(100);

export const AssignBody = z.object({
  units: Units,
  batchLabel: optionalText(100),
  note: optionalText(1000),
});
export type AssignInput = z.infer<typeof AssignBody>;

export const BatchBody = z.object({
  batchLabel: BatchLabel,
  note: optionalText(1000),
  items: z
    .array(z.object({ suggestionId: Uuid('建议编号', 'The suggestion id'), units: Units }), {
      error: tr('请列出要交办的建议', 'List the suggestions to assign'),
    })
    .min(1, tr('请至少选择一件建议', 'Choose at least one suggestion'))
    .max(MAX_BATCH, tr(`一次最多交办 ${MAX_BATCH} 件建议`, `At most ${MAX_BATCH} suggestions at a time`))
    .refine(
      (items) => new Set(items.map((i) => i.suggestionId)).size === items.length,
      tr('同一件建议列出了两次', 'A suggestion is listed twice'),
    ),
});
export type BatchInput = z.infer<typeof BatchBody>;

export const ReasonBody = z.object({ reason: optionalText(1000) });

const Decision = z.enum(['approve', 'refuse'], {
  error: tr('决定应为 approve（同意）或 refuse（不同意）', 'The decision must be approve or refuse'),
});

export const DecideReturnBody = z.object({
  decision: Decision,
  reason: optionalText(1000),
  /** Approving may name the unit that takes over at once; its role defaults to the returned one's. */
  reassignTo: z.object({ unitId: Uuid('承办单位编号', 'The unit id'), role: Role.optional() }).nullish(),
});
export type DecideReturnInput = z.infer<typeof DecideReturnBody>;

export const ReassignBody = z.object({
  unitId: Uuid('承办单位编号', 'The unit id'),
  role: Role.optional(),
  note: optionalText(1000),
});
export type ReassignInput = z.infer<typeof ReassignBody>;

const Day = z
  .string({ error: tr('请填写日期', 'Give a date') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, tr('日期格式应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'))
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    message: tr('日期不存在', 'No such date'),
  });

export const ExtensionBody = z.object({
  reason: requiredText(1000),
  dueOn: Day,
});
export type ExtensionInput = z.infer<typeof ExtensionBody>;

export const DecideExtensionBody = z.object({
  decision: Decision,
  note: optionalText(1000),
  /** The office may grant less than asked; the date asked when left out. */
  dueOn: Day.nullish(),
});
export type DecideExtensionInput = z.infer<typeof DecideExtensionBody>;

export const BatchParams = z.object({
  label: z
    .string()
    .trim()
    .min(1, tr('请填写批次名称', 'Give the batch label'))
    .max(100, tr('批次名称不能超过 100 个字符', 'At most 100 characters')),
});

export const RecommendQuery = z.object({ limit: z.coerce.number().int().min(1).max(20).default(5) });

// --- answers ---------------------------------------------------------------------------------------

const TextView = z.object({ zh: z.string(), en: z.string() });
const Stamp = z.string().nullable();

export const ExtensionView = z.object({
  id: z.string(),
  assignmentId: z.string(),
  reason: z.string(),
  requestedDueAt: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  statusLabel: TextView,
  createdAt: z.string(),
  decidedAt: Stamp,
  decisionNote: z.string().nullable(),
  newDueAt: Stamp,
});

export const ReturnView = z.object({
  id: z.string(),
  assignmentId: z.string(),
  reason: z.string(),
  requestedAt: z.string(),
  status: z.enum(['pending', 'approved', 'refused']),
  statusLabel: TextView,
  decidedAt: Stamp,
  decisionNote: z.string().nullable(),
  reassignedAssignmentId: z.string().nullable(),
});

export const ASSIGNMENT_BUTTONS = [
  'accept',
  'request_return',
  'request_extension',
  'decide_return',
  'reassign',
  'withdraw',
  'decide_extension',
] as const;

export const AssignmentView = z.object({
  id: z.string(),
  suggestionId: z.string(),
  round: z.number().int(),
  unit: z.object({ id: z.string(), name: z.string() }),
  role: Role,
  roleLabel: TextView,
  status: z.enum(ASSIGNMENT_STATUSES),
  statusLabel: TextView,
  batchLabel: z.string().nullable(),
  assignedAt: z.string(),
  assignedByName: z.string().nullable(),
  /** The last moment the unit may ask to return it, and whether that is still open now. */
  returnDueAt: Stamp,
  returnWindowOpen: z.boolean(),
  dueAt: z.string(),
  originalDueAt: z.string(),
  /** Past its due date while still handled, or frozen as late when it ended. */
  overdue: z.boolean(),
  acceptedAt: Stamp,
  repliedAt: Stamp,
  repliedOnTime: z.boolean().nullable(),
  reassignedFromId: z.string().nullable(),
  extensions: z.array(ExtensionView),
  returns: z.array(ReturnView),
  /** What the caller may do with it now. */
  actions: z.array(z.enum(ASSIGNMENT_BUTTONS)),
});
export type AssignmentViewData = z.infer<typeof AssignmentView>;

export const AssignmentPanel = z.object({
  suggestionId: z.string(),
  number: z.number().int().nullable(),
  title: z.string(),
  state: z.enum(SUGGESTION_STATES),
  stateLabel: TextView,
  dueAt: Stamp,
  assignedAt: Stamp,
  /** The office may assign it now (it is accepted). */
  canAssign: z.boolean(),
  items: z.array(AssignmentView),
  total: z.number().int(),
});

export const BatchResult = z.object({
  batchLabel: z.string(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: z.array(
    z.object({
      suggestionId: z.string(),
      ok: z.boolean(),
      number: z.number().int().nullable(),
      title: z.string().nullable(),
      /** The refusal, when it failed: HTTP-like status, stable code, the message in the caller's language. */
      status: z.number().int().nullable(),
      code: z.string().nullable(),
      message: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

export const BatchSummaryList = z.object({
  items: z.array(
    z.object({ label: z.string(), suggestions: z.number().int(), assignments: z.number().int(), assignedAt: Stamp }),
  ),
  total: z.number().int(),
});

export const BatchListView = z.object({
  label: z.string(),
  items: z.array(
    z.object({
      suggestionId: z.string(),
      number: z.number().int().nullable(),
      title: z.string(),
      leadDeputyName: z.string(),
      units: z.array(z.object({ name: z.string(), role: Role, roleLabel: TextView })),
      dueAt: z.string(),
    }),
  ),
  total: z.number().int(),
});

export const UnitRecommendationList = z.object({
  items: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      role: Role,
      score: z.number(),
      reason: TextView,
      similar: z.array(z.object({ id: z.string(), title: z.string(), number: z.number().int().nullable() })),
    }),
  ),
});
