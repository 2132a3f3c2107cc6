import type { FieldCrypto } from '../../platform/crypto.js';
import { actionsFor, type CaseFacts, seesPersonalData } from './opinions.policy.js';
import { openSubmitter } from './opinions.privacy.js';
import type { CaseDetail } from './opinions.read.js';
import type { ExtensionRow, OpinionEventRow } from './opinions.repo.js';
import { ACTION_LABELS, isClosed, type OpinionAction, STATE_LABELS } from './opinions.workflow.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function presentExtension(e: ExtensionRow, people: Map<string, string> = new Map()) {
  return {
    id: e.id,
    opinionId: e.opinionId,
    status: e.status,
    reason: e.reason,
    requestedDays: e.requestedDays,
    requestedBy: e.requestedBy,
    requestedByName: people.get(e.requestedBy) ?? null,
    decidedBy: e.decidedBy,
    decidedAt: iso(e.decidedAt),
    decisionNote: e.decisionNote,
    newDueAt: iso(e.newDueAt),
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * The case as the account may see it: the constituent's name, phone and address in full only for the
 * roles that need them (opinions.policy.ts), masked copies otherwise.
 */
export function presentOpinion(d: CaseDetail, facts: CaseFacts, crypto: FieldCrypto) {
  const { row } = d;
  const revealed = seesPersonalData(facts, row);
  const named = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? '' } : null);
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    regionCode: row.regionCode,
    regionName: d.region,
    station: d.station ? { id: d.station.id, code: d.station.code, name: d.station.name } : null,
    receptionId: row.receptionId,
    channel: row.channel,
    category: d.category ? { id: d.category.id, code: d.category.code, name: d.category.name, nameEn: d.category.nameEn } : null,
    title: row.title,
    content: row.content,
    placeText: row.placeText,
    latitude: row.latitude,
    longitude: row.longitude,
    submitter: { ...openSubmitter(crypto, row, revealed), nameHidden: row.nameHidden, revealed },
    consentShare: row.consentShare,
    consentPublish: row.consentPublish,
    state: row.state,
    stateLabel: STATE_LABELS[row.state],
    responsibleDeputy: named(row.responsibleDeputyId, d.deputies),
    leadUnit: named(row.leadUnitId, d.unitNames),
    units: d.units.map((u) => ({
      unitId: u.unitId,
      name: d.unitNames.get(u.unitId) ?? '',
      role: u.role,
      round: u.round,
      status: u.status,
      dueAt: iso(u.dueAt),
    })),
    complex: row.complex,
    dueAt: iso(row.dueAt),
    overdue: row.overdue,
    overdueStages: row.overdueStages,
    urgeCount: row.urgeCount,
    supervised: row.supervised,
    supervisedBy: named(row.supervisedBy, d.people),
    supervisionInstruction: row.supervisionInstruction,
    rejectReason: row.rejectReason,
    rejectGuidance: row.rejectGuidance,
    reply: {
      result: row.replyResult,
      text: row.replyText,
      repliedAt: iso(row.repliedAt),
      dueAt: iso(row.replyDueAt),
      onTime: row.repliedOnTime,
    },
    files: d.files.map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size, kind: f.kind })),
    fedBackAt: iso(row.fedBackAt),
    evaluation: row.evaluation,
    evaluationComment: row.evaluationComment,
    evaluatedAt: iso(row.evaluatedAt),
    rehandleCount: row.rehandleCount,
    closedAt: iso(row.closedAt),
    mergedIntoId: row.mergedIntoId,
    mergedCount: d.mergedCount,
    convertedSuggestionId: row.convertedSuggestionId,
    extensions: d.extensions.map((e) => presentExtension(e, d.people)),
    version: row.version,
    receivedAt: row.receivedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    actions: actionsFor(facts, row.state),
  };
}

/** Labels of the timeline's actions that are not transitions of the workflow. */
const EVENT_LABELS: Record<string, { zh: string; en: string }> = {
  submit: { zh: '提交', en: 'submitted' },
  urge: { zh: '催办', en: 'urged' },
  supervise: { zh: '督办', en: 'supervised' },
  extension_requested: { zh: '申请延期', en: 'extension requested' },
  extension_approved: { zh: '批准延期', en: 'extension approved' },
  extension_rejected: { zh: '不予延期', en: 'extension refused' },
  merged_in: { zh: '并入重复意见', en: 'a duplicate merged in' },
  primary_feedback: { zh: '随主意见反馈', en: 'answer of the primary fed back' },
  overdue: { zh: '超期', en: 'overdue' },
  anonymize: { zh: '个人信息匿名化', en: 'personal data anonymised' },
  publish: { zh: '公开', en: 'published' },
  publication_edited: { zh: '修改公开内容', en: 'published wording edited' },
  unpublish: { zh: '撤回公开', en: 'publication withdrawn' },
};

export function presentEvent(e: OpinionEventRow) {
  const label = (ACTION_LABELS as Record<string, { zh: string; en: string }>)[e.action as OpinionAction] ??
    EVENT_LABELS[e.action] ?? { zh: e.action, en: e.action };
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    actorName: e.actorName,
    action: e.action,
    label,
    fromState: e.fromState,
    toState: e.toState,
    note: e.note,
    data: (e.data as Record<string, unknown> | null) ?? null,
    stageOverdue: e.stageOverdue,
  };
}

export const isOpen = (row: { state: Parameters<typeof isClosed>[0] }) => !isClosed(row.state);
