import type { SQL } from 'drizzle-orm';
import type { SessionUser } from '../../platform/auth/session.js';
import { chinaDate, endOfChinaDay } from '../../platform/calendar/calendar.js';
import { badRequest } from '../../platform/errors.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { nowOf, type OpinionDeps } from './opinions.deps.js';
import {
  cappedCount,
  caseCondition,
  casePage,
  countCases,
  DEADLINE_STATES,
  listPage,
  orderOf,
  type QueueClock,
  rankedPage,
  rareWordPage,
  wordRankedPage,
} from './opinions.list.repo.js';
import { type OpinionFilter, type OpinionListQuery, type OpinionSort, QUEUES, type QueueRole } from './opinions.list.schema.js';
import type { ListRow } from './opinions.rows.repo.js';
import { requiredWordJoin, type SearchTerms, searchRank, searchTermsOf } from './opinions.search.js';
import { type CaseScope, caseScopeOf } from './opinions.visibility.js';

/**
 * A list of a queue is counted exactly (the workbench shows the same number); any other list counts
 * up to COUNT_CAP and says so, because a province-wide search of a common word matches hundreds of
 * thousands of cases and an exact count would cost more than the page.
 */
export const COUNT_CAP = 10_000;
/**
 * A search's relevance order ranks the most recent matches this many deep; beyond them, newest
 * first. Its count comes with the ranking, so it is capped there too ("at least 200"): a common
 * word's matches in a province are tens of thousands, and counting them would cost more than the
 * page; a search is narrowed with filters, not paged through.
 */
export const RELEVANCE_POOL = 200;
/** A search in another order counts its matches up to as many as the relevance order does. */
export const SEARCH_COUNT_CAP = RELEVANCE_POOL;
/** contracts.md §A: due soon = due within 2 working days. */
const DUE_SOON_WORKING_DAYS = 2;

type Deps = Pick<OpinionDeps, 'db' | 'clock'>;

export async function queueClock(deps: Deps): Promise<QueueClock> {
  const now = nowOf(deps);
  const calendar = await loadCalendar(deps.db);
  return { now, soonEnd: endOfChinaDay(calendar.addWorkingDays(chinaDate(now), DUE_SOON_WORKING_DAYS)) };
}

export function queuesOf(role: SessionUser['role']): readonly string[] {
  return role in QUEUES ? QUEUES[role as QueueRole] : [];
}

/**
 * The scope and filters as one WHERE clause, after checking that a queue asked for is one of the
 * role's. `terms`: the search's, when the caller has cut its words already.
 */
export async function caseQuery(deps: Deps, user: SessionUser, f: OpinionFilter, terms?: SearchTerms) {
  if (f.queue && !queuesOf(user.role).includes(f.queue)) {
    throw badRequest('QUEUE_NOT_FOR_ROLE', {
      zh: `工作队列 ${f.queue} 不适用于您的角色`,
      en: `The queue ${f.queue} is not one of your role's queues`,
    });
  }
  const [scope, clock] = await Promise.all([caseScopeOf(deps.db, user), queueClock(deps)]);
  return { scope, clock, where: caseCondition(scope, f, clock, terms) };
}

/** The effective order: relevance for a search unless another is asked for; newest first otherwise. */
export const sortOf = (f: Pick<OpinionFilter, 'q' | 'sort'>): OpinionSort =>
  f.sort === 'relevance' && !f.q ? '-receivedAt' : (f.sort ?? (f.q ? 'relevance' : '-receivedAt'));

export async function listCases(deps: Deps, user: SessionUser, query: OpinionListQuery) {
  const { db } = deps;
  const terms = query.q ? searchTermsOf(query.q) : undefined;
  const { scope, clock, where } = await caseQuery(deps, user, query, terms);
  const sort = sortOf(query);
  const offset = (query.page - 1) * query.pageSize;
  if (!(sort === 'relevance' && terms)) {
    const order = sort === 'relevance' ? '-receivedAt' : sort;
    const window = { limit: query.pageSize, offset };
    // A search's count stops at SEARCH_COUNT_CAP: its page is found along the order's index.
    const page = query.q
      ? await casePage(db, where, orderOf(order), window, SEARCH_COUNT_CAP)
      : await listPage(db, where, order, window, query.queue ? undefined : COUNT_CAP);
    return { items: page.rows.map((r) => presentListRow(r, clock.now)), total: page.total, totalExact: page.exact };
  }
  const { rows, count } = await relevancePage(
    deps,
    where,
    terms,
    regionOfSearch(scope, query),
    searchOnly(scope, query),
    offset,
    query.pageSize,
  );
  return { items: rows.map((r) => presentListRow(r, clock.now)), total: count.total, totalExact: count.exact };
}

/** The narrowest region the list's WHERE clause keeps to ('' for none): the scope's, or a region asked for inside it. */
function regionOfSearch(scope: CaseScope, f: OpinionFilter): string {
  if (scope.kind !== 'region') return f.regionCode ?? '';
  return f.regionCode?.startsWith(scope.prefix) ? f.regionCode : scope.prefix;
}

/**
 * Whether the list's only conditions are the search and a region (the account's, or one asked for):
 * then a one-word search is read from the word's index (wordRankedPage).
 */
function searchOnly(scope: CaseScope, f: OpinionListQuery): boolean {
  const { q: _q, queue, regionCode, sort: _sort, page: _page, pageSize: _pageSize, ...filters } = f;
  if (scope.kind !== 'region' || (queue !== undefined && queue !== 'all')) return false;
  if (Object.values(filters).some((v) => v !== undefined)) return false;
  // Two regions apart match nothing; the general reading says so.
  return !regionCode || regionCode.startsWith(scope.prefix) || scope.prefix.startsWith(regionCode);
}

/**
 * The page of a relevance order: the RELEVANCE_POOL most recent matches by rank, then the older
 * matches newest first. Both halves are stable, so pages neither repeat nor skip a case. The count
 * is the pool's; only a page past the pool counts on its own.
 */
async function relevancePage(
  deps: Deps,
  where: SQL | undefined,
  terms: SearchTerms,
  region: string,
  searchOnly: boolean,
  offset: number,
  limit: number,
) {
  if (offset >= RELEVANCE_POOL) {
    const page = await casePage(deps.db, where, orderOf('-receivedAt'), { limit, offset }, SEARCH_COUNT_CAP);
    return { rows: page.rows, count: { total: page.total, exact: page.exact } };
  }
  const take = Math.min(limit, RELEVANCE_POOL - offset);
  const rank = searchRank(terms);
  const ranked =
    searchOnly && terms.word !== null
      ? await wordRankedPage(deps.db, terms.word, region, RELEVANCE_POOL, take, offset)
      : ((await rareWordPage(deps.db, where, rank, terms.holds, region, RELEVANCE_POOL, take, offset)) ??
        (await rankedPage(deps.db, where, rank, RELEVANCE_POOL, take, offset, requiredWordJoin(terms, region))));
  // No row says nothing of the pool when the page starts past its end: count then.
  if (ranked.rows.length === 0 && offset > 0) return { rows: [], count: await countCases(deps.db, where, SEARCH_COUNT_CAP) };
  const count = cappedCount(ranked.pooled, RELEVANCE_POOL);
  // A page that runs past the pool goes on with the older matches, when there are any.
  const rows = [...ranked.rows];
  if (!count.exact && rows.length < limit) {
    rows.push(
      ...(
        await casePage(
          deps.db,
          where,
          orderOf('-receivedAt'),
          { limit: limit - rows.length, offset: RELEVANCE_POOL },
          SEARCH_COUNT_CAP,
        )
      ).rows,
    );
  }
  return { rows, count };
}

export const isOverdue = (r: Pick<ListRow, 'state' | 'dueAt'>, now: Date) =>
  DEADLINE_STATES.includes(r.state) && !!r.dueAt && r.dueAt.getTime() < now.getTime();

export function presentListRow(r: ListRow, now: Date) {
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    title: r.title,
    summary: r.summary,
    state: r.state,
    channel: r.channel,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    stationId: r.stationId,
    stationName: r.stationName,
    responsibleDeputyId: r.responsibleDeputyId,
    responsibleDeputyName: r.responsibleDeputyName,
    leadUnitId: r.leadUnitId,
    leadUnitName: r.leadUnitName,
    dueAt: r.dueAt ? r.dueAt.toISOString() : null,
    overdue: isOverdue(r, now),
    supervised: r.supervised,
    urgeCount: r.urgeCount,
    evaluation: r.evaluation,
    receivedAt: r.receivedAt.toISOString(),
    submitterNameMasked: r.submitterNameMasked,
  };
}
