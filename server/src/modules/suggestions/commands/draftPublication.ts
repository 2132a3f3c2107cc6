import type { RequestContext } from '../../../platform/context.js';
import { conflict, forbidden, notFound, pgErrorCode } from '../../../platform/errors.js';
import { nowOf, type SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import {
  findPublicationOfReply,
  findReplyForPublication,
  insertPublication,
  type PublicationRow,
} from '../suggestions.publication.repo.js';
import { redactedDraft, yearOf } from '../suggestions.publication.rules.js';
import { findSuggestion } from '../suggestions.repo.js';
import { assertPublishes } from '../suggestions.supervision.policy.js';

const alreadyDrafted = () => conflict('ALREADY_DRAFTED', { zh: '该答复已有公开稿', en: 'This reply already has a publication' });

/**
 * The office starts the publication of a sent reply: the title and text are redacted (numbers that
 * identify a person, and the names it lists) into a draft kept apart from the original, to be read
 * and edited before it goes public.
 */
export async function draftPublication(
  deps: SuggestionDeps,
  ctx: RequestContext,
  body: { replyId: string; names: string[] },
): Promise<PublicationRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const now = nowOf(deps);
  try {
    return await deps.db.transaction(async (tx) => {
      const found = await findReplyForPublication(tx, body.replyId);
      if (!found) throw notFound('答复', 'Reply');
      assertPublishes(user, found.reply.regionCode);
      if (found.reply.status !== 'sent') {
        throw conflict('REPLY_NOT_SENT', {
          zh: '答复尚未正式发出，不能公开',
          en: 'The reply has not been sent yet: it cannot be published',
        });
      }
      if (await findPublicationOfReply(tx, body.replyId)) throw alreadyDrafted();
      const row = await findSuggestion(tx, found.reply.suggestionId, { forUpdate: true });
      if (!row) throw notFound('建议', 'Suggestion');
      const draft = redactedDraft(found.suggestionTitle, found.reply.text, body.names);
      const publication = await insertPublication(tx, {
        replyId: found.reply.id,
        suggestionId: row.id,
        regionCode: row.regionCode,
        congressId: row.congressId,
        year: yearOf(row.submittedAt ?? now),
        title: draft.title,
        text: draft.text,
        names: body.names,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
      });
      await announce(tx, ctx, row, null, {
        action: 'reply_publication_drafted',
        data: { publicationId: publication.id, replyId: found.reply.id },
        at: now,
      });
      return publication;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw alreadyDrafted();
    throw err;
  }
}
