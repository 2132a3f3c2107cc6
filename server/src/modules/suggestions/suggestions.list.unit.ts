import { type SQL, sql } from 'drizzle-orm';
import { tr } from '../../platform/i18n.js';
import type { AssignmentStatus } from './suggestions.assignment.workflow.js';
import { suggestionAssignments, suggestionReplies } from './suggestions.handling.tables.js';
import { suggestions } from './suggestions.tables.js';

/**
 * A unit's boxes in the list of suggestions (issue 4 item 10): `received` — what it holds now
 * (waiting to be signed for, being handled, a return asked); `due` — of those, what is due within
 * 30 days or already late; `approval` — replies drafted and sent up for the head's signature (签发),
 * waiting on the unit's second account; `returned` — what it asked to return or gave back. Without a
 * box, all that was ever assigned to it.
 */
export const UNIT_BOXES = ['received', 'due', 'approval', 'returned'] as const;
export type UnitBox = (typeof UNIT_BOXES)[number];

export const BOX_ERROR = tr(
  'box 应为 lead、cosigned、invitations（代表）或 received、due、approval、returned（承办单位）',
  'box must be lead, cosigned, invitations (deputies) or received, due, approval, returned (units)',
);

const HELD: readonly AssignmentStatus[] = ['pending', 'handling', 'return_requested'];
const DUE_WINDOW_DAYS = 30;

const statusIn = (statuses: readonly AssignmentStatus[]) =>
  sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );

export function unitBox(unitId: string, box: string | undefined): SQL {
  if (box === 'approval') {
    return sql`EXISTS (SELECT 1 FROM ${suggestionReplies} WHERE ${suggestionReplies.suggestionId} = ${suggestions.id}
      AND ${suggestionReplies.unitId} = ${unitId} AND ${suggestionReplies.status} = 'awaiting_approval')`;
  }
  const where = [
    sql`${suggestionAssignments.suggestionId} = ${suggestions.id}`,
    sql`${suggestionAssignments.unitId} = ${unitId}`,
  ];
  if (box === 'received') where.push(sql`${suggestionAssignments.status} IN (${statusIn(HELD)})`);
  if (box === 'due') {
    where.push(sql`${suggestionAssignments.status} IN (${statusIn(['pending', 'handling'])})`);
    where.push(sql`${suggestionAssignments.dueAt} <= now() + ${`${DUE_WINDOW_DAYS} days`}::interval`);
  }
  if (box === 'returned') where.push(sql`${suggestionAssignments.status} IN (${statusIn(['return_requested', 'returned'])})`);
  return sql`EXISTS (SELECT 1 FROM ${suggestionAssignments} WHERE ${sql.join(where, sql` AND `)})`;
}
