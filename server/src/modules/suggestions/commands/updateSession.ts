import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, forbidden, pgErrorCode } from '../../../platform/errors.js';
import { congressNotFound, sessionExists, sessionNotFound, sessionsOverlap } from '../congresses.errors.js';
import {
  findCongress,
  findSession,
  findTerm,
  overlappingSession,
  type SessionRow,
  sessionsOfCongress,
  updateSession as writeSession,
} from '../congresses.repo.js';
import { sessionOutsideTerm } from '../congresses.rules.js';
import type { UpdateSessionInput } from '../congresses.schema.js';
import { assertMayConfigure } from '../suggestions.policy.js';

/** Moves or renumbers a session, with the checks of creating one. */
export async function updateSession(db: Db, ctx: RequestContext, id: string, input: UpdateSessionInput): Promise<SessionRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const found = await findSession(db, id);
  if (!found) throw sessionNotFound();
  const term = await findTerm(db, found.termId);
  if (!term) throw sessionNotFound();
  const number = input.number ?? found.number;
  try {
    return await db.transaction(async (tx) => {
      const congress = await findCongress(tx, found.congressId, { forUpdate: true });
      if (!congress) throw congressNotFound();
      assertMayConfigure(user, congress.regionCode);
      const before = await findSession(tx, id);
      if (!before) throw sessionNotFound();
      const next = { number, opensOn: input.opensOn ?? before.opensOn, closesOn: input.closesOn ?? before.closesOn };
      if (next.closesOn < next.opensOn) {
        throw badRequest('SESSION_DATES', {
          zh: '闭幕日期不能早于开幕日期',
          en: 'The closing day cannot be before the opening day',
        });
      }
      const outside = sessionOutsideTerm(next, term);
      if (outside) throw badRequest('SESSION_OUTSIDE_TERM', outside);
      const sessions = await sessionsOfCongress(tx, congress.id);
      if (sessions.some((s) => s.id !== id && s.termId === term.id && s.number === next.number)) {
        throw sessionExists(term.number, next.number);
      }
      const clash = await overlappingSession(tx, congress.id, next.opensOn, next.closesOn, id);
      if (clash) throw sessionsOverlap((await findTerm(tx, clash.termId))?.number ?? term.number, clash.number);
      const after = await writeSession(tx, id, { ...next, updatedAt: new Date() });
      if (!after) throw sessionNotFound();
      await recordAudit(tx, ctx, {
        action: 'congress.session_updated',
        entityType: 'congress_session',
        entityId: id,
        regionCode: after.regionCode,
        before,
        after,
      });
      return after;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw sessionExists(term.number, number);
    throw err;
  }
}
