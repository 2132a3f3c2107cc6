import { z } from 'zod';
import { optionalText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { Uuid } from './congresses.schema.js';
import { REJECT_REASONS } from './suggestions.workflow.js';

/**
 * The body of POST /api/suggestions/:id/transitions/:action, one shape per action. The route copies
 * the action from the path into the body, so one discriminated union validates whatever the action
 * needs. Required reasons are checked by the workflow's guards, which word the refusal.
 */

const note = optionalText(1000);
const reason = optionalText(1000);

export const RejectReasonCode = z.enum(REJECT_REASONS, {
  error: tr(
    '理由应为 personal_matter（个人事务）、no_content（无实质内容）、out_of_jurisdiction（不属职权范围）、forwarded_letter（转交来信）、promotion（宣传推介）或 other（其他）',
    'The reason must be personal_matter, no_content, out_of_jurisdiction, forwarded_letter, promotion or other',
  ),
});

/** The actions a person takes through this route; assignment, replies and evaluation come with the handling work. */
export const ROUTE_ACTIONS = [
  'submit',
  'recall',
  'withdraw',
  'accept',
  'return_for_revision',
  'reject',
  'merge',
  'refer',
  'list',
  'convert',
  'not_list',
] as const;
export type RouteAction = (typeof ROUTE_ACTIONS)[number];

export const TransitionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit') }),
  z.object({ action: z.literal('recall'), note }),
  z.object({ action: z.literal('withdraw'), note }),
  z.object({ action: z.literal('accept'), categoryId: Uuid('类别编号', 'The category id').nullish(), note }),
  z.object({ action: z.literal('return_for_revision'), reason }),
  z.object({ action: z.literal('reject'), reason: RejectReasonCode.nullish(), note }),
  z.object({ action: z.literal('merge'), primaryId: Uuid('主建议编号', 'The primary suggestion id').nullish(), note }),
  z.object({ action: z.literal('refer'), committeeId: Uuid('专门委员会编号', 'The committee id').nullish(), note }),
  z.object({ action: z.literal('list'), note }),
  z.object({ action: z.literal('convert'), reason }),
  z.object({ action: z.literal('not_list'), reason }),
]);
export type TransitionBodyInput = z.infer<typeof TransitionBody>;
export type BodyOf<A extends RouteAction> = Omit<Extract<TransitionBodyInput, { action: A }>, 'action'>;

export const ActionParams = z.object({
  id: Uuid('编号', 'The id'),
  action: z.enum(ROUTE_ACTIONS, { error: tr('不支持的操作', 'Unknown action') }),
});
