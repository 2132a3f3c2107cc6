import type { RequestContext } from '../../../platform/context.js';
import { conflict, pgErrorCode } from '../../../platform/errors.js';
import { afterCommitDispatch } from '../../../platform/outbox.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import { announce } from '../opinions.events.js';
import { type ExtensionRow, insertExtension, listExtensions } from '../opinions.repo.js';
import { assertExtensible, assertRole } from '../opinions.side.js';
import { openCaseToAct } from '../opinions.transition.js';

const pendingAlready = () =>
  conflict('EXTENSION_PENDING', { zh: '已有一项延期申请待批准', en: 'An extension request is already waiting for a decision' });

/** 申请延期: the lead unit asks the office for more working days, with its reason. */
export async function requestExtension(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: { reason: string; days: number },
): Promise<ExtensionRow> {
  const now = nowOf(deps);
  let saved: ExtensionRow;
  try {
    saved = await deps.db.transaction(async (tx) => {
      const { row } = await openCaseToAct(tx, ctx, opinionId);
      const user = assertRole(ctx, ['unit_staff']);
      assertExtensible(row);
      if ((await listExtensions(tx, row.id)).some((e) => e.status === 'pending')) throw pendingAlready();
      const ext = await insertExtension(tx, {
        opinionId: row.id,
        regionCode: row.regionCode,
        requestedBy: user.id,
        reason: body.reason,
        requestedDays: body.days,
        createdAt: now,
      });
      await announce(tx, ctx, row, row, {
        action: 'extension_requested',
        note: body.reason,
        data: { extensionId: ext.id, days: body.days, dueAt: row.dueAt?.toISOString() ?? null },
        topics: ['opinion.extension_requested'],
        payload: { extensionId: ext.id, days: body.days, reason: body.reason },
        at: now,
      });
      return ext;
    });
  } catch (err) {
    // Two requests at once: the partial unique index lets one through.
    if (pgErrorCode(err) === '23505') throw pendingAlready();
    throw err;
  }
  await afterCommitDispatch(deps.jobs);
  return saved;
}
