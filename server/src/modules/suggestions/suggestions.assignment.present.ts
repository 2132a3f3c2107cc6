import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import type { Text } from '../../platform/i18n.js';
import {
  type AssignmentRow,
  assignmentsOf,
  type ExtensionRow,
  extensionsOf,
  type ReturnRow,
  returnsOf,
} from './suggestions.assignment.repo.js';
import { ROLE_LABELS, withinWindow } from './suggestions.assignment.rules.js';
import type { AssignmentViewData } from './suggestions.assignment.schema.js';
import { actsForUnit } from './suggestions.assignment.transition.js';
import { ASSIGNMENT_STATUS_LABELS } from './suggestions.assignment.workflow.js';
import type { SuggestionFacts } from './suggestions.policy.js';
import type { SuggestionRow } from './suggestions.repo.js';
import { STATE_LABELS } from './suggestions.workflow.js';

/** The assignment panel of a suggestion, as the caller may act on it. */

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const DECIDED_LABELS: Record<string, Text> = {
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '已同意', en: 'Approved' },
  rejected: { zh: '不同意', en: 'Refused' },
  refused: { zh: '不同意', en: 'Refused' },
};

export const presentExtension = (e: ExtensionRow) => ({
  id: e.id,
  assignmentId: e.assignmentId,
  reason: e.reason,
  requestedDueAt: e.requestedDueAt.toISOString(),
  status: e.status,
  statusLabel: DECIDED_LABELS[e.status] as Text,
  createdAt: e.createdAt.toISOString(),
  decidedAt: iso(e.decidedAt),
  decisionNote: e.decisionNote,
  newDueAt: iso(e.newDueAt),
});

const presentReturn = (r: ReturnRow) => ({
  id: r.id,
  assignmentId: r.assignmentId,
  reason: r.reason,
  requestedAt: r.requestedAt.toISOString(),
  status: r.status,
  statusLabel: DECIDED_LABELS[r.status] as Text,
  decidedAt: iso(r.decidedAt),
  decisionNote: r.decisionNote,
  reassignedAssignmentId: r.reassignedAssignmentId,
});

const STILL_HANDLED = new Set(['pending', 'handling', 'return_requested']);

/** Late now while the unit still owes it, or late when it ended (the flag frozen then). */
export const isOverdue = (a: AssignmentRow, now: Date) =>
  a.overdue || (STILL_HANDLED.has(a.status) && now.getTime() > a.dueAt.getTime());

function buttons(
  a: AssignmentRow,
  user: SessionUser,
  facts: SuggestionFacts,
  pendingExtension: boolean,
  succeeded: boolean,
  now: Date,
): AssignmentViewData['actions'] {
  const out: AssignmentViewData['actions'] = [];
  if (actsForUnit(user, a)) {
    if (a.status === 'pending') out.push('accept');
    if (a.status === 'pending' && withinWindow(a.returnDueAt, now)) out.push('request_return');
    if (a.status === 'handling' && !pendingExtension) out.push('request_extension');
  }
  if (user.role === 'office_staff' && facts.inRegion && !facts.committeeAccount) {
    if (a.status === 'return_requested') out.push('decide_return');
    if ((a.status === 'returned' || a.status === 'withdrawn') && !succeeded) out.push('reassign');
    if (a.status === 'pending' || a.status === 'handling') out.push('withdraw');
    if (pendingExtension) out.push('decide_extension');
  }
  return out;
}

export async function loadPanel(db: Executor, row: SuggestionRow, user: SessionUser, facts: SuggestionFacts, now: Date) {
  const [rows, extensions, returns] = await Promise.all([
    assignmentsOf(db, row.id),
    extensionsOf(db, row.id),
    returnsOf(db, row.id),
  ]);
  const successors = new Set(rows.map((r) => r.a.reassignedFromId).filter((id): id is string => !!id));
  const items = rows.map(({ a, unitName, assignedByName }) => {
    const ext = extensions.filter((e) => e.assignmentId === a.id);
    return {
      id: a.id,
      suggestionId: a.suggestionId,
      round: a.round,
      unit: { id: a.unitId, name: unitName },
      role: a.role,
      roleLabel: ROLE_LABELS[a.role],
      status: a.status,
      statusLabel: ASSIGNMENT_STATUS_LABELS[a.status],
      batchLabel: a.batchLabel,
      assignedAt: a.assignedAt.toISOString(),
      assignedByName,
      returnDueAt: iso(a.returnDueAt),
      returnWindowOpen: a.status === 'pending' && withinWindow(a.returnDueAt, now),
      dueAt: a.dueAt.toISOString(),
      originalDueAt: a.originalDueAt.toISOString(),
      overdue: isOverdue(a, now),
      acceptedAt: iso(a.acceptedAt),
      repliedAt: iso(a.repliedAt),
      repliedOnTime: a.repliedOnTime,
      reassignedFromId: a.reassignedFromId,
      extensions: ext.map(presentExtension),
      returns: returns.filter((r) => r.assignmentId === a.id).map(presentReturn),
      actions: buttons(
        a,
        user,
        facts,
        ext.some((e) => e.status === 'pending'),
        successors.has(a.id),
        now,
      ),
    };
  });
  const office = user.role === 'office_staff' && facts.inRegion && !facts.committeeAccount;
  return {
    suggestionId: row.id,
    number: row.number,
    title: row.title,
    state: row.state,
    stateLabel: STATE_LABELS[row.state],
    dueAt: iso(row.dueAt),
    assignedAt: iso(row.assignedAt),
    canAssign: office && row.state === 'accepted' && row.kind === 'suggestion',
    items,
    total: items.length,
  };
}
