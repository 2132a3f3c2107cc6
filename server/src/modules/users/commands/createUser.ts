import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import { generatePassword, hashPassword } from '../../../platform/auth/password.js';
import { maskPhone } from '../../../platform/crypto.js';
import { pgErrorCode } from '../../../platform/errors.js';
import { assertMayCreateRole } from '../users.policy.js';
import { insertUser, usernameTaken } from '../users.repo.js';
import { type ActorContext, checkAccountScope, usernameTakenError } from '../users.rules.js';
import type { CreateUserBody } from '../users.schema.js';

/**
 * Creates a business account with a generated password. The password is returned to the caller once
 * and the account must change it at first sign-in, so the administrator never knows a password in use.
 */
export async function createUser(
  db: Db,
  ctx: ActorContext,
  input: CreateUserBody,
): Promise<{ userId: string; password: string }> {
  assertMayCreateRole(input.role);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    const userId = await db.transaction(async (tx) => {
      const scope = await checkAccountScope(tx, ctx.user, input.role, input);
      if (await usernameTaken(tx, input.username)) throw usernameTakenError(input.username);
      const user = await insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        ...scope,
        phone: input.phone,
        passwordHash,
        mustChangePassword: true,
      });
      await recordAudit(tx, ctx, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        regionCode: user.regionCode || null,
        after: {
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          ...scope,
          phone: user.phone ? maskPhone(user.phone) : null,
          mustChangePassword: true,
        },
      });
      return user.id;
    });
    return { userId, password };
  } catch (err) {
    // Two administrators creating the same username at once: the unique index decides.
    if (pgErrorCode(err) === '23505') throw usernameTakenError(input.username);
    throw err;
  }
}
