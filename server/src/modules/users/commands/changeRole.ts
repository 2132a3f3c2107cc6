import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import { conflict } from '../../../platform/errors.js';
import { assertManages, assertNotSelf, isAdminRole } from '../users.policy.js';
import { lockAdministratorHolders, lockUser, otherActiveHolders, updateUser } from '../users.repo.js';
import { type ActorContext, checkAccountScope, userNotFound } from '../users.rules.js';
import type { ChangeRoleBody } from '../users.schema.js';

/**
 * The security administrator's one lever: an account's role and scope, replaced together. It may
 * appoint administrators, but never changes its own account, and never leaves an administrator role
 * without an active holder.
 */
export async function changeRole(db: Db, ctx: ActorContext, id: string, input: ChangeRoleBody): Promise<void> {
  assertNotSelf(ctx.user, id, {
    zh: '不能变更自己账号的角色或管辖范围',
    en: "You cannot change your own account's role or scope",
  });
  await db.transaction(async (tx) => {
    await lockAdministratorHolders(tx);
    const target = await lockUser(tx, id);
    if (!target) throw userNotFound();
    assertManages(ctx.user, target);
    const personId = input.personId === undefined ? (input.role === 'deputy' ? target.personId : null) : input.personId;
    const scope = await checkAccountScope(tx, ctx.user, input.role, { ...input, personId }, target.id);
    const leavingAdminRole = target.status === 'active' && isAdminRole(target.role) && input.role !== target.role;
    if (leavingAdminRole && (await otherActiveHolders(tx, target.role, target.id)) === 0) {
      throw conflict('LAST_ADMIN', {
        zh: '这是该管理员角色唯一在用的账号，不能变更其角色',
        en: 'This is the last active account of its administrator role; its role cannot be changed',
      });
    }
    const row = await updateUser(tx, id, { role: input.role, ...scope });
    await recordAudit(tx, ctx, {
      action: 'user.role_changed',
      entityType: 'user',
      entityId: id,
      regionCode: row.regionCode || target.regionCode || null,
      before: {
        role: target.role,
        regionCode: target.regionCode,
        organizationId: target.organizationId,
        stationId: target.stationId,
        personId: target.personId,
      },
      after: { role: row.role, ...scope },
    });
  });
}
