import type { RequestContext } from '../../../platform/context.js';
import { badRequest } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { findOrganization } from '../suggestions.parties.repo.js';
import { nextNumber, type SuggestionRow } from '../suggestions.repo.js';
import { applyTransition } from '../suggestions.transition.js';
import type { BodyOf } from '../suggestions.transitions.schema.js';

/** The office registers a motion and refers it to a special committee of the same congress. */
export function referMotion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: BodyOf<'refer'>,
): Promise<SuggestionRow> {
  return applyTransition(deps, ctx, {
    suggestionId: id,
    action: 'refer',
    input: () => ({ committeeNamed: !!body.committeeId }),
    prepare: async ({ tx, row }) => {
      const committee = await findOrganization(tx, body.committeeId as string);
      if (committee?.kind !== 'special_committee' || committee.regionCode !== row.regionCode) {
        throw badRequest('NOT_A_COMMITTEE', {
          zh: '所选机构不是本级人大的专门委员会',
          en: 'That is not a special committee of this congress',
        });
      }
      if (committee.status !== 'active') {
        throw badRequest('COMMITTEE_INACTIVE', { zh: '所选专门委员会已停用', en: 'The committee is inactive' });
      }
      const number = await nextNumber(tx, { termId: row.termId, sessionId: row.sessionId, kind: 'motion' });
      return {
        set: { committeeId: committee.id, number, reviewedBy: ctx.user?.id ?? null },
        note: body.note,
        data: { committeeId: committee.id, number },
        payload: { committeeId: committee.id },
      };
    },
  });
}
