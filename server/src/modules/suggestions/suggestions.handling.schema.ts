import { z } from 'zod';
import { tr } from '../../platform/i18n.js';
import { Uuid } from './congresses.schema.js';
import { REPLY_CLASSES } from './congresses.tables.js';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES } from './suggestions.assignment.workflow.js';
import { CONSULTATION_KINDS, REPLY_STATUSES } from './suggestions.handling.tables.js';
import { SUGGESTION_STATES } from './suggestions.workflow.js';

/**
 * Requests and responses of handling and evaluation (issue 4 items 5–6). The limits are the
 * migration's CHECK constraints, counted in characters so that a rare character counts as one.
 */

export const HANDLING_LIMITS = {
  coOpinion: 5000,
  place: 200,
  participants: 500,
  summary: 5000,
  confirmationNote: 1000,
  replyText: 20000,
  referenceNumber: 64,
  person: 50,
  phone: 30,
  commitments: 20,
  commitment: 1000,
  doneNote: 2000,
  comment: 1000,
  note: 1000,
};

const chars = (s: string) => [...s].length;

const text = (zh: string, en: string, max: number, required: boolean) =>
  z
    .string({ error: tr(`${zh}应为文字`, `The ${en} must be text`) })
    .trim()
    .refine((s) => !required || s.length > 0, tr(`请填写${zh}`, `Give the ${en}`))
    .refine((s) => chars(s) <= max, tr(`${zh}不能超过 ${max} 个字`, `The ${en} is limited to ${max} characters`));

/** Optional text: '' and null are both "none". */
const optional = (zh: string, en: string, max: number) =>
  text(zh, en, max, false)
    .nullish()
    .transform((v) => (v ? v : null));

const Day = z.iso.date(tr('日期格式应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'));

export const SuggestionParams = z.object({ id: Uuid('建议编号', 'The suggestion id') });
export const ConsultationParams = SuggestionParams.extend({ consultationId: Uuid('面商记录编号', 'The consultation id') });
export const ReplyParams = SuggestionParams.extend({ replyId: Uuid('答复编号', 'The reply id') });
export const CommitmentParams = SuggestionParams.extend({ commitmentId: Uuid('承诺事项编号', 'The commitment id') });

export const CoOpinionBody = z.object({ text: text('协办意见', 'opinion', HANDLING_LIMITS.coOpinion, true) });

export const ConsultationBody = z.object({
  kind: z.enum(CONSULTATION_KINDS, {
    error: tr(
      '沟通方式应为 face_to_face（当面）、phone（电话）、visit（走访）或 meeting（座谈会）',
      'The kind must be face_to_face, phone, visit or meeting',
    ),
  }),
  heldAt: z.iso.datetime({
    offset: true,
    error: tr(
      '沟通时间格式应为 ISO 8601（如 2026-03-01T10:00:00+08:00）',
      'The time must be ISO 8601 (2026-03-01T10:00:00+08:00)',
    ),
  }),
  place: optional('地点', 'place', HANDLING_LIMITS.place),
  participants: optional('参加人员', 'participants', HANDLING_LIMITS.participants),
  summary: text('沟通情况', 'summary', HANDLING_LIMITS.summary, true),
});
export type ConsultationInput = z.infer<typeof ConsultationBody>;

export const ConsultationAnswerBody = z
  .object({
    decision: z.enum(['confirm', 'dispute'], {
      error: tr('请选择 confirm（确认）或 dispute（有异议）', 'The decision must be confirm or dispute'),
    }),
    note: optional('说明', 'note', HANDLING_LIMITS.confirmationNote),
  })
  .refine((b) => b.decision === 'confirm' || !!b.note, {
    message: tr('有异议时请写明情况', 'Say what is disputed'),
    path: ['note'],
  });

const Phone = optional('联系电话', 'contact phone', HANDLING_LIMITS.phone).refine(
  (v) => v === null || /^[0-9+\-() ]{5,30}$/.test(v),
  tr('联系电话只能包含数字、空格和 +-()', 'The contact phone may hold only digits, spaces and + - ( )'),
);

const Commitment = z.object({
  content: text('承诺事项', 'commitment', HANDLING_LIMITS.commitment, true),
  dueOn: Day,
});

export const ReplyClassCode = z.enum(REPLY_CLASSES, {
  error: tr('答复类别应为 A、B、C 或 D', 'The reply class must be A, B, C or D'),
});

/** A draft may be incomplete; submitting it for approval checks that the letter can be made. */
export const ReplyDraftBody = z.object({
  replyClass: ReplyClassCode.nullish().transform((v) => v ?? null),
  text: text('答复内容', 'reply text', HANDLING_LIMITS.replyText, false).default(''),
  referenceNumber: optional('文号', 'reference number', HANDLING_LIMITS.referenceNumber),
  signerName: optional('签发人', 'signer', HANDLING_LIMITS.person),
  contactName: optional('联系人', 'contact person', HANDLING_LIMITS.person),
  contactPhone: Phone,
  commitments: z
    .array(Commitment, { error: tr('承诺事项应为列表', 'The commitments must be a list') })
    .max(
      HANDLING_LIMITS.commitments,
      tr(`承诺事项最多 ${HANDLING_LIMITS.commitments} 项`, `At most ${HANDLING_LIMITS.commitments} commitments`),
    )
    .default([]),
});
export type ReplyDraftInput = z.infer<typeof ReplyDraftBody>;

export const NoteBody = z.object({ note: optional('说明', 'note', HANDLING_LIMITS.note) }).default({ note: null });
export const ReturnReplyBody = z.object({ reason: text('退回修改的理由', 'reason', HANDLING_LIMITS.note, true) });

export const CommitmentDoneBody = z
  .object({
    note: optional('落实情况', 'note', HANDLING_LIMITS.doneNote),
    doneOn: Day.nullish(),
  })
  .default({ note: null });

const RatingCode = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied'], {
  error: tr(
    '评价应为 satisfied（满意）、basically_satisfied（基本满意）或 unsatisfied（不满意）',
    'The rating must be satisfied, basically_satisfied or unsatisfied',
  ),
});
export const EvaluationBody = z.object({
  result: RatingCode.nullish(),
  attitude: RatingCode.nullish(),
  comment: optional('评价意见', 'comment', HANDLING_LIMITS.comment),
});

// --- responses ---------------------------------------------------------------------------------

const TextView = z.object({ zh: z.string(), en: z.string() });
const Unit = z.object({ id: z.string(), name: z.string() });
const Rating = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']).nullable();

export const CommitmentView = z.object({
  id: z.string(),
  replyId: z.string(),
  unitId: z.string(),
  content: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
});

export const ReplyView = z.object({
  id: z.string(),
  assignmentId: z.string(),
  unit: Unit,
  round: z.number().int(),
  status: z.enum(REPLY_STATUSES),
  statusLabel: TextView,
  replyClass: z.enum(REPLY_CLASSES).nullable(),
  replyClassLabel: z.string().nullable(),
  text: z.string(),
  referenceNumber: z.string().nullable(),
  signerName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  draftedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  /** The fields the letter still lacks; empty when it can be made. */
  missingFields: z.array(z.string()),
  letterUrl: z.string(),
  commitments: z.array(CommitmentView),
});

export const HandlingView = z.object({
  suggestionId: z.string(),
  state: z.enum(SUGGESTION_STATES),
  stateLabel: TextView,
  round: z.number().int(),
  evaluationRound: z.number().int(),
  dueAt: z.string().nullable(),
  replyClass: z.enum(REPLY_CLASSES).nullable(),
  replyClassLabel: z.string().nullable(),
  assignments: z.array(
    z.object({
      id: z.string(),
      unit: Unit,
      role: z.enum(ASSIGNMENT_ROLES),
      round: z.number().int(),
      status: z.enum(ASSIGNMENT_STATUSES),
      statusLabel: TextView,
      dueAt: z.string(),
      repliedAt: z.string().nullable(),
      repliedOnTime: z.boolean().nullable(),
    }),
  ),
  coOpinions: z.array(
    z.object({
      id: z.string(),
      assignmentId: z.string(),
      unit: Unit,
      text: z.string(),
      sentAt: z.string(),
      onTime: z.boolean().nullable(),
    }),
  ),
  consultations: z.array(
    z.object({
      id: z.string(),
      assignmentId: z.string(),
      unit: Unit,
      kind: z.enum(CONSULTATION_KINDS),
      kindLabel: TextView,
      heldAt: z.string(),
      place: z.string().nullable(),
      participants: z.string().nullable(),
      summary: z.string(),
      confirmation: z.enum(['pending', 'confirmed', 'disputed']),
      confirmedAt: z.string().nullable(),
      confirmationNote: z.string().nullable(),
    }),
  ),
  /** A face-to-face consultation the deputy confirmed: what the face-to-face rate counts (DESIGN §5, suggestionStatistics.metrics.ts). */
  faceToFace: z.boolean(),
  replies: z.array(ReplyView),
  evaluations: z.array(
    z.object({
      round: z.number().int(),
      result: Rating,
      attitude: Rating,
      silent: z.boolean(),
      comment: z.string().nullable(),
      evaluatedAt: z.string(),
    }),
  ),
  me: z.object({
    assignmentId: z.string().nullable(),
    sendOpinion: z.boolean(),
    logConsultation: z.boolean(),
    draftReply: z.boolean(),
    approveReply: z.boolean(),
    sendReply: z.boolean(),
    confirmConsultation: z.boolean(),
    evaluate: z.boolean(),
    fulfil: z.boolean(),
  }),
});
export type HandlingViewType = z.infer<typeof HandlingView>;
