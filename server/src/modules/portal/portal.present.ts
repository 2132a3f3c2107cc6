import type { Locale, Text } from '../../platform/i18n.js';
import type { OpinionEventRow, OpinionRow } from '../opinions/opinions.repo.js';
import type { OpinionState } from '../opinions/opinions.workflow.js';
import type { PublicOpinionViewOutput, PublicStage } from './portal.schema.js';

/**
 * What the constituent sees of a case: never a name or a phone, no internal notes, urging,
 * supervision or extensions — only the steps a constituent would recognise, worded for them.
 */

const STAGES: Record<OpinionState, PublicStage> = {
  submitted: 'submitted',
  accepted: 'accepted',
  in_review: 'handling',
  transferred: 'handling',
  handling: 'handling',
  replied: 'replied',
  awaiting_evaluation: 'replied',
  closed: 'closed',
  rejected: 'rejected',
  merged: 'merged',
  // A deputy's suggestion now carries the matter: it is still being worked on.
  converted: 'handling',
};

export const stageOf = (state: OpinionState): PublicStage => STAGES[state];

/** The timeline actions shown to the public, and how they are worded there. Everything else stays inside. */
export const PUBLIC_STEPS: Record<string, Text> = {
  submit: { zh: '意见已提交', en: 'Submitted' },
  accept: { zh: '已受理', en: 'Accepted' },
  reject: { zh: '不予受理', en: 'Not accepted' },
  escalate: { zh: '已提交人大代表工作机构研究办理', en: 'Passed to the congress office' },
  transfer: { zh: '已转交承办单位办理', en: 'Sent to the handling unit' },
  unit_accept: { zh: '承办单位已签收办理', en: 'The handling unit took it up' },
  answer_on_spot: { zh: '代表已当场答复', en: 'Answered on the spot' },
  resolve: { zh: '已办理答复', en: 'Answered' },
  reply: { zh: '承办单位已答复', en: 'The handling unit replied' },
  feedback: { zh: '已向您反馈办理结果', en: 'The answer was given to you' },
  primary_feedback: { zh: '已向您反馈办理结果', en: 'The answer was given to you' },
  evaluate: { zh: '您已评价', en: 'You rated the answer' },
  rehandle: { zh: '重新办理', en: 'Being handled again' },
  expire_evaluation: { zh: '已办结', en: 'Closed' },
  merge: { zh: '已与相同问题合并办理', en: 'Handled together with the same matter' },
  convert: { zh: '已转为代表建议办理', en: "Taken up in a deputy's suggestion" },
};

export interface PublicCase {
  row: OpinionRow;
  events: OpinionEventRow[];
  stationName: string | null;
  category: { name: string; nameEn: string | null } | null;
  photoIds: string[];
  /** The case whose answer this one hears: the primary when merged, else the case itself. */
  answered: OpinionRow;
  unitName: string | null;
}

export function presentPublicCase(c: PublicCase, locale: Locale, last4: string): PublicOpinionViewOutput {
  const { row, answered } = c;
  // A merged case hears its primary's answer once that was fed back.
  const replyVisible = answered.repliedAt !== null && (answered === row || row.fedBackAt !== null);
  return {
    trackingCode: row.trackingCode,
    state: row.state,
    stage: stageOf(row.state),
    stationName: c.stationName,
    categoryName: c.category ? (locale === 'en' ? (c.category.nameEn ?? c.category.name) : c.category.name) : null,
    content: row.content,
    placeText: row.placeText,
    receivedAt: row.receivedAt.toISOString(),
    steps: c.events
      .filter((e) => Object.hasOwn(PUBLIC_STEPS, e.action))
      .map((e) => ({ at: e.at.toISOString(), action: e.action, label: (PUBLIC_STEPS[e.action] as Text)[locale] })),
    reply: replyVisible
      ? {
          result: answered.replyResult,
          text: answered.replyText,
          repliedAt: answered.repliedAt?.toISOString() ?? null,
          unitName: c.unitName,
        }
      : null,
    rejectReason: row.state === 'rejected' ? row.rejectReason : null,
    rejectGuidance: row.state === 'rejected' ? row.rejectGuidance : null,
    evaluation: row.evaluation,
    canEvaluate: row.state === 'awaiting_evaluation',
    photos: c.photoIds.map((id) => ({
      id,
      url: `/api/public/opinions/${row.trackingCode}/photos/${id}?last4=${last4}`,
    })),
  };
}
