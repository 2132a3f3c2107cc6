import type { SessionUser } from '../../platform/auth/session.js';
import { forbidden } from '../../platform/errors.js';
import type { OpinionDeps } from './opinions.deps.js';
import { queueClock } from './opinions.list.js';
import { caseCondition, countCases } from './opinions.list.repo.js';
import { QUEUES, type QueueKey, type QueueRole } from './opinions.list.schema.js';
import { caseScopeOf } from './opinions.visibility.js';

/**
 * The workbench cards: one exact count per queue of the role, built from the very condition the list
 * uses for `?queue=key` (opinions.list.repo.ts), so a card's number is the total of the list it opens.
 */
export async function workbench(deps: Pick<OpinionDeps, 'db' | 'clock'>, user: SessionUser) {
  if (!(user.role in QUEUES)) throw forbidden({ zh: '您的角色没有意见工作台', en: 'Your role has no opinion workbench' });
  const role = user.role as QueueRole;
  const [scope, clock] = await Promise.all([caseScopeOf(deps.db, user), queueClock(deps)]);
  const keys: readonly QueueKey[] = QUEUES[role];
  const counts = await Promise.all(keys.map((key) => countCases(deps.db, caseCondition(scope, { queue: key }, clock))));
  return { role, queues: keys.map((key, i) => ({ key, count: counts[i]?.total ?? 0 })) };
}
