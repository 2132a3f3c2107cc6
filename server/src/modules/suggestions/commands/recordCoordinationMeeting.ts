import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, forbidden, notFound } from '../../../platform/errors.js';
import { findCongress } from '../congresses.repo.js';
import { nowOf, type SuggestionDeps } from '../suggestions.deps.js';
import { insertMeeting, type MeetingRow, suggestionsOfCongress, unitsAmong } from '../suggestions.meetings.repo.js';
import { assertSupervises } from '../suggestions.supervision.policy.js';
import type { MeetingInput } from '../suggestions.supervision.schema.js';

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

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
      {
        unitIds: unknownUnits,
      },
    );
  }
  const strayProblems = body.problems.filter((p) => p.suggestionId && !found.has(p.suggestionId));
  if (strayProblems.length > 0) {
    throw badRequest('PROBLEM_SUGGESTION_NOT_DISCUSSED', {
      zh: '问题所属的建议应在本次会议协调的建议之中',
      en: 'A problem can only belong to one of the suggestions the meeting discussed',
    });
  }
  return deps.db.transaction(async (tx) => {
    const meeting = await insertMeeting(tx, {
      meeting: {
        congressId: congress.id,
        regionCode: congress.regionCode,
        heldOn: body.heldOn,
        place: body.place,
        attendees: body.attendees,
        summary: body.summary ?? '',
        createdBy: user.id,
        createdAt: now,
      },
      unitIds,
      suggestionIds,
      problems: body.problems.map((p) => ({ problem: p.problem, result: p.result, suggestionId: p.suggestionId ?? null })),
    });
    await recordAudit(tx, ctx, {
      action: 'suggestion_meeting.create',
      entityType: 'suggestion_meeting',
      entityId: meeting.id,
      regionCode: meeting.regionCode,
      after: { heldOn: meeting.heldOn, suggestions: suggestionIds.length, units: unitIds.length, problems: body.problems.length },
    });
    return meeting;
  });
}
