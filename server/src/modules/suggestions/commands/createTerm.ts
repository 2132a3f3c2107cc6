import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { forbidden, pgErrorCode } from '../../../platform/errors.js';
import { congressNotFound, termExists, termsOverlap } from '../congresses.errors.js';
import { findCongress, insertTerm, type TermRow, termsOf } from '../congresses.repo.js';
import { overlaps } from '../congresses.rules.js';
import type { TermInput } from '../congresses.schema.js';
import { assertMayConfigure } from '../suggestions.policy.js';

/** Adds a term (届) to a congress; terms neither repeat a number nor share a day. */
export async function createTerm(db: Db, ctx: RequestContext, congressId: string, input: TermInput): Promise<TermRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  try {
    return await db.transaction(async (tx) => {
      // The lock makes two offices adding terms to one congress take turns, so the checks below hold.
      const congress = await findCongress(tx, congressId, { forUpdate: true });
      if (!congress) throw congressNotFound();
      assertMayConfigure(user, congress.regionCode);
      const terms = await termsOf(tx, congressId);
      if (terms.some((t) => t.number === input.number)) throw termExists(input.number);
      const span = { from: input.startsOn, to: input.endsOn ?? null };
      const clash = terms.find((t) => overlaps(span, { from: t.startsOn, to: t.endsOn }));
      if (clash) throw termsOverlap(clash.number);
      const row = await insertTerm(tx, {
        congressId,
        regionCode: congress.regionCode,
        number: input.number,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
      });
      await recordAudit(tx, ctx, {
        action: 'congress.term_created',
        entityType: 'congress_term',
        entityId: row.id,
        regionCode: row.regionCode,
        after: row,
      });
      return row;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw termExists(input.number);
    throw err;
  }
}
