import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import { dummyPasswordHash, verifyPassword } from '../../../platform/auth/password.js';
import type { Role } from '../../../platform/auth/roles.js';
import { createSession, type SessionUser } from '../../../platform/auth/session.js';
import type { RequestContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { users } from '../../../platform/platform.tables.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

const badCredentials = () => new AppError(401, 'BAD_CREDENTIALS', { zh: '用户名或密码错误', en: 'Wrong username or password' });

/**
 * Checks the password, counts failures, and locks the account for 15 minutes after the fifth.
 * A locked account is refused before any hashing, so a flood cannot burn the CPU.
 */
export async function login(
  db: Db,
  ctx: RequestContext,
  input: { username: string; password: string },
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const [user] = await db.select().from(users).where(eq(users.username, input.username)).limit(1);
  const now = new Date();
  if (!user) {
    await verifyPassword(input.password, await dummyPasswordHash());
    await db.transaction(async (tx) =>
      recordAudit(tx, { ...ctx, actorName: input.username }, { action: 'auth.login_failed', after: { reason: 'unknown_user' } }),
    );
    throw badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60000);
    throw new AppError(423, 'ACCOUNT_LOCKED', {
      zh: `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`,
      en: `Too many failed sign-ins: the account is locked for ${minutes} more minute(s)`,
    });
  }
  if (user.status !== 'active') {
    throw new AppError(403, 'ACCOUNT_DISABLED', { zh: '账号已停用', en: 'This account is disabled' });
  }
  const actor: RequestContext = { ...ctx, user: toSessionUser(user) };
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    // The increment is done in SQL so concurrent failures all count.
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({
          failedLogins: sql`${users.failedLogins} + 1`,
          lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} THEN ${new Date(now.getTime() + LOCKOUT_MS).toISOString()}::timestamptz ELSE NULL END`,
        })
        .where(eq(users.id, user.id))
        .returning({ failedLogins: users.failedLogins });
      await recordAudit(tx, actor, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { failedLogins: row?.failedLogins, locked: (row?.failedLogins ?? 0) >= MAX_FAILED_LOGINS },
      });
    });
    throw badCredentials();
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, actor, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      regionCode: user.regionCode || null,
    });
  });
  const session = await createSession(db, user.id, { ip: ctx.ip, userAgent: ctx.userAgent });
  return { ...session, userId: user.id };
}

export function toSessionUser(user: typeof users.$inferSelect): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    regionCode: user.regionCode,
    organizationId: user.organizationId,
    stationId: user.stationId,
    personId: user.personId,
    mustChangePassword: user.mustChangePassword,
  };
}
