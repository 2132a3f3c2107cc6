import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import { generatePassword, hashPassword } from '../../../platform/auth/password.js';
import { assertManages, assertMayResetPassword } from '../users.policy.js';
import { deleteSessionsOf, lockUser, updateUser } from '../users.repo.js';
import { type ActorContext, userNotFound } from '../users.rules.js';

/**
 * Gives a business account a new generated password, returned once. The account must change it at
 * its next sign-in; its sessions end and a lockout is lifted, since the owner is starting afresh.
 */
export async function resetPassword(db: Db, ctx: ActorContext, id: string): Promise<{ password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const target = await lockUser(tx, id);
    if (!target) throw userNotFound();
    assertManages(ctx.user, target);
    assertMayResetPassword(ctx.user, target);
    const wasLocked = !!target.lockedUntil && target.lockedUntil > new Date();
    await updateUser(tx, id, {
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: new Date(),
      failedLogins: 0,
      lockedUntil: null,
    });
    const sessionsEnded = await deleteSessionsOf(tx, id);
    await recordAudit(tx, ctx, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      regionCode: target.regionCode || null,
      before: { mustChangePassword: target.mustChangePassword, failedLogins: target.failedLogins, locked: wasLocked },
      after: { mustChangePassword: true, failedLogins: 0, locked: false, sessionsEnded },
    });
  });
  return { password };
}
