import type { RequestContext } from '../../../platform/context.js';
import type { OpinionDeps } from '../opinions.deps.js';
import { deputyIdsOfPerson, membersAmong } from '../opinions.parties.repo.js';
import { applyTransition } from '../opinions.transition.js';
import type { BodyOf } from '../opinions.transitions.schema.js';

/**
 * 受理: the station takes the case on. A deputy of the station who accepts a case that names no
 * responsible deputy yet becomes its first responsible person.
 */
export function acceptOpinion(deps: OpinionDeps, ctx: RequestContext, opinionId: string, body: Omit<BodyOf<'accept'>, 'action'>) {
  return applyTransition(deps, ctx, {
    opinionId,
    action: 'accept',
    prepare: async ({ tx, row }) => {
      let responsibleDeputyId = row.responsibleDeputyId;
      if (!responsibleDeputyId && ctx.user?.role === 'deputy' && row.stationId) {
        [responsibleDeputyId = null] = await membersAmong(tx, row.stationId, await deputyIdsOfPerson(tx, ctx.user.personId));
      }
      return {
        set: { responsibleDeputyId },
        note: body.note,
        data: responsibleDeputyId !== row.responsibleDeputyId ? { responsibleDeputyId } : undefined,
      };
    },
  });
}
