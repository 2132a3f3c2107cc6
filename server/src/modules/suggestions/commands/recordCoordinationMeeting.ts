import { recordAudit } from '../../../platform/audit.js';
import type { SessionUser } from '../../../platform/auth/session.js';
import { chinaDate } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, forbidden, notFound } from '../../../platform/errors.js';
import { type CongressRow, findCongress } from '../congresses.repo.js';
import { nowOf, type SuggestionDeps } from '../suggestions.deps.js';
import { insertMeeting, type MeetingRow, suggestionsOfCongress, unitsAmong } from '../suggestions.meetings.repo.js';
import { assertSupervises } from '../suggestions.supervision.policy.js';
import type { MeetingInput } from '../suggestions.supervision.schema.js';

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/** A meeting as it is to be written, after every check of its references. */
export interface CheckedMeeting {
  congress: CongressRow;
  suggestionIds: string[];
  unitIds: string[];
  problems: { problem: string; result: string; suggestionId: string | null }[];
}

/**
 * The checks a meeting passes when it is recorded and when it is corrected: it has been held (not
 * later than today in China), the account supervises the congress's region, and every suggestion,
 * unit and problem refers to what exists and belongs together.
 */
export async function checkMeeting(
  deps: SuggestionDeps,
  user: SessionUser,
  body: MeetingInput,
  now: Date,
): Promise<CheckedMeeting> {
  if (body.heldOn > chinaDate(now) || body.heldOn < '2000-01-01') {
    throw badRequest('MEETING_DATE_INVALID', {
      zh: '会议日期不能晚于今天',
      en: 'The meeting cannot be later than today',
    });
  }
  const congress = await findCongress(deps.db, body.congressId);
  if (!congress) throw notFound('人大', 'Congress');
  assertSupervises(user, congress.regionCode);
  const suggestionIds = unique(body.suggestionIds);
  const unitIds = unique(body.unitIds);
  const found = new Set((await suggestionsOfCongress(deps.db, congress.id, suggestionIds)).map((s) => s.id));
  const missing = suggestionIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw badRequest(
      'SUGGESTION_NOT_OF_CONGRESS',
      { zh: '所选建议不存在或不属于本级人大', en: 'Some suggestions do not exist or belong to another congress' },
      { suggestionIds: missing },
    );
  }
  const units = await unitsAmong(deps.db, unitIds);
  const unknownUnits = unitIds.filter((id) => !units.some((u) => u.id === id));
  if (unknownUnits.length > 0) {
    throw badRequest(
      'UNIT_UNKNOWN',
      { zh: '所选承办单位不存在或已停用', en: 'Some units do not exist or are inactive' },
      { unitIds: unknownUnits },
    );
  }
  if (body.problems.some((p) => p.suggestionId && !found.has(p.suggestionId))) {
    throw badRequest('PROBLEM_SUGGESTION_NOT_DISCUSSED', {
      zh: '问题所属的建议应在本次会议协调的建议之中',
      en: 'A problem can only belong to one of the suggestions the meeting discussed',
    });
  }
  const problems = body.problems.map((p) => ({ problem: p.problem, result: p.result, suggestionId: p.suggestionId ?? null }));
  return { congress, suggestionIds, unitIds, problems };
}

/** The figures of a meeting the audit trail keeps (the texts are in the meeting itself). */
export const meetingAudit = (m: Pick<MeetingRow, 'heldOn' | 'place'>, checked: Omit<CheckedMeeting, 'congress'>) => ({
  heldOn: m.heldOn,
  place: m.place,
  suggestions: checked.suggestionIds.length,
  units: checked.unitIds.length,
  problems: checked.problems.length,
});

/**
 * A coordination meeting of "为代表办实事": when and where, who attended, the units and the
 * suggestions discussed, and each problem it settled with its result. Written whole or not at all.
 */
export async function recordCoordinationMeeting(
  deps: SuggestionDeps,
  ctx: RequestContext,
  body: MeetingInput,
): Promise<MeetingRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const now = nowOf(deps);
  const checked = await checkMeeting(deps, user, body, now);
  return deps.db.transaction(async (tx) => {
    const meeting = await insertMeeting(tx, {
      meeting: {
        congressId: checked.congress.id,
        regionCode: checked.congress.regionCode,
        heldOn: body.heldOn,
        place: body.place,
        attendees: body.attendees,
        summary: body.summary ?? '',
        createdBy: user.id,
        createdAt: now,
      },
      unitIds: checked.unitIds,
      suggestionIds: checked.suggestionIds,
      problems: checked.problems,
    });
    await recordAudit(tx, ctx, {
      action: 'suggestion_meeting.create',
      entityType: 'suggestion_meeting',
      entityId: meeting.id,
      regionCode: meeting.regionCode,
      after: meetingAudit(meeting, checked),
    });
    return meeting;
  });
}
