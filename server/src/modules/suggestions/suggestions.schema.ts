import { z } from 'zod';
import { ErrorResponse, listOf, PageQuery } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { Uuid } from './congresses.schema.js';
import { ListStatisticsFilters } from './suggestions.list.filters.js';
import { BOX_ERROR, UNIT_BOXES } from './suggestions.list.unit.js';
import { COSIGNER_STATUSES, PHASES } from './suggestions.tables.js';
import { KINDS, REJECT_REASONS, SUGGESTION_STATES } from './suggestions.workflow.js';

/** Limits counted in characters, so an emoji or a rare character is one. */
export const LIMITS = { title: 100, grounds: 5000, proposal: 5000, cosigners: 200, invitePerRequest: 100, attachments: 10 };
const chars = (s: string) => [...s].length;

const Title = z
  .string({ error: tr('请填写案由（标题）', 'Give the title') })
  .trim()
  .refine((s) => s.length > 0, tr('请填写案由（标题）', 'Give the title'))
  .refine(
    (s) => chars(s) <= LIMITS.title,
    tr(`案由不能超过 ${LIMITS.title} 个字`, `The title is limited to ${LIMITS.title} characters`),
  );

const longText = (zh: string, en: string, max: number) =>
  z
    .string({ error: tr(`${zh}应为文字`, `The ${en} must be text`) })
    .trim()
    .refine((s) => chars(s) <= max, tr(`${zh}不能超过 ${max} 个字`, `The ${en} is limited to ${max} characters`));

const Grounds = longText('案据', 'grounds', LIMITS.grounds);
const Proposal = longText('方案', 'proposal', LIMITS.proposal);

export const Kind = z.enum(KINDS, {
  error: tr('类型应为 suggestion（建议）或 motion（议案）', 'The kind must be suggestion or motion'),
});

const DeputyIds = z
  .array(Uuid('代表编号', 'A deputy id'), {
    error: tr('联名代表应为代表编号的列表', 'The co-signers must be a list of deputy ids'),
  })
  .max(
    LIMITS.invitePerRequest,
    tr(`一次最多邀请 ${LIMITS.invitePerRequest} 名代表`, `At most ${LIMITS.invitePerRequest} deputies at a time`),
  )
  .refine((ids) => new Set(ids).size === ids.length, tr('联名代表有重复', 'A co-signer is listed twice'));

/** Where the suggestion belongs: a session (大会期间) or the recess of a term (闭会期间), exactly one. */
const placeRefine = <T extends { sessionId?: string | null; termId?: string | null }>(b: T) => !(b.sessionId && b.termId);
const placeMessage = {
  message: tr('请只选择一次会议（大会期间）或一个届次（闭会期间）', 'Give either a session or a term (recess), not both'),
  path: ['sessionId'],
};

export const DraftBody = z
  .object({
    kind: Kind.default('suggestion'),
    sessionId: Uuid('会议编号', 'The session id').nullish(),
    termId: Uuid('届次编号', 'The term id').nullish(),
    title: Title,
    grounds: Grounds.default(''),
    proposal: Proposal.default(''),
    categoryId: Uuid('类别编号', 'The category id').nullish(),
    byDelegation: z
      .boolean({ error: tr('byDelegation 应为 true 或 false', 'byDelegation must be true or false') })
      .default(false),
    cosignerIds: DeputyIds.default([]),
  })
  .refine(placeRefine, placeMessage)
  .refine((b) => !!(b.sessionId || b.termId), {
    message: tr('请选择所属会议（大会期间）或届次（闭会期间）', 'Choose the session, or the term for a recess suggestion'),
    path: ['sessionId'],
  });
export type DraftInput = z.infer<typeof DraftBody>;

export const EditBody = z
  .object({
    kind: Kind.optional(),
    sessionId: Uuid('会议编号', 'The session id').nullish(),
    termId: Uuid('届次编号', 'The term id').nullish(),
    title: Title.optional(),
    grounds: Grounds.optional(),
    proposal: Proposal.optional(),
    categoryId: Uuid('类别编号', 'The category id').nullish(),
    byDelegation: z.boolean({ error: tr('byDelegation 应为 true 或 false', 'byDelegation must be true or false') }).optional(),
  })
  .refine(placeRefine, placeMessage);
export type EditInput = z.infer<typeof EditBody>;

export const InviteBody = z.object({
  deputyIds: DeputyIds.refine((ids) => ids.length > 0, tr('请选择要邀请的代表', 'Choose the deputies to invite')),
});

export const CosignatureBody = z.object({
  decision: z.enum(['confirm', 'decline'], {
    error: tr('请选择 confirm（同意联名）或 decline（不同意）', 'Choose confirm or decline'),
  }),
  reason: z
    .string()
    .trim()
    .max(500, tr('理由不能超过 500 个字符', 'The reason is limited to 500 characters'))
    .nullish()
    .transform((v) => (v ? v : null)),
});

export const CheckBody = z.object({
  congressId: Uuid('人大编号', 'The congress id').nullish(),
  /** Leave this suggestion out of the similar ones (checking a saved draft). */
  suggestionId: Uuid('建议编号', 'The suggestion id').nullish(),
  title: Title,
  grounds: Grounds.default(''),
  proposal: Proposal.default(''),
});

export const CosignerParams = z.object({
  id: Uuid('建议编号', 'The suggestion id'),
  deputyId: Uuid('代表编号', 'The deputy id'),
});
export const FileParams = z.object({ id: Uuid('建议编号', 'The suggestion id'), fileId: Uuid('附件编号', 'The file id') });

export const ListQuery = PageQuery.extend({
  /** A deputy's boxes: as lead, as co-signer, or invitations waiting for an answer; a unit's: suggestions.list.unit.ts. */
  box: z.enum(['lead', 'cosigned', 'invitations', ...UNIT_BOXES], { error: BOX_ERROR }).optional(),
  state: z.enum(SUGGESTION_STATES, { error: tr('状态不正确', 'Unknown state') }).optional(),
  kind: Kind.optional(),
  phase: z.enum(PHASES, { error: tr('phase 应为 session 或 recess', 'phase must be session or recess') }).optional(),
  congressId: Uuid('人大编号', 'The congress id').optional(),
  termId: Uuid('届次编号', 'The term id').optional(),
  sessionId: Uuid('会议编号', 'The session id').optional(),
  // The filters the statistics' figures link to.
  ...ListStatisticsFilters,
});
export type ListFilter = z.infer<typeof ListQuery>;

const TextView = z.object({ zh: z.string(), en: z.string() });
const Named = z.object({ id: z.string(), name: z.string() });

export const MattersView = z.object({
  several: z.boolean(),
  signals: z.array(z.object({ kind: z.enum(['numbered_items', 'connective', 'title_conjunction']), excerpt: z.string() })),
  message: TextView.nullable(),
});

export const SimilarItem = z.object({
  id: z.string(),
  title: z.string(),
  kind: Kind,
  state: z.enum(SUGGESTION_STATES),
  stateLabel: TextView,
  number: z.number().int().nullable(),
  place: TextView,
  leadDeputyName: z.string(),
  score: z.number(),
});
export const CheckView = z.object({ matters: MattersView, similar: z.array(SimilarItem) });
export const SimilarList = z.object({ items: z.array(SimilarItem) });

export const SuggestionItem = z.object({
  id: z.string(),
  kind: Kind,
  originalKind: Kind,
  number: z.number().int().nullable(),
  title: z.string(),
  state: z.enum(SUGGESTION_STATES),
  stateLabel: TextView,
  phase: z.enum(PHASES),
  congress: Named,
  place: TextView,
  leadDeputy: Named,
  cosignerCount: z.number().int(),
  confirmedCount: z.number().int(),
  category: z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable() }).nullable(),
  regionCode: z.string(),
  dueAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const SuggestionList = listOf(SuggestionItem);

export const SuggestionView = SuggestionItem.extend({
  grounds: z.string(),
  proposal: z.string(),
  congressId: z.string(),
  termId: z.string(),
  termNumber: z.number().int(),
  sessionId: z.string().nullable(),
  sessionNumber: z.number().int().nullable(),
  byDelegation: z.boolean(),
  delegation: z.string().nullable(),
  motionMinSigners: z.number().int(),
  cosigners: z.array(
    z.object({
      deputyId: z.string(),
      name: z.string(),
      status: z.enum(COSIGNER_STATUSES),
      serving: z.boolean(),
      invitedAt: z.string(),
      respondedAt: z.string().nullable(),
      declineReason: z.string().nullable(),
    }),
  ),
  files: z.array(
    z.object({ id: z.string(), filename: z.string(), mimeType: z.string(), size: z.number().int(), kind: z.string() }),
  ),
  returnReason: z.string().nullable(),
  rejectReason: z.enum(REJECT_REASONS).nullable(),
  rejectReasonLabel: TextView.nullable(),
  rejectNote: z.string().nullable(),
  mergedInto: z.object({ id: z.string(), title: z.string() }).nullable(),
  merged: z.array(z.object({ id: z.string(), title: z.string() })),
  committee: Named.nullable(),
  committeeDecision: z.enum(['listed', 'converted', 'not_listed']).nullable(),
  committeeReason: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  me: z.object({
    lead: z.boolean(),
    cosignerStatus: z.enum(COSIGNER_STATUSES).nullable(),
    actions: z.array(z.object({ action: z.string(), label: TextView })),
    edit: z.boolean(),
    invite: z.boolean(),
    attach: z.boolean(),
    answerInvitation: z.boolean(),
  }),
  /** At submission: the one-matter warning and the similar suggestions of this and past sessions. */
  notices: CheckView.optional(),
  version: z.number().int(),
});

export const TimelineView = listOf(
  z.object({
    id: z.number().int(),
    at: z.string(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    note: z.string().nullable(),
    data: z.unknown(),
  }),
);

export const CategoryList = z.object({
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string().nullable() })),
});

export const UploadedFile = z.object({ id: z.string(), filename: z.string(), mimeType: z.string(), size: z.number().int() });

/** Errors that carry facts: how many signatures a motion still needs, which co-signer was refused. */
export const FactualError = ErrorResponse.extend({
  deputyId: z.string().optional(),
  required: z.number().int().optional(),
  have: z.number().int().optional(),
  missing: z.number().int().optional(),
});
