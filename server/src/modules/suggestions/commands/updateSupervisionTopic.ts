import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict, forbidden, notFound, pgErrorCode } from '../../../platform/errors.js';
import { nowOf, type SuggestionDeps } from '../suggestions.deps.js';
import { assertSupervises } from '../suggestions.supervision.policy.js';
import { findTopic, type TopicRow, updateTopicGuarded } from '../suggestions.supervision.repo.js';
import type { TopicEditInput } from '../suggestions.supervision.schema.js';
import { assertSupervisingCommittee, assertSupervisingLeader, topicNameTaken } from './createSupervisionTopic.js';

/** Renames a topic, rewrites its description, or hands it to another leader or committee. */
export async function updateSupervisionTopic(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: TopicEditInput,
): Promise<TopicRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const now = nowOf(deps);
  try {
    return await deps.db.transaction(async (tx) => {
      const topic = await findTopic(tx, id, { forUpdate: true });
      if (!topic) throw notFound('督办专题', 'Supervision topic');
      assertSupervises(user, topic.regionCode);
      const leaderId = body.leaderId === undefined ? topic.leaderId : body.leaderId;
      const committeeId = body.committeeId === undefined ? topic.committeeId : body.committeeId;
      if (!leaderId && !committeeId) {
        throw badRequest('SUPERVISOR_REQUIRED', {
          zh: '请指定督办领导或牵头专门委员会',
          en: 'Name the supervising leader or committee',
        });
      }
      if (leaderId && leaderId !== topic.leaderId) await assertSupervisingLeader(tx, leaderId, topic.regionCode);
      if (committeeId && committeeId !== topic.committeeId) {
        await assertSupervisingCommittee(tx, committeeId, topic.regionCode);
      }
      const saved = await updateTopicGuarded(
        tx,
        topic.id,
        body.version,
        {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.description !== undefined ? { description: body.description ?? '' } : {}),
          leaderId,
          committeeId,
        },
        now,
      );
      if (!saved) {
        throw conflict('VERSION_CONFLICT', {
          zh: '该专题已被他人修改，请刷新后重试',
          en: 'Someone else changed this topic; reload and try again',
        });
      }
      await recordAudit(tx, ctx, {
        action: 'suggestion_topic.update',
        entityType: 'suggestion_topic',
        entityId: saved.id,
        regionCode: saved.regionCode,
        before: { name: topic.name, leaderId: topic.leaderId, committeeId: topic.committeeId, version: topic.version },
        after: { name: saved.name, leaderId: saved.leaderId, committeeId: saved.committeeId, version: saved.version },
      });
      return saved;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw topicNameTaken();
    throw err;
  }
}
