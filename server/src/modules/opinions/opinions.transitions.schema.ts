import { z } from 'zod';
import { optionalText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { Evaluation, ReplyResult, Uuid } from './opinions.schema.js';

/**
 * The body of POST /api/opinions/:id/transitions/:action, one shape per action. The route copies the
 * action from the path into the body, so one discriminated union validates whatever the action needs.
 * Required reasons and texts are checked by the workflow's guards, which word the refusal.
 */

const note = optionalText(1000);
const reason = optionalText(1000);
const text = optionalText(5000);
const day = z.iso.date(tr('日期格式应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'));

export const TransitionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), note }),
  z.object({
    action: z.literal('reject'),
    /** Why the opinion cannot be accepted (in litigation, a 信访 matter, …). */
    reason,
    /** Where the constituent should turn instead. */
    guidance: optionalText(1000),
  }),
  z.object({ action: z.literal('answer_on_spot'), text, result: ReplyResult.default('resolved') }),
  z.object({ action: z.literal('resolve'), text, result: ReplyResult }),
  z.object({ action: z.literal('escalate'), note }),
  z.object({
    action: z.literal('transfer'),
    leadUnitId: Uuid('主办单位编号', 'The lead unit id').nullish(),
    coUnitIds: z.array(Uuid('协办单位编号', 'A co unit id')).max(10, tr('协办单位最多 10 个', 'At most 10 co units')).default([]),
    complex: z.boolean().optional(),
    /** A reply date fixed by the office; otherwise the reply deadline runs from the unit's acceptance. */
    replyDueOn: day.nullish(),
    note,
  }),
  z.object({ action: z.literal('unit_accept'), note }),
  z.object({ action: z.literal('unit_return'), reason }),
  z.object({
    action: z.literal('reply'),
    result: ReplyResult,
    text,
    fileIds: z.array(Uuid('附件编号', 'A file id')).max(10, tr('附件最多 10 个', 'At most 10 files')).default([]),
  }),
  z.object({ action: z.literal('feedback'), note }),
  z.object({ action: z.literal('evaluate'), evaluation: Evaluation, comment: optionalText(1000) }),
  z.object({ action: z.literal('rehandle'), note, complex: z.boolean().optional() }),
  z.object({ action: z.literal('merge'), primaryId: Uuid('主意见编号', 'The primary opinion id').nullish(), note }),
  z.object({ action: z.literal('convert'), note }),
]);
export type TransitionBodyInput = z.infer<typeof TransitionBody>;
export type BodyOf<A extends TransitionBodyInput['action']> = Extract<TransitionBodyInput, { action: A }>;
