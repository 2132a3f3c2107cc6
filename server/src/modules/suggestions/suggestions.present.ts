import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { notFound } from '../../platform/errors.js';
import type { Text } from '../../platform/i18n.js';
import { findCongress, findSession, findTerm } from './congresses.repo.js';
import { sessionLabel } from './congresses.rules.js';
import type { ListedSuggestion } from './suggestions.list.js';
import { deputyNames, findCategory, organizationNames } from './suggestions.parties.repo.js';
import { actionsFor, assertMayView, type SuggestionFacts, sideActionsFor, suggestionFacts } from './suggestions.policy.js';
import {
  findSuggestion,
  followersOf,
  listCosigners,
  listFiles,
  type SuggestionEventRow,
  type SuggestionRow,
} from './suggestions.repo.js';
import { ROUTE_ACTIONS } from './suggestions.transitions.schema.js';
import { ACTION_LABELS, type RejectReason, STATE_LABELS } from './suggestions.workflow.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const REJECT_REASON_LABELS: Record<RejectReason, Text> = {
  personal_matter: { zh: '属于个人事务', en: 'A personal matter' },
  no_content: { zh: '无实质内容', en: 'No real content' },
  out_of_jurisdiction: { zh: '不属于本级职权范围', en: 'Outside the jurisdiction' },
  forwarded_letter: { zh: '转交来信', en: 'A forwarded letter' },
  promotion: { zh: '宣传推介', en: 'Promotion' },
  other: { zh: '其他', en: 'Other' },
};

/** The suggestion and what the account is to it; 404 when there is none, 403 when it is not the account's to see. */
export async function loadVisible(db: Executor, user: SessionUser, id: string) {
  const row = await findSuggestion(db, id);
  if (!row) throw notFound('建议', 'Suggestion');
  const facts = await suggestionFacts(db, user, row);
  assertMayView(facts, row);
  return { row, facts };
}

/** Everything the suggestion page shows, read in one go. */
export async function loadDetail(db: Executor, row: SuggestionRow) {
  const [congress, term, session, category, cosigners, files, merged, primary] = await Promise.all([
    findCongress(db, row.congressId),
    findTerm(db, row.termId),
    row.sessionId ? findSession(db, row.sessionId) : undefined,
    row.categoryId ? findCategory(db, row.categoryId) : undefined,
    listCosigners(db, row.id),
    listFiles(db, row.id),
    followersOf(db, row.id),
    row.mergedIntoId ? findSuggestion(db, row.mergedIntoId) : undefined,
  ]);
  const [leads, orgs] = await Promise.all([
    deputyNames(db, [row.leadDeputyId]),
    organizationNames(db, row.committeeId ? [row.committeeId] : []),
  ]);
  return { row, congress, term, session, category, cosigners, files, merged, primary, leads, orgs };
}
export type Detail = Awaited<ReturnType<typeof loadDetail>>;

export function presentItem(l: ListedSuggestion) {
  const r = l.row;
  return {
    id: r.id,
    kind: r.kind,
    originalKind: r.originalKind,
    number: r.number,
    title: r.title,
    state: r.state,
    stateLabel: STATE_LABELS[r.state],
    phase: r.phase,
    congress: { id: r.congressId, name: l.congressName },
    place: sessionLabel(l.termNumber, l.sessionNumber ?? null),
    leadDeputy: { id: r.leadDeputyId, name: l.leadName },
    cosignerCount: l.cosignerCount,
    confirmedCount: l.confirmedCount,
    category:
      r.categoryId && l.categoryName ? { id: r.categoryId, name: l.categoryName, nameEn: l.categoryNameEn ?? null } : null,
    regionCode: r.regionCode,
    dueAt: iso(r.dueAt),
    submittedAt: iso(r.submittedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentSuggestion(d: Detail, facts: SuggestionFacts) {
  const { row } = d;
  const termNumber = d.term?.number ?? 0;
  const side = sideActionsFor(facts, row);
  return {
    ...presentItem({
      row,
      congressName: d.congress?.name ?? '',
      termNumber,
      sessionNumber: d.session?.number ?? null,
      leadName: d.leads.get(row.leadDeputyId) ?? '',
      categoryName: d.category?.name ?? null,
      categoryNameEn: d.category?.nameEn ?? null,
      cosignerCount: d.cosigners.length,
      confirmedCount: d.cosigners.filter((c) => c.status === 'confirmed').length,
    }),
    grounds: row.grounds,
    proposal: row.proposal,
    congressId: row.congressId,
    termId: row.termId,
    termNumber,
    sessionId: row.sessionId,
    sessionNumber: d.session?.number ?? null,
    byDelegation: row.byDelegation,
    delegation: row.delegation,
    motionMinSigners: d.congress?.motionMinSigners ?? 0,
    cosigners: d.cosigners.map((c) => ({
      deputyId: c.deputyId,
      name: c.name,
      status: c.status,
      serving: c.deputyStatus === 'serving',
      invitedAt: c.invitedAt.toISOString(),
      respondedAt: iso(c.respondedAt),
      declineReason: c.declineReason,
    })),
    files: d.files.map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size, kind: f.kind })),
    returnReason: row.returnReason,
    rejectReason: row.rejectReason,
    rejectReasonLabel: row.rejectReason ? REJECT_REASON_LABELS[row.rejectReason] : null,
    rejectNote: row.rejectNote,
    mergedInto: d.primary ? { id: d.primary.id, title: d.primary.title } : null,
    merged: d.merged.map((m) => ({ id: m.id, title: m.title })),
    committee: row.committeeId ? { id: row.committeeId, name: d.orgs.get(row.committeeId) ?? '' } : null,
    committeeDecision: row.committeeDecision,
    committeeReason: row.committeeReason,
    acceptedAt: iso(row.acceptedAt),
    me: {
      lead: facts.lead,
      cosignerStatus: facts.cosigner?.status ?? null,
      // Only what the API takes today: assignment and handling come with their own routes.
      actions: actionsFor(facts, row)
        .filter((a) => (ROUTE_ACTIONS as readonly string[]).includes(a))
        .map((action) => ({ action, label: ACTION_LABELS[action] })),
      ...side,
    },
    version: row.version,
  };
}

export const presentEvent = (e: SuggestionEventRow) => ({
  id: e.id,
  at: e.at.toISOString(),
  actorName: e.actorName,
  actorRole: e.actorRole,
  action: e.action,
  fromState: e.fromState,
  toState: e.toState,
  note: e.note,
  data: e.data ?? null,
});
