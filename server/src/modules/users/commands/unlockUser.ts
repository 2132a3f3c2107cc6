import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import { assertManages } from '../users.policy.js';
import { lockUser, updateUser } from '../users.repo.js';
import { type ActorContext, userNotFound } from '../users.rules.js';

/** Lifts a lockout after failed sign-ins before it runs out, once the owner has been identified. */
export async function unlockUser(db: Db, ctx: ActorContext, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const target = await lockUser(tx, id);
    if (!target) throw userNotFound();
    assertManages(ctx.user, target);
    await updateUser(tx, id, { failedLogins: 0, lockedUntil: null });
    await recordAudit(tx, ctx, {
      action: 'user.unlocked',
      entityType: 'user',
      entityId: id,
      regionCode: target.regionCode || null,
      before: { failedLogins: target.failedLogins, lockedUntil: target.lockedUntil?.toISOString() ?? null },
      after: { failedLogins: 0, lockedUntil: null },
    });
  });
}
