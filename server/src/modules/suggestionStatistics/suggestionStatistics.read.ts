import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { type Cohort, type CountName, emptyCounts, type Figures, figuresOf, listLinks } from './suggestionStatistics.metrics.js';
import { scopedCohort } from './suggestionStatistics.policy.js';
import { categoryNames, countBy, type Named, sessionNames, unitNames } from './suggestionStatistics.repo.js';
import type { Dimension, StatsQuery } from './suggestionStatistics.schema.js';

/** What the statistics routes answer: the figures of the account's scope, with names and list links. */

export interface BreakdownRow {
  key: string | null;
  name: string | null;
  nameEn: string | null;
  figures: Figures;
  links: Record<CountName, string> | null;
}

export const cohortOf = (q: StatsQuery): Cohort => ({
  regionCode: q.regionCode,
  congressId: q.congressId,
  sessionId: q.sessionId,
  phase: q.phase,
  year: q.year,
  categoryId: q.categoryId,
  delegation: q.delegation,
  unitId: q.unitId,
});

/** Without the unset filters, as the response echoes them. */
const defined = (c: Cohort): Cohort =>
  Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== '')) as Cohort;

export async function overview(db: Executor, user: SessionUser, q: StatsQuery) {
  const cohort = defined(scopedCohort(user, cohortOf(q)));
  const [row] = await countBy(db, cohort, null);
  return { filter: cohort, figures: figuresOf(row?.counts ?? emptyCounts()), links: listLinks(cohort) };
}

/** The cohort narrowed to one member of a dimension: what its figures' links open. */
function memberCohort(cohort: Cohort, dimension: Dimension, key: string | null): Cohort | null {
  switch (dimension) {
    case 'unit':
      return key ? { ...cohort, unitId: key } : null;
    case 'session':
      return key ? { ...cohort, sessionId: key } : { ...cohort, phase: 'recess' };
    case 'year':
      return key ? { ...cohort, year: Number(key) } : null;
    case 'category':
      return key ? { ...cohort, categoryId: key } : null;
    case 'delegation':
      return key ? { ...cohort, delegation: key } : null;
  }
}

const NONE: Record<Dimension, Named> = {
  unit: { name: '（无承办单位）', nameEn: '(no unit)', order: 1e15 },
  session: { name: '闭会期间', nameEn: 'Recess', order: 1e15 },
  year: { name: '（无）', nameEn: '(none)', order: 1e15 },
  category: { name: '（未分类）', nameEn: '(no category)', order: 1e15 },
  delegation: { name: '（无代表团）', nameEn: '(no delegation)', order: 1e15 },
};

async function namesOf(db: Executor, dimension: Dimension, keys: string[]): Promise<Map<string, Named>> {
  switch (dimension) {
    case 'unit':
      return unitNames(db, keys);
    case 'session':
      return sessionNames(db, keys);
    case 'category':
      return categoryNames(db, keys);
    case 'year':
      // Latest year first.
      return new Map(keys.map((k) => [k, { name: `${k}年`, nameEn: k, order: -Number(k) }]));
    case 'delegation':
      return new Map(keys.map((k) => [k, { name: k, nameEn: null, order: 0 }]));
  }
}

/** The figures per member of a dimension: every member (a city has at most a few hundred units). */
export async function breakdownRows(db: Executor, cohort: Cohort, dimension: Dimension): Promise<BreakdownRow[]> {
  const rows = await countBy(db, cohort, dimension);
  const names = await namesOf(
    db,
    dimension,
    rows.flatMap((r) => (r.key === null ? [] : [r.key])),
  );
  const named = rows.map((r) => {
    const n = r.key === null ? NONE[dimension] : (names.get(r.key) ?? { name: r.key, nameEn: null, order: 0 });
    const member = memberCohort(cohort, dimension, r.key);
    return {
      order: n.order,
      row: {
        key: r.key,
        name: n.name,
        nameEn: n.nameEn,
        figures: figuresOf(r.counts),
        links: member ? listLinks(member) : null,
      },
    };
  });
  // Units and delegations by how much they handle; sessions, years and categories in their own order.
  const bySize = dimension === 'unit' || dimension === 'delegation';
  named.sort(
    (a, b) =>
      (bySize ? b.row.figures.submitted - a.row.figures.submitted : 0) ||
      a.order - b.order ||
      (a.row.name ?? '').localeCompare(b.row.name ?? ''),
  );
  return named.map((n) => n.row);
}

export async function breakdown(db: Executor, user: SessionUser, q: StatsQuery & { dimension: Dimension }) {
  const cohort = defined(scopedCohort(user, cohortOf(q)));
  const items = await breakdownRows(db, cohort, q.dimension);
  return { dimension: q.dimension, filter: cohort, items, total: items.length };
}
