import type { Executor } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, forbidden, notFound } from '../../../platform/errors.js';
import { nowOf, type SuggestionDeps } from '../suggestions.deps.js';
import {
  deleteMeeting,
  findMeeting,
  lockMeeting,
  type MeetingRow,
  meetingParts,
  replaceMeeting,
} from '../suggestions.meetings.repo.js';
import { assertSupervises } from '../suggestions.supervision.policy.js';
import type { MeetingInput } from '../suggestions.supervision.schema.js';
import { checkMeeting, meetingAudit } from './recordCoordinationMeeting.js';

const meetingNotFound = () => notFound('协调会', 'Coordination meeting');

/** What the audit trail keeps of a meeting as it stood before a correction or a deletion. */
async function before(db: Executor, m: MeetingRow) {
  const parts = await meetingParts(db, m.id);
  return meetingAudit(m, {
    suggestionIds: parts.suggestions.map((s) => s.id),
    unitIds: parts.units.map((u) => u.id),
    problems: parts.problems,
  });
}

/**
 * A correction of a recorded meeting (a date, an attendee, a result written wrong): the same checks
 * as recording it, the same congress (a meeting of another congress is another meeting), and the
 * whole meeting written anew in one transaction, with what it was in the audit trail.
 */
export async function correctCoordinationMeeting(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: MeetingInput,
): Promise<MeetingRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const current = await findMeeting(deps.db, id);
  if (!current) throw meetingNotFound();
  assertSupervises(user, current.regionCode);
  if (body.congressId !== current.congressId) {
    throw badRequest('MEETING_CONGRESS_FIXED', {
      zh: '协调会所属的人大不能更改，请删除后重新记录',
      en: "A meeting's congress cannot change: delete it and record it again",
    });
  }
  const checked = await checkMeeting(deps, user, body, nowOf(deps));
  return deps.db.transaction(async (tx) => {
    // Locked, so that two corrections apply one after the other and a deletion meanwhile is seen, not undone.
    const locked = await lockMeeting(tx, id);
    if (!locked) throw meetingNotFound();
    const was = await before(tx, locked);
    const meeting = await replaceMeeting(
      tx,
      id,
      { heldOn: body.heldOn, place: body.place, attendees: body.attendees, summary: body.summary ?? '' },
      { unitIds: checked.unitIds, suggestionIds: checked.suggestionIds, problems: checked.problems },
    );
    await recordAudit(tx, ctx, {
      action: 'suggestion_meeting.update',
      entityType: 'suggestion_meeting',
      entityId: id,
      regionCode: meeting.regionCode,
      before: was,
      after: meetingAudit(meeting, checked),
    });
    return meeting;
  });
}

/** A meeting recorded by mistake (twice, or under the wrong congress) is deleted whole; the audit trail keeps what it was. */
export async function deleteCoordinationMeeting(deps: SuggestionDeps, ctx: RequestContext, id: string): Promise<void> {
  const user = ctx.user;
  if (!user) throw forbidden();
  await deps.db.transaction(async (tx) => {
    const current = await lockMeeting(tx, id);
    if (!current) throw meetingNotFound();
    assertSupervises(user, current.regionCode);
    const was = await before(tx, current);
    await deleteMeeting(tx, id);
    await recordAudit(tx, ctx, {
      action: 'suggestion_meeting.delete',
      entityType: 'suggestion_meeting',
      entityId: id,
      regionCode: current.regionCode,
      before: was,
    });
  });
}
