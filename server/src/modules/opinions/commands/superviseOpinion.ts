import type { RequestContext } from '../../../platform/context.js';
import { afterCommitDispatch } from '../../../platform/outbox.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import { announce } from '../opinions.events.js';
import { findOpinion, type OpinionRow, updateGuardedByVersion } from '../opinions.repo.js';
import { assertOpen, assertRole } from '../opinions.side.js';
import { changedMeanwhile, openCaseToAct } from '../opinions.transition.js';

/** 督办: a standing-committee leader takes the case under supervision with an instruction (a new one replaces the last). */
export async function superviseOpinion(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  body: { instruction: string },
): Promise<OpinionRow> {
  const now = nowOf(deps);
  const saved = await deps.db.transaction(async (tx) => {
    const { row } = await openCaseToAct(tx, ctx, opinionId);
    const user = assertRole(ctx, ['leader']);
    assertOpen(row);
    const updated = await updateGuardedByVersion(tx, row.id, row.version, {
      supervised: true,
      supervisedBy: user.id,
      supervisionInstruction: body.instruction,
      updatedAt: now,
    });
    if (!updated) throw changedMeanwhile((await findOpinion(tx, row.id))?.state);
    await announce(tx, ctx, updated, row, {
      action: 'supervise',
      note: body.instruction,
      data: { supervisedBy: user.id, again: row.supervised },
      topics: ['opinion.supervised'],
      payload: { leaderId: user.id, leaderName: user.displayName, instruction: body.instruction },
      at: now,
    });
    return updated;
  });
  await afterCommitDispatch(deps.jobs);
  return saved;
}
