import type { Executor } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict, forbidden, notFound, pgErrorCode } from '../../../platform/errors.js';
import { findCongress } from '../congresses.repo.js';
import { nowOf, type SuggestionDeps } from '../suggestions.deps.js';
import { findOrganization } from '../suggestions.parties.repo.js';
import { assertSupervises } from '../suggestions.supervision.policy.js';
import { findUserBrief, insertTopic, type TopicRow } from '../suggestions.supervision.repo.js';
import type { TopicInput } from '../suggestions.supervision.schema.js';

/** The supervising leader is a leader account whose region covers the congress. */
export async function assertSupervisingLeader(db: Executor, leaderId: string, congressRegion: string): Promise<void> {
  const leader = await findUserBrief(db, leaderId);
  if (leader?.role !== 'leader' || leader.status !== 'active' || !congressRegion.startsWith(leader.regionCode)) {
    throw badRequest('NOT_A_LEADER', {
      zh: '督办领导应为本级常委会领导的有效账号',
      en: 'The supervising leader must be an active leader account of this congress',
    });
  }
}

/** The supervising committee is an active special committee of the congress's own region. */
export async function assertSupervisingCommittee(db: Executor, committeeId: string, congressRegion: string): Promise<void> {
  const org = await findOrganization(db, committeeId);
  if (org?.kind !== 'special_committee' || org.status !== 'active' || org.regionCode !== congressRegion) {
    throw badRequest('NOT_A_COMMITTEE', {
      zh: '牵头督办的应为本级人大的专门委员会',
      en: 'The supervising committee must be a special committee of this congress',
    });
  }
}

export const topicNameTaken = () =>
  conflict('TOPIC_NAME_TAKEN', { zh: '同一年度已有同名督办专题', en: 'A topic of that name exists for that year' });

/** 督办专题: a name, a year, the supervising leader or committee, and what it is about. */
export async function createSupervisionTopic(deps: SuggestionDeps, ctx: RequestContext, body: TopicInput): Promise<TopicRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const now = nowOf(deps);
  const congress = await findCongress(deps.db, body.congressId);
  if (!congress) throw notFound('人大', 'Congress');
  assertSupervises(user, congress.regionCode);
  if (body.leaderId) await assertSupervisingLeader(deps.db, body.leaderId, congress.regionCode);
  if (body.committeeId) await assertSupervisingCommittee(deps.db, body.committeeId, congress.regionCode);
  try {
    return await deps.db.transaction(async (tx) => {
      const topic = await insertTopic(tx, {
        congressId: congress.id,
        regionCode: congress.regionCode,
        year: body.year,
        name: body.name,
        description: body.description ?? '',
        leaderId: body.leaderId ?? null,
        committeeId: body.committeeId ?? null,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, ctx, {
        action: 'suggestion_topic.create',
        entityType: 'suggestion_topic',
        entityId: topic.id,
        regionCode: topic.regionCode,
        after: { year: topic.year, name: topic.name, leaderId: topic.leaderId, committeeId: topic.committeeId },
      });
      return topic;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw topicNameTaken();
    throw err;
  }
}
