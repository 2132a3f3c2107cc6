import type { RequestContext } from '../../../platform/context.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { afterCommitDispatch } from '../../../platform/outbox.js';
import { loadCalendar } from '../../calendar/calendar.repo.js';
import { extendDue } from '../opinions.deadlines.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import { announce } from '../opinions.events.js';
import {
  decidePendingExtension,
  type ExtensionRow,
  findExtension,
  findOpinion,
  updateGuardedByVersion,
  updateRoundUnits,
} from '../opinions.repo.js';
import { currentRound } from '../opinions.rules.js';
import { assertExtensible, assertRole } from '../opinions.side.js';
import { changedMeanwhile, openCaseToAct } from '../opinions.transition.js';

/**
 * The office approves or refuses a unit's extension request. Approval pushes the current deadline
 * back by the requested working days, counted from the old due date.
 */
export async function decideExtension(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  extensionId: string,
  body: { approve: boolean; note: string | null },
): Promise<ExtensionRow> {
  const now = nowOf(deps);
  const calendar = await loadCalendar(deps.db);
  const saved = await deps.db.transaction(async (tx) => {
    const { row } = await openCaseToAct(tx, ctx, opinionId);
    const user = assertRole(ctx, ['office_staff']);
    const ext = await findExtension(tx, row.id, extensionId);
    if (!ext) throw notFound('延期申请', 'Extension request');
    if (ext.status !== 'pending') throw decidedAlready();
    if (body.approve) assertExtensible(row);

    const newDueAt = body.approve ? extendDue(calendar, row.dueAt ?? now, ext.requestedDays) : null;
    const decided = await decidePendingExtension(tx, ext.id, {
      status: body.approve ? 'approved' : 'rejected',
      decidedBy: user.id,
      decidedAt: now,
      decisionNote: body.note,
      newDueAt,
    });
    if (!decided) throw decidedAlready();

    let current = row;
    if (newDueAt) {
      const updated = await updateGuardedByVersion(tx, row.id, row.version, {
        dueAt: newDueAt,
        overdue: now.getTime() > newDueAt.getTime(),
        remindedAt: null,
        ...(row.state === 'handling' ? { replyDueAt: newDueAt } : {}),
        updatedAt: now,
      });
      if (!updated) throw changedMeanwhile((await findOpinion(tx, row.id))?.state);
      await updateRoundUnits(tx, row.id, currentRound(row), { dueAt: newDueAt, at: now }, [
        row.state === 'handling' ? 'handling' : 'transferred',
      ]);
      current = updated;
    }
    await announce(tx, ctx, current, row, {
      action: body.approve ? 'extension_approved' : 'extension_rejected',
      note: body.note,
      data: {
        extensionId: ext.id,
        days: ext.requestedDays,
        previousDueAt: row.dueAt?.toISOString() ?? null,
        newDueAt: newDueAt?.toISOString() ?? null,
      },
      topics: ['opinion.extension_decided'],
      payload: {
        extensionId: ext.id,
        approved: body.approve,
        requestedBy: ext.requestedBy,
        newDueAt: newDueAt?.toISOString() ?? null,
      },
      at: now,
    });
    return decided;
  });
  await afterCommitDispatch(deps.jobs);
  return saved;
}

const decidedAlready = () =>
  conflict('EXTENSION_DECIDED', { zh: '该延期申请已经处理过了', en: 'This extension request has already been decided' });
