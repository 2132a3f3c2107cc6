import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import { maskPhone } from '../../../platform/crypto.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import { assertManages, isAdminRole } from '../users.policy.js';
import {
  deleteSessionsOf,
  lockAdministratorHolders,
  lockUser,
  otherActiveHolders,
  updateUser as updateUserRow,
} from '../users.repo.js';
import { type ActorContext, userNotFound } from '../users.rules.js';
import type { UpdateUserBody } from '../users.schema.js';

const masked = (phone: string | null) => (phone ? maskPhone(phone) : null);

/** Edits an account's name, phone and status; disabling it ends its sessions at once. */
export async function updateUser(db: Db, ctx: ActorContext, id: string, input: UpdateUserBody): Promise<void> {
  await db.transaction(async (tx) => {
    if (input.status === 'disabled') await lockAdministratorHolders(tx);
    const target = await lockUser(tx, id);
    if (!target) throw userNotFound();
    assertManages(ctx.user, target);
    const disabling = input.status === 'disabled' && target.status === 'active';
    if (disabling && target.id === ctx.user.id) {
      throw forbidden({ zh: '不能停用自己的账号', en: 'You cannot disable your own account' });
    }
    if (disabling && isAdminRole(target.role) && (await otherActiveHolders(tx, target.role, target.id)) === 0) {
      throw conflict('LAST_ADMIN', {
        zh: '这是该管理员角色唯一在用的账号，不能停用',
        en: 'This is the last active account of its administrator role and cannot be disabled',
      });
    }
    const row = await updateUserRow(tx, id, {
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.status !== undefined && { status: input.status }),
    });
    const sessionsEnded = disabling ? await deleteSessionsOf(tx, id) : 0;
    await recordAudit(tx, ctx, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      regionCode: target.regionCode || null,
      before: { displayName: target.displayName, phone: masked(target.phone), status: target.status },
      after: { displayName: row.displayName, phone: masked(row.phone), status: row.status, sessionsEnded },
    });
  });
}
