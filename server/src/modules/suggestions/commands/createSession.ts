import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, forbidden, pgErrorCode } from '../../../platform/errors.js';
import { congressNotFound, sessionExists, sessionsOverlap } from '../congresses.errors.js';
import {
  findCongress,
  findTerm,
  insertSession,
  overlappingSession,
  type SessionRow,
  sessionsOfCongress,
} from '../congresses.repo.js';
import { sessionOutsideTerm } from '../congresses.rules.js';
import type { SessionInput } from '../congresses.schema.js';
import { assertMayConfigure } from '../suggestions.policy.js';

/** Adds a session (次会议) to a term: within the term, on days no other session of the congress holds. */
export async function createSession(db: Db, ctx: RequestContext, input: SessionInput): Promise<SessionRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const term = await findTerm(db, input.termId);
  if (!term) throw badRequest('TERM_NOT_FOUND', { zh: '所选届次不存在', en: 'The term does not exist' });
  try {
    return await db.transaction(async (tx) => {
      const congress = await findCongress(tx, term.congressId, { forUpdate: true });
      if (!congress) throw congressNotFound();
      assertMayConfigure(user, congress.regionCode);
      const outside = sessionOutsideTerm(input, term);
      if (outside) throw badRequest('SESSION_OUTSIDE_TERM', outside);
      const sessions = await sessionsOfCongress(tx, congress.id);
      if (sessions.some((s) => s.termId === term.id && s.number === input.number)) throw sessionExists(term.number, input.number);
      const clash = await overlappingSession(tx, congress.id, input.opensOn, input.closesOn);
      if (clash) throw sessionsOverlap((await findTerm(tx, clash.termId))?.number ?? term.number, clash.number);
      const row = await insertSession(tx, {
        congressId: congress.id,
        termId: term.id,
        regionCode: congress.regionCode,
        number: input.number,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
      });
      await recordAudit(tx, ctx, {
        action: 'congress.session_created',
        entityType: 'congress_session',
        entityId: row.id,
        regionCode: row.regionCode,
        after: row,
      });
      return row;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw sessionExists(term.number, input.number);
    throw err;
  }
}
