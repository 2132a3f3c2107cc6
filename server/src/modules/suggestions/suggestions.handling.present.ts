import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import type { Text } from '../../platform/i18n.js';
import { findCongress } from './congresses.repo.js';
import { DEFAULT_REPLY_CLASS_LABELS, type ReplyClass, type ReplyClassLabels } from './congresses.tables.js';
import { ASSIGNMENT_STATUS_LABELS, REPLYING_ROLES } from './suggestions.assignment.workflow.js';
import {
  assignmentsOf,
  commitmentsOf,
  consultationsOf,
  coOpinionsOf,
  evaluationsOf,
  openCommitments,
  repliesOf,
} from './suggestions.handling.repo.js';
import type { HandlingViewType } from './suggestions.handling.schema.js';
import type { ConsultationKind, ReplyStatus } from './suggestions.handling.tables.js';
import { missingLetterFields } from './suggestions.letter.js';
import type { SuggestionFacts } from './suggestions.policy.js';
import type { SuggestionRow } from './suggestions.repo.js';
import { STATE_LABELS } from './suggestions.workflow.js';

/** The handling page's data for one account: what it may see of the units' work, and what it may do next. */

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const CONSULTATION_KIND_LABELS: Record<ConsultationKind, Text> = {
  face_to_face: { zh: '当面沟通', en: 'Face to face' },
  phone: { zh: '电话沟通', en: 'Phone' },
  visit: { zh: '走访', en: 'Visit' },
  meeting: { zh: '座谈会', en: 'Meeting' },
};

export const REPLY_STATUS_LABELS: Record<ReplyStatus, Text> = {
  draft: { zh: '草稿', en: 'Draft' },
  awaiting_approval: { zh: '待签发', en: 'Awaiting approval' },
  approved: { zh: '已签发', en: 'Approved' },
  sent: { zh: '已答复', en: 'Sent' },
};

export const letterUrl = (suggestionId: string, replyId: string) => `/api/suggestions/${suggestionId}/replies/${replyId}/letter`;

export async function presentHandling(
  db: Executor,
  user: SessionUser,
  row: SuggestionRow,
  facts: SuggestionFacts,
): Promise<HandlingViewType> {
  const [congress, assignments, coOpinions, consultations, replies, commitments, evaluations] = await Promise.all([
    findCongress(db, row.congressId),
    assignmentsOf(db, row.id),
    coOpinionsOf(db, row.id),
    consultationsOf(db, row.id),
    repliesOf(db, row.id),
    commitmentsOf(db, row.id),
    evaluationsOf(db, row.id),
  ]);
  const labels: ReplyClassLabels = { ...DEFAULT_REPLY_CLASS_LABELS, ...(congress?.replyClassLabels ?? {}) };
  const classLabel = (c: ReplyClass | null) => (c ? labels[c] : null);
  const unitNames = new Map(assignments.map((a) => [a.a.unitId, a.unitName]));
  const unit = (id: string) => ({ id, name: unitNames.get(id) ?? '' });
  const myUnit = user.role === 'unit_staff' ? user.organizationId : null;
  const office = facts.role === 'office_staff' || facts.role === 'leader';
  const active = assignments.filter((a) => a.a.status !== 'returned' && a.a.status !== 'withdrawn');
  const round = active.reduce((m, a) => Math.max(m, a.a.round), 1);
  const mine = myUnit ? active.filter((a) => a.a.unitId === myUnit).sort((x, y) => y.a.round - x.a.round)[0]?.a : undefined;
  const leadsAnyRound = !!myUnit && assignments.some((a) => a.a.unitId === myUnit && a.a.role === 'lead');

  // A deputy sees replies once sent; a unit its own drafts and the others' sent replies; the office all.
  const visibleReplies = replies.filter((r) => office || r.r.status === 'sent' || (!!myUnit && r.r.unitId === myUnit));
  // Co opinions go to the lead unit: the deputy does not see them.
  const visibleOpinions = coOpinions.filter((o) => {
    if (office) return true;
    if (!myUnit) return false;
    return leadsAnyRound || assignments.some((a) => a.a.id === o.assignmentId && a.a.unitId === myUnit);
  });
  const myReply = mine ? replies.find((r) => r.r.assignmentId === mine.id)?.r : undefined;
  const working = row.state === 'assigned' || row.state === 'rehandling';
  const lead = facts.role === 'deputy' && facts.lead;
  const open = row.state === 'closed' ? await openCommitments(db, row.id, Math.max(1, row.evaluationRound)) : 0;

  return {
    suggestionId: row.id,
    state: row.state,
    stateLabel: STATE_LABELS[row.state],
    round,
    evaluationRound: row.evaluationRound,
    dueAt: iso(row.dueAt),
    replyClass: row.replyClass,
    replyClassLabel: classLabel(row.replyClass),
    assignments: assignments.map(({ a, unitName }) => ({
      id: a.id,
      unit: { id: a.unitId, name: unitName },
      role: a.role,
      round: a.round,
      status: a.status,
      statusLabel: ASSIGNMENT_STATUS_LABELS[a.status],
      dueAt: a.dueAt.toISOString(),
      repliedAt: iso(a.repliedAt),
      repliedOnTime: a.repliedOnTime,
    })),
    coOpinions: visibleOpinions.map((o) => {
      const from = assignments.find((a) => a.a.id === o.assignmentId);
      return {
        id: o.id,
        assignmentId: o.assignmentId,
        unit: unit(from?.a.unitId ?? ''),
        text: o.text,
        sentAt: o.sentAt.toISOString(),
        onTime: o.onTime,
      };
    }),
    consultations: consultations.map((c) => ({
      id: c.id,
      assignmentId: c.assignmentId,
      unit: unit(c.unitId),
      kind: c.kind,
      kindLabel: CONSULTATION_KIND_LABELS[c.kind],
      heldAt: c.heldAt.toISOString(),
      place: c.place,
      participants: c.participants,
      summary: c.summary,
      confirmation: c.confirmation,
      confirmedAt: iso(c.confirmedAt),
      confirmationNote: c.confirmationNote,
    })),
    faceToFace: consultations.some((c) => c.kind === 'face_to_face' && c.confirmation === 'confirmed'),
    replies: visibleReplies.map(({ r, unitName }) => ({
      id: r.id,
      assignmentId: r.assignmentId,
      unit: { id: r.unitId, name: unitName },
      round: r.round,
      status: r.status,
      statusLabel: REPLY_STATUS_LABELS[r.status],
      replyClass: r.replyClass,
      replyClassLabel: classLabel(r.replyClass),
      text: r.text,
      referenceNumber: r.referenceNumber,
      signerName: r.signerName,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      draftedBy: r.draftedBy,
      approvedBy: r.approvedBy,
      approvedAt: iso(r.approvedAt),
      sentAt: iso(r.sentAt),
      onTime: r.onTime,
      missingFields: missingLetterFields(r),
      letterUrl: letterUrl(row.id, r.id),
      commitments: commitments
        .filter((c) => c.replyId === r.id)
        .map((c) => ({
          id: c.id,
          replyId: c.replyId,
          unitId: c.unitId,
          content: c.content,
          dueOn: c.dueOn,
          status: c.status,
          doneAt: iso(c.doneAt),
          doneNote: c.doneNote,
        })),
    })),
    evaluations: evaluations.map((e) => ({
      round: e.round,
      result: e.result,
      attitude: e.attitude,
      silent: e.silent,
      comment: e.comment,
      evaluatedAt: e.evaluatedAt.toISOString(),
    })),
    me: {
      assignmentId: mine?.id ?? null,
      sendOpinion: working && mine?.role === 'co' && mine.status === 'handling',
      logConsultation:
        (working || row.state === 'awaiting_evaluation') && (mine?.status === 'handling' || mine?.status === 'replied'),
      draftReply:
        working &&
        !!mine &&
        REPLYING_ROLES.includes(mine.role) &&
        mine.status === 'handling' &&
        (!myReply || myReply.status === 'draft'),
      approveReply: working && myReply?.status === 'awaiting_approval' && myReply.draftedBy !== user.id,
      sendReply: working && mine?.status === 'handling' && myReply?.status === 'approved',
      confirmConsultation: lead && consultations.some((c) => c.confirmation === 'pending'),
      evaluate: lead && row.state === 'awaiting_evaluation',
      fulfil:
        facts.role === 'office_staff' &&
        facts.inRegion &&
        !facts.committeeAccount &&
        row.state === 'closed' &&
        (row.replyClass === 'B' || row.replyClass === 'C') &&
        open === 0,
    },
  };
}
