import type { RequestContext } from '../../../platform/context.js';
import { afterCommitDispatch } from '../../../platform/outbox.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import { announce } from '../opinions.events.js';
import { findOpinion, incrementUrgeCount, type OpinionRow } from '../opinions.repo.js';
import { assertOpen, assertRole } from '../opinions.side.js';
import { changedMeanwhile, openCaseToAct } from '../opinions.transition.js';

/** 催办: the office or a leader presses whoever holds the case now; the count is kept beside the state. */
export async function urgeOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: { note: string | null },
): Promise<OpinionRow> {
  const now = nowOf(deps);
  const saved = await deps.db.transaction(async (tx) => {
    const { row } = await openCaseToAct(tx, ctx, opinionId);
    assertRole(ctx, ['office_staff', 'leader']);
    assertOpen(row);
    const updated = await incrementUrgeCount(tx, row.id, row.version, now);
    if (!updated) throw changedMeanwhile((await findOpinion(tx, row.id))?.state);
    await announce(tx, ctx, updated, row, {
      action: 'urge',
      note: body.note,
      data: { count: updated.urgeCount, state: row.state },
      topics: ['opinion.urged'],
      payload: { count: updated.urgeCount, note: body.note },
      at: now,
    });
    return updated;
  });
  await afterCommitDispatch(deps.jobs);
  return saved;
}
