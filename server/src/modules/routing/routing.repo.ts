import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, like, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { offsetOf } from '../../platform/http.js';
import type { Text } from '../../platform/i18n.js';
import { users } from '../../platform/platform.tables.js';
import { opinionCategories, opinions, routingRules } from '../opinions/opinions.tables.js';
import { organizations } from '../organizations/organizations.tables.js';
import { ancestorCodes } from '../regions/regions.repo.js';
import { regions } from '../regions/regions.tables.js';
import { findCategory } from './categories.repo.js';
import { categoryNotFound } from './routing.errors.js';
import { ruleReason, similarReason } from './routing.reasons.js';
import type { RuleQuery } from './routing.schema.js';
import { orQueryOf } from './routing.tokens.js';

export type RuleRow = typeof routingRules.$inferSelect;

const creator = alias(users, 'creator');
const ender = alias(users, 'ender');

/** A rule with the names a list shows; inner joins, because every rule has a category and a unit. */
function selectRulesWithNames(db: Executor) {
  return db
    .select({
      rule: routingRules,
      categoryCode: opinionCategories.code,
      categoryName: opinionCategories.name,
      categoryNameEn: opinionCategories.nameEn,
      regionName: regions.name,
      unitName: organizations.name,
      unitRegionCode: organizations.regionCode,
      unitStatus: organizations.status,
      createdByName: creator.displayName,
      endedByName: ender.displayName,
    })
    .from(routingRules)
    .innerJoin(opinionCategories, eq(opinionCategories.id, routingRules.categoryId))
    .innerJoin(organizations, eq(organizations.id, routingRules.unitId))
    .leftJoin(regions, eq(regions.code, routingRules.regionCode))
    .leftJoin(creator, eq(creator.id, routingRules.createdBy))
    .leftJoin(ender, eq(ender.id, routingRules.endedBy));
}
export type RuleWithNames = Awaited<ReturnType<ReturnType<typeof selectRulesWithNames>['where']>>[number];

/** `scope` is the reader's region subtree ('' for the whole country). */
export async function listRules(db: Executor, f: RuleQuery, scope: string) {
  const conds: (SQL | undefined)[] = [
    scope ? like(routingRules.regionCode, `${scope}%`) : undefined,
    f.regionCode ? like(routingRules.regionCode, `${f.regionCode}%`) : undefined,
    f.categoryId ? eq(routingRules.categoryId, f.categoryId) : undefined,
    f.includeHistory ? undefined : isNull(routingRules.validTo),
  ];
  const where = and(...conds.filter((c): c is SQL => !!c));
  const [rows, [total]] = await Promise.all([
    selectRulesWithNames(db)
      .where(where)
      // Each category and region together, the current rule above its history.
      .orderBy(
        asc(routingRules.regionCode),
        asc(opinionCategories.sortOrder),
        asc(opinionCategories.code),
        sql`${routingRules.validTo} DESC NULLS FIRST`,
        desc(routingRules.validFrom),
        asc(routingRules.id),
      )
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: count() }).from(routingRules).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findRuleWithNames(db: Executor, id: string): Promise<RuleWithNames | undefined> {
  const [row] = await selectRulesWithNames(db).where(eq(routingRules.id, id));
  return row;
}

export async function findRule(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<RuleRow | undefined> {
  const q = db.select().from(routingRules).where(eq(routingRules.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/**
 * Serializes writers of one category × region for the rest of the transaction, so that two offices
 * replacing the same rule at once each end the rule the other has just started instead of colliding.
 * The two-key form keeps these locks apart from the single-key locks used elsewhere.
 */
export async function lockRuleSlot(tx: Executor, categoryId: string, regionCode: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7270101, hashtext(${`${categoryId}:${regionCode}`}))`);
}

export async function currentRule(db: Executor, categoryId: string, regionCode: string): Promise<RuleRow | undefined> {
  const [row] = await db
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.categoryId, categoryId), eq(routingRules.regionCode, regionCode), isNull(routingRules.validTo)));
  return row;
}

/** Ends a rule that is still current; undefined when it has already ended (the guard of the update). */
export async function endRule(db: Executor, id: string, endedBy: string | null, at: Date): Promise<RuleRow | undefined> {
  const [row] = await db
    .update(routingRules)
    .set({ validTo: at, endedBy })
    .where(and(eq(routingRules.id, id), isNull(routingRules.validTo)))
    .returning();
  return row;
}

export async function insertRule(db: Executor, row: typeof routingRules.$inferInsert): Promise<RuleRow | undefined> {
  const [created] = await db.insert(routingRules).values(row).returning();
  return created;
}

export async function findUnit(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      regionCode: organizations.regionCode,
      category: organizations.category,
      status: organizations.status,
    })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}

// ---------------------------------------------------------------------------------------------------
// Suggestions for the transfer form

export interface SuggestionInput {
  /** The case's region. */
  regionCode: string;
  categoryId?: string | null;
  /** The case's title and content; its tokens find similar past cases. */
  text?: string | null;
  limit: number;
  /** The subtree searched for similar past cases; the case's region when left out. */
  similarRegionCode?: string;
}

export interface UnitSuggestion {
  unitId: string;
  unitName: string;
  unitRegionCode: string;
  source: 'rule' | 'similar';
  reason: Text;
  rule: {
    id: string;
    regionCode: string;
    regionName: string | null;
    categoryId: string;
    categoryName: string;
    parentCategory: boolean;
  } | null;
  similar: { count: number; lastReceivedAt: Date; score: number } | null;
}

/** Past cases older than this say little about who handles such matters now (units are reorganized). */
const SIMILAR_YEARS = 3;
/** How many of the most recent matching cases are ranked: enough to vote, bounded so the answer stays fast. */
const SIMILAR_SCAN = 300;

/**
 * The units the transfer form proposes, best first: (a) the current routing rules that apply — the
 * most specific region first (township → county → city → province), and within a region the case's own
 * category before its parent category — then (b) the units that led similar past cases in the region
 * subtree, ranked by text rank and recency. A unit found both ways keeps its rule place and carries its
 * case count. Inactive units are never proposed.
 */
export async function suggestUnits(db: Executor, input: SuggestionInput): Promise<UnitSuggestion[]> {
  // In turn, not in parallel: the caller may pass a transaction, whose queries share one connection.
  const byRule = input.categoryId ? await ruleCandidates(db, input.regionCode, input.categoryId) : [];
  const bySimilar = input.text
    ? await similarCandidates(db, input.similarRegionCode ?? input.regionCode, input.text, input.limit)
    : [];
  const similarByUnit = new Map(bySimilar.map((s) => [s.unitId, s]));
  const out: UnitSuggestion[] = [];
  const seen = new Set<string>();
  for (const r of byRule) {
    if (seen.has(r.unitId)) continue;
    seen.add(r.unitId);
    const similar = similarByUnit.get(r.unitId);
    out.push({
      ...r,
      source: 'rule',
      reason: ruleReason(r.rule, similar?.similar.count ?? 0),
      similar: similar?.similar ?? null,
    });
  }
  for (const s of bySimilar) {
    if (seen.has(s.unitId)) continue;
    seen.add(s.unitId);
    out.push({ ...s, source: 'similar', reason: similarReason(s.similar.count), rule: null });
  }
  return out.slice(0, input.limit);
}

async function ruleCandidates(db: Executor, regionCode: string, categoryId: string) {
  const category = await findCategory(db, categoryId);
  if (!category) throw categoryNotFound(categoryId);
  const categoryIds = category.parentId ? [category.id, category.parentId] : [category.id];
  const regionCodes = [regionCode, ...ancestorCodes(regionCode)];
  const rows = await db
    .select({
      id: routingRules.id,
      regionCode: routingRules.regionCode,
      regionName: regions.name,
      categoryId: routingRules.categoryId,
      categoryName: opinionCategories.name,
      unitId: organizations.id,
      unitName: organizations.name,
      unitRegionCode: organizations.regionCode,
    })
    .from(routingRules)
    .innerJoin(organizations, eq(organizations.id, routingRules.unitId))
    .innerJoin(opinionCategories, eq(opinionCategories.id, routingRules.categoryId))
    .leftJoin(regions, eq(regions.code, routingRules.regionCode))
    .where(
      and(
        isNull(routingRules.validTo),
        inArray(routingRules.categoryId, categoryIds),
        inArray(routingRules.regionCode, regionCodes),
        eq(organizations.status, 'active'),
      ),
    );
  return rows
    .map((r) => ({ ...r, parentCategory: r.categoryId !== category.id }))
    .sort((a, b) => b.regionCode.length - a.regionCode.length || Number(a.parentCategory) - Number(b.parentCategory))
    .map(({ unitId, unitName, unitRegionCode, ...rule }) => ({ unitId, unitName, unitRegionCode, rule }));
}

async function similarCandidates(db: Executor, regionCode: string, text: string, limit: number) {
  const query = orQueryOf(text);
  if (!query) return [];
  const tsquery = sql`to_tsquery('simple', ${query})`;
  const since = new Date(Date.now() - SIMILAR_YEARS * 365.25 * 86_400_000);
  // The GIN index finds the matching cases and the region index narrows them; only the most recent few
  // hundred are ranked, so a common word in a province-wide search costs no more than a rare one.
  const recent = db
    .select({ unitId: opinions.leadUnitId, receivedAt: opinions.receivedAt, tokens: opinions.searchTokens })
    .from(opinions)
    .where(
      and(
        sql`${opinions.searchTokens} @@ ${tsquery}`,
        like(opinions.regionCode, `${regionCode}%`),
        isNotNull(opinions.leadUnitId),
        gt(opinions.receivedAt, since),
      ),
    )
    .orderBy(desc(opinions.receivedAt))
    .limit(SIMILAR_SCAN)
    .as('recent');
  // A case a year old counts half as much as one of today.
  const score =
    sql<number>`sum(ts_rank(${recent.tokens}, ${tsquery}) / (1 + extract(epoch FROM now() - ${recent.receivedAt}) / 31557600.0))`.mapWith(
      Number,
    );
  const rows = await db
    .select({
      unitId: organizations.id,
      unitName: organizations.name,
      unitRegionCode: organizations.regionCode,
      count: sql<number>`count(*)`.mapWith(Number),
      lastReceivedAt: sql<Date>`max(${recent.receivedAt})`.mapWith(opinions.receivedAt),
      score,
    })
    .from(recent)
    .innerJoin(organizations, and(eq(organizations.id, recent.unitId), eq(organizations.status, 'active')))
    .groupBy(organizations.id)
    .orderBy(desc(score), desc(sql`count(*)`), asc(organizations.id))
    .limit(limit);
  return rows.map(({ unitId, unitName, unitRegionCode, ...similar }) => ({
    unitId,
    unitName,
    unitRegionCode,
    similar: { ...similar, score: Math.round(similar.score * 10_000) / 10_000 },
  }));
}
