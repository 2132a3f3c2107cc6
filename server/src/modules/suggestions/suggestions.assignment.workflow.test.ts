import { describe, expect, it } from 'vitest';
import { ROLES } from '../../platform/auth/roles.js';
import { endOfChinaDay } from '../../platform/calendar/calendar.js';
import {
  ASSIGNMENT_ACTIONS,
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATUSES,
  type AssignmentAction,
  type AssignmentInput,
  type AssignmentRole,
  type AssignmentStatus,
  allRepliesIn,
  decideAssignment,
  extensionRefusal,
  latestExtendedDue,
} from './suggestions.assignment.workflow.js';
import type { Actor } from './suggestions.workflow.js';

const ACTORS: readonly Actor[] = [...ROLES, 'system'];
const GOOD: Record<AssignmentAction, AssignmentInput> = {
  unit_accept: { actorIsUnit: true },
  request_return: { actorIsUnit: true, withinReturnWindow: true, reason: '不属于本单位职责' },
  approve_return: {},
  refuse_return: { reason: '属于本单位职责' },
  reply: { actorIsUnit: true, replyApproved: true },
  send_opinion: { actorIsUnit: true, opinionText: true },
  withdraw: {},
};
const REPLYING: readonly AssignmentRole[] = ['lead', 'separate', 'joint'];

/** The per-unit machine of DESIGN §3.2, written out: (status, action, actor, roles) → next. */
const ALLOWED: [AssignmentStatus, AssignmentAction, Actor, readonly AssignmentRole[], AssignmentStatus][] = [
  ['pending', 'unit_accept', 'unit_staff', ASSIGNMENT_ROLES, 'handling'],
  ['pending', 'request_return', 'unit_staff', ASSIGNMENT_ROLES, 'return_requested'],
  ['pending', 'withdraw', 'office_staff', ASSIGNMENT_ROLES, 'withdrawn'],
  ['handling', 'reply', 'unit_staff', REPLYING, 'replied'],
  ['handling', 'send_opinion', 'unit_staff', ['co'], 'replied'],
  ['handling', 'withdraw', 'office_staff', ASSIGNMENT_ROLES, 'withdrawn'],
  ['return_requested', 'approve_return', 'office_staff', ASSIGNMENT_ROLES, 'returned'],
  ['return_requested', 'refuse_return', 'office_staff', ASSIGNMENT_ROLES, 'pending'],
];

describe('assignment workflow', () => {
  it('allows exactly the per-unit transitions and refuses every other combination', () => {
    for (const status of ASSIGNMENT_STATUSES) {
      for (const action of ASSIGNMENT_ACTIONS) {
        for (const actor of ACTORS) {
          for (const role of ASSIGNMENT_ROLES) {
            const d = decideAssignment(status, action, actor, { role, ...GOOD[action] });
            const next = ALLOWED.find(
              ([s, a, who, roles]) => s === status && a === action && who === actor && roles.includes(role),
            )?.[4];
            const where = `${status} --${action}/${actor}/${role}-->`;
            if (next) expect(d, where).toEqual({ ok: true, next });
            else {
              expect(d.ok, where).toBe(false);
              if (!d.ok) expect([403, 409], where).toContain(d.status);
            }
          }
        }
      }
    }
  });

  it('keeps a co unit to its opinion and the others to their replies', () => {
    expect(
      decideAssignment('handling', 'reply', 'unit_staff', { role: 'co', actorIsUnit: true, replyApproved: true }),
    ).toMatchObject({
      ok: false,
      status: 409,
      code: 'WRONG_ROLE',
    });
    expect(
      decideAssignment('handling', 'send_opinion', 'unit_staff', { role: 'lead', actorIsUnit: true, opinionText: true }),
    ).toMatchObject({
      code: 'WRONG_ROLE',
    });
  });

  it('guards returns, replies and opinions', () => {
    expect(decideAssignment('pending', 'unit_accept', 'unit_staff', { role: 'lead', actorIsUnit: false })).toMatchObject({
      status: 403,
    });
    expect(
      decideAssignment('pending', 'request_return', 'unit_staff', {
        role: 'lead',
        actorIsUnit: true,
        withinReturnWindow: false,
        reason: 'x',
      }),
    ).toMatchObject({ code: 'RETURN_WINDOW_PASSED' });
    expect(
      decideAssignment('pending', 'request_return', 'unit_staff', { role: 'lead', actorIsUnit: true, withinReturnWindow: true }),
    ).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(decideAssignment('return_requested', 'refuse_return', 'office_staff', {})).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(decideAssignment('handling', 'reply', 'unit_staff', { role: 'lead', actorIsUnit: true })).toMatchObject({
      code: 'REPLY_NOT_APPROVED',
    });
    expect(decideAssignment('handling', 'send_opinion', 'unit_staff', { role: 'co', actorIsUnit: true })).toMatchObject({
      code: 'OPINION_REQUIRED',
    });
  });

  it('allows extensions up to six months from the assignment in all', () => {
    const assignedAt = endOfChinaDay('2025-01-10');
    const due = endOfChinaDay('2025-04-10');
    expect(latestExtendedDue(assignedAt, 6)).toEqual(endOfChinaDay('2025-07-10'));
    expect(extensionRefusal(assignedAt, due, endOfChinaDay('2025-07-10'), 6)).toBeNull();
    expect(extensionRefusal(assignedAt, due, endOfChinaDay('2025-07-11'), 6)).toMatchObject({
      code: 'EXTENSION_TOO_LONG',
      details: { latest: '2025-07-10' },
    });
    expect(extensionRefusal(assignedAt, due, endOfChinaDay('2025-04-01'), 6)).toMatchObject({ code: 'EXTENSION_NOT_LATER' });
    // Month ends clamp: 31 August + 6 months is the last day of February.
    expect(latestExtendedDue(endOfChinaDay('2025-08-31'), 6)).toEqual(endOfChinaDay('2026-02-28'));
  });

  it('waits for every replying unit, not for co units nor returned ones', () => {
    expect(allRepliesIn([])).toBe(false);
    expect(
      allRepliesIn([
        { role: 'lead', status: 'replied' },
        { role: 'co', status: 'handling' },
      ]),
    ).toBe(true);
    expect(
      allRepliesIn([
        { role: 'separate', status: 'replied' },
        { role: 'separate', status: 'handling' },
      ]),
    ).toBe(false);
    expect(
      allRepliesIn([
        { role: 'lead', status: 'returned' },
        { role: 'lead', status: 'replied' },
      ]),
    ).toBe(true);
    expect(allRepliesIn([{ role: 'co', status: 'replied' }])).toBe(false);
  });
});
