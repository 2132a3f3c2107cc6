import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, forbidden } from '../../../platform/errors.js';
import { congressNotFound } from '../congresses.errors.js';
import { type CongressRow, findCongress, updateCongress as writeCongress } from '../congresses.repo.js';
import type { UpdateCongressInput } from '../congresses.schema.js';
import { assertMayConfigure } from '../suggestions.policy.js';

/** Renames a congress or changes its rules; the region and level never change. */
export async function updateCongress(db: Db, ctx: RequestContext, id: string, input: UpdateCongressInput): Promise<CongressRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  return db.transaction(async (tx) => {
    const before = await findCongress(tx, id, { forUpdate: true });
    if (!before) throw congressNotFound();
    assertMayConfigure(user, before.regionCode);
    const replyMonths = input.replyMonths ?? before.replyMonths;
    const extensionMaxMonths = input.extensionMaxMonths ?? before.extensionMaxMonths;
    if (extensionMaxMonths < replyMonths) {
      throw badRequest('EXTENSION_SHORTER_THAN_REPLY', {
        zh: '延期后最长办理期限不能短于答复期限',
        en: 'The longest handling time cannot be shorter than the reply time',
      });
    }
    const after = await writeCongress(tx, id, { ...input, version: before.version + 1, updatedAt: new Date() });
    if (!after) throw congressNotFound();
    await recordAudit(tx, ctx, {
      action: 'congress.updated',
      entityType: 'congress',
      entityId: id,
      regionCode: after.regionCode,
      before,
      after,
    });
    return after;
  });
}
