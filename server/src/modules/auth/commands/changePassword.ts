import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import { hashPassword, verifyPassword } from '../../../platform/auth/password.js';
import { deleteUserSessions } from '../../../platform/auth/session.js';
import type { RequestContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { users } from '../../../platform/platform.tables.js';

export async function changePassword(
  db: Db,
  ctx: RequestContext & { sessionId: string },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = ctx.user;
  if (!user) throw new AppError(401, 'UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' });
  const [row] = await db.select().from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new AppError(400, 'BAD_CURRENT_PASSWORD', { zh: '当前密码不正确', en: 'The current password is wrong' });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError(400, 'SAME_PASSWORD', {
      zh: '新密码不能与当前密码相同',
      en: 'The new password must differ from the current one',
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await recordAudit(tx, ctx, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  });
  // Other sessions of this account end: whoever knew the old password is signed out.
  await deleteUserSessions(db, user.id, ctx.sessionId);
}
