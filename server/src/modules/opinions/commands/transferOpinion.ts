import type { Executor } from '../../../db/client.js';
import type { SessionUser } from '../../../platform/auth/session.js';
import { chinaDate, endOfChinaDay } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest } from '../../../platform/errors.js';
import { inScope } from '../../../platform/scope.js';
import { dueAfter } from '../opinions.deadlines.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { findOrganizations } from '../opinions.parties.repo.js';
import { insertUnits } from '../opinions.repo.js';
import { currentRound } from '../opinions.rules.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/**
 * 转办: the office sends the case to a lead unit and any co units. The unit has its acceptance
 * deadline at once; the reply deadline runs from its acceptance unless the office fixes a date.
 */
export function transferOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: Omit<BodyOf<'transfer'>, 'action'>,
) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'transfer',
    input: () => ({ hasLeadUnit: !!body.leadUnitId }),
    prepare: async ({ tx, row, now, calendar }) => {
      const leadUnitId = body.leadUnitId as string;
      const coUnitIds = [...new Set(body.coUnitIds)].filter((id) => id !== leadUnitId);
      await checkUnits(tx, ctx.user, row.regionCode, [leadUnitId, ...coUnitIds]);
      let replyDueAt: Date | null = null;
      if (body.replyDueOn) {
        if (body.replyDueOn < chinaDate(now)) {
          throw badRequest('DUE_DATE_PAST', { zh: '答复期限不能早于今天', en: 'The reply date cannot be in the past' });
        }
        replyDueAt = endOfChinaDay(body.replyDueOn);
      }
      const dueAt = await dueAfter(tx, calendar, row.regionCode, 'opinion.unit_accept', now);
      const complex = body.complex ?? row.complex;
      const round = currentRound(row);
      return {
        set: { leadUnitId, complex, dueAt, replyDueAt },
        note: body.note,
        data: { leadUnitId, coUnitIds, round, complex, replyDueAt: replyDueAt?.toISOString() ?? null },
        payload: { unitIds: [leadUnitId, ...coUnitIds], coUnitIds, round },
        after: (t) =>
          insertUnits(t, [
            {
              opinionId: row.id,
              regionCode: row.regionCode,
              unitId: leadUnitId,
              role: 'lead',
              round,
              status: 'transferred',
              dueAt,
              note: body.note,
              at: now,
            },
            ...coUnitIds.map((unitId) => ({
              opinionId: row.id,
              regionCode: row.regionCode,
              unitId,
              role: 'co' as const,
              round,
              status: 'transferred' as const,
              dueAt,
              at: now,
            })),
          ]),
      };
    },
  });
}

/**
 * Handling units only (not congress bodies), active, and of the case's region line: a unit of the
 * case's region or above it (a city bureau handles a district's case), or within the office's subtree.
 */
async function checkUnits(db: Executor, user: SessionUser | null, caseRegion: string, ids: string[]): Promise<void> {
  const found = new Map((await findOrganizations(db, ids)).map((o) => [o.id, o]));
  for (const id of ids) {
    const unit = found.get(id);
    if (!unit)
      throw badRequest('UNIT_NOT_FOUND', { zh: '所选承办单位不存在', en: 'A chosen unit does not exist' }, { unitId: id });
    if (unit.category !== 'unit') {
      throw badRequest(
        'NOT_A_UNIT',
        { zh: `“${unit.name}”不是承办单位`, en: `${unit.name} is not a handling unit` },
        { unitId: id },
      );
    }
    if (unit.status !== 'active') {
      throw badRequest(
        'UNIT_INACTIVE',
        { zh: `承办单位“${unit.name}”已停用`, en: `The unit ${unit.name} is inactive` },
        { unitId: id },
      );
    }
    const related = caseRegion.startsWith(unit.regionCode) || (user ? inScope(user, unit.regionCode) : true);
    if (!related) {
      throw badRequest(
        'UNIT_OUT_OF_REGION',
        { zh: `承办单位“${unit.name}”不在本意见所属区域`, en: `The unit ${unit.name} is outside the opinion's region` },
        { unitId: id },
      );
    }
  }
}
