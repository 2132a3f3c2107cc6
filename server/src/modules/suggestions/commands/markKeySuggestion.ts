import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict, notFound } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import { assertStateIn, changeBeside } from '../suggestions.side.js';
import { assertSupervises } from '../suggestions.supervision.policy.js';
import { deleteKeyItem, findKeyItem, findTopic, type KeyItemRow, upsertKeyItem } from '../suggestions.supervision.repo.js';
import type { SuggestionState } from '../suggestions.workflow.js';

/** A suggestion can be supervised from submission until it is concluded (B/C commitments included). */
export const SUPERVISABLE_STATES: readonly SuggestionState[] = [
  'submitted',
  'accepted',
  'committee_review',
  'assigned',
  'awaiting_evaluation',
  'rehandling',
  'closed',
];

/**
 * 重点督办: a leader or the office marks a suggestion as a key item, optionally in a topic of the
 * same congress; marking again changes the topic or the note. The suggestion's lock makes markings
 * take turns with its transitions.
 */
export async function markKeySuggestion(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { topicId?: string | null; note: string | null },
): Promise<KeyItemRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    const user = ctx.user as NonNullable<RequestContext['user']>;
    assertSupervises(user, row.regionCode);
    assertStateIn(row, SUPERVISABLE_STATES, { zh: '列为重点督办', en: 'mark it as a key item' });
    const topicId = body.topicId ?? null;
    if (topicId) {
      const topic = await findTopic(tx, topicId);
      if (!topic) throw notFound('督办专题', 'Supervision topic');
      if (topic.congressId !== row.congressId) {
        throw badRequest('TOPIC_OF_OTHER_CONGRESS', {
          zh: '督办专题与该建议不属于同一人大',
          en: 'The topic belongs to another congress than the suggestion',
        });
      }
    }
    const before = await findKeyItem(tx, row.id);
    const item = await upsertKeyItem(tx, {
      suggestionId: row.id,
      regionCode: row.regionCode,
      topicId,
      note: body.note,
      markedBy: user.id,
      at: now,
    });
    await announce(tx, ctx, row, null, {
      action: before ? 'key_supervision_changed' : 'key_supervision_marked',
      note: body.note,
      data: { topicId, previousTopicId: before?.topicId ?? null },
      audit: { topicId },
      at: now,
    });
    return item;
  });
}

/** Takes the suggestion off the key items; its reports and urgings stay on record. */
export async function unmarkKeySuggestion(deps: SuggestionDeps, ctx: RequestContext, id: string): Promise<void> {
  await changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    assertSupervises(ctx.user as NonNullable<RequestContext['user']>, row.regionCode);
    const removed = await deleteKeyItem(tx, row.id);
    if (!removed) {
      throw conflict('NOT_KEY_ITEM', { zh: '该建议不是重点督办建议', en: 'This suggestion is not a key item' });
    }
    await announce(tx, ctx, row, null, {
      action: 'key_supervision_removed',
      data: { topicId: removed.topicId },
      at: now,
    });
  });
}
