import type { RequestContext } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import { announce } from '../opinions.events.js';
import { findOpinion, type OpinionRow, updateGuardedByVersion } from '../opinions.repo.js';
import { assertRole } from '../opinions.side.js';
import { changedMeanwhile, openCaseToAct } from '../opinions.transition.js';

/** 撤回公开: the case leaves the public pages; its wording is kept for publishing again. */
export async function unpublishOpinion(
  deps: Pick<OpinionDeps, 'db' | 'clock'>,
  ctx: RequestContext,
  opinionId: string,
  body: { reason: string },
): Promise<OpinionRow> {
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const { row } = await openCaseToAct(tx, ctx, opinionId);
    assertRole(ctx, ['office_staff']);
    if (!row.published) {
      throw conflict('NOT_PUBLISHED', { zh: '该意见未公开，无需撤回', en: 'The opinion is not published' });
    }
    const updated = await updateGuardedByVersion(tx, row.id, row.version, {
      published: false,
      publishedAt: null,
      updatedAt: now,
    });
    if (!updated) throw changedMeanwhile((await findOpinion(tx, row.id))?.state);
    await announce(tx, ctx, updated, row, { action: 'unpublish', note: body.reason, at: now });
    return updated;
  });
}
