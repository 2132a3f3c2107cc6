import type { z } from 'zod';
import type { RequestContext } from '../../../platform/context.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import { announce } from '../opinions.events.js';
import { assertPublishable, redactorFor } from '../opinions.publication.js';
import type { PublishBody } from '../opinions.publication.schema.js';
import { findOpinion, type OpinionRow, updateGuardedByVersion } from '../opinions.repo.js';
import { assertRole } from '../opinions.side.js';
import { changedMeanwhile, openCaseToAct } from '../opinions.transition.js';

/**
 * 公开: the office publishes a closed case whose constituent agreed, in its own redacted wording —
 * or edits the wording of a case already published. The redaction runs again over what the office
 * sends, so a phone or ID number typed back in is masked all the same.
 */
export async function publishOpinion(
  deps: Pick<OpinionDeps, 'db' | 'crypto' | 'clock'>,
  ctx: RequestContext,
  opinionId: string,
  body: z.infer<typeof PublishBody>,
): Promise<OpinionRow> {
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const { row } = await openCaseToAct(tx, ctx, opinionId);
    const user = assertRole(ctx, ['office_staff']);
    assertPublishable(row);
    const clean = redactorFor(deps.crypto, row);
    const reply = body.reply ? clean(body.reply).text : null;
    const updated = await updateGuardedByVersion(tx, row.id, row.version, {
      published: true,
      publishedTitle: clean(body.title).text,
      publishedText: clean(body.text).text,
      publishedReply: reply,
      publishedAt: row.published && row.publishedAt ? row.publishedAt : now,
      publishedBy: user.id,
      updatedAt: now,
    });
    if (!updated) throw changedMeanwhile((await findOpinion(tx, row.id))?.state);
    await announce(tx, ctx, updated, row, {
      action: row.published ? 'publication_edited' : 'publish',
      data: { title: updated.publishedTitle },
      at: now,
    });
    return updated;
  });
}
