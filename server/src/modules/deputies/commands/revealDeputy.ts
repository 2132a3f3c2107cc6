import type { AppDeps } from '../../../app.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { assertMayReveal } from '../deputies.policy.js';
import { findPerson } from '../deputies.repo.js';

/**
 * Decrypts a deputy's phone and ID number for someone allowed to see them. Each look is an audit
 * row of its own, written before the plain values leave the server.
 */
export async function revealDeputy(
  deps: Pick<AppDeps, 'db' | 'crypto'>,
  ctx: RequestContext,
  mandate: { id: string; personId: string; regionCode: string },
): Promise<{ phone: string | null; idNumber: string | null }> {
  assertMayReveal(ctx.user!);
  const person = await findPerson(deps.db, mandate.personId);
  if (!person) throw notFound('代表', 'Deputy');
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'deputy.reveal',
      entityType: 'deputy',
      entityId: mandate.id,
      regionCode: mandate.regionCode,
      after: {
        personId: person.id,
        fields: ['phone', 'idNumber'].filter((f) => (f === 'phone' ? person.phoneEnc : person.idNumberEnc)),
      },
    }),
  );
  return {
    phone: person.phoneEnc ? deps.crypto.decrypt(person.phoneEnc) : null,
    idNumber: person.idNumberEnc ? deps.crypto.decrypt(person.idNumberEnc) : null,
  };
}
