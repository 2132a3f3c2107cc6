import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict, forbidden, pgErrorCode } from '../../../platform/errors.js';
import { congressNotFound, termExists, termNotFound, termsOverlap } from '../congresses.errors.js';
import {
  findCongress,
  findTerm,
  sessionsOfCongress,
  type TermRow,
  termHasSuggestions,
  termsOf,
  updateTerm as writeTerm,
} from '../congresses.repo.js';
import { overlaps, sessionOutsideTerm } from '../congresses.rules.js';
import type { UpdateTermInput } from '../congresses.schema.js';
import { assertMayConfigure } from '../suggestions.policy.js';

/**
 * Changes a term's number or dates. The number is what deputies' mandates name, so it is fixed once
 * suggestions were raised in the term; the dates must still hold the term's sessions.
 */
export async function updateTerm(
  db: Db,
  ctx: RequestContext,
  congressId: string,
  termId: string,
  input: UpdateTermInput,
): Promise<TermRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const run = () =>
    db.transaction(async (tx) => {
      const congress = await findCongress(tx, congressId, { forUpdate: true });
      if (!congress) throw congressNotFound();
      assertMayConfigure(user, congress.regionCode);
      const before = await findTerm(tx, termId);
      if (!before || before.congressId !== congressId) throw termNotFound();
      const next = {
        number: input.number ?? before.number,
        startsOn: input.startsOn ?? before.startsOn,
        endsOn: input.endsOn === undefined ? before.endsOn : input.endsOn,
      };
      if (next.endsOn !== null && next.endsOn <= next.startsOn) {
        throw badRequest('TERM_DATES', { zh: '届满日期须晚于开始日期', en: 'The end of the term must be after its start' });
      }
      if (next.number !== before.number && (await termHasSuggestions(tx, termId))) {
        throw conflict('TERM_IN_USE', {
          zh: '该届次已有代表建议，不能修改届次',
          en: 'Suggestions were raised in this term: its number cannot change',
        });
      }
      const others = (await termsOf(tx, congressId)).filter((t) => t.id !== termId);
      if (others.some((t) => t.number === next.number)) throw termExists(next.number);
      const clash = others.find((t) => overlaps({ from: next.startsOn, to: next.endsOn }, { from: t.startsOn, to: t.endsOn }));
      if (clash) throw termsOverlap(clash.number);
      for (const s of (await sessionsOfCongress(tx, congressId)).filter((s) => s.termId === termId)) {
        const outside = sessionOutsideTerm(s, next);
        if (outside) {
          throw badRequest('SESSION_OUTSIDE_TERM', {
            zh: `第${s.number}次会议将不在任期内：${outside.zh}`,
            en: `Session ${s.number} would fall outside the term: ${outside.en}`,
          });
        }
      }
      const after = await writeTerm(tx, termId, { ...next, updatedAt: new Date() });
      if (!after) throw termNotFound();
      await recordAudit(tx, ctx, {
        action: 'congress.term_updated',
        entityType: 'congress_term',
        entityId: termId,
        regionCode: after.regionCode,
        before,
        after,
      });
      return after;
    });
  try {
    return await run();
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw termExists(input.number ?? 0);
    throw err;
  }
}
