import { type AnyColumn, asc, count, desc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { isValidIdNumber, PHONE_RE } from '../../platform/ids.js';
import { isPinyinQuery, likeEscape } from '../../platform/text.js';
import { idNumberHash, normalizeIdNumber, normalizePhone, phoneHash } from './deputies.rules.js';
import type { DeputySort } from './deputies.schema.js';
import { deputies, persons } from './deputies.tables.js';

export interface SearchOptions {
  crypto: FieldCrypto;
  /** Exact phone or ID number search, for the roles that may see them. */
  personalSearch: boolean;
}

/**
 * The search box of the deputy list, on the mandate's own copies of the person's name keys (kept by
 * the triggers of migrations 0002 and 0009, with an index each): Latin letters search pinyin and
 * initials by prefix (张三 ← "zhangs", "zs"); a valid ID number or phone number finds the person
 * through the blind index; anything else is a name substring. `onPerson` says whether the condition
 * reads the persons table.
 */
export function searchCondition(q: string, opts: SearchOptions): { where: SQL; onPerson: boolean } | undefined {
  const compact = q.replace(/\s+/g, '').toLowerCase();
  if (!compact) return undefined;
  if (isPinyinQuery(compact)) {
    const prefix = `${likeEscape(compact)}%`;
    // The sort key is the pinyin (letters and digits only), a space, the name: with no space in the
    // query, its prefix is the pinyin's prefix.
    return { where: or(like(deputies.sortKey, prefix), like(deputies.personInitials, prefix)) as SQL, onPerson: false };
  }
  if (opts.personalSearch) {
    const id = normalizeIdNumber(q);
    if (isValidIdNumber(id)) return { where: eq(persons.idNumberHash, idNumberHash(opts.crypto, id)), onPerson: true };
    const phone = normalizePhone(q);
    if (/^\d/.test(phone) && PHONE_RE.test(phone)) {
      return { where: eq(persons.phoneHash, phoneHash(opts.crypto, phone)), onPerson: true };
    }
  }
  const text = q.trim();
  // The grams find the candidates through the GIN index (one- and two-character names included);
  // LIKE keeps exactly the names that contain the text.
  return {
    where: sql`(name_grams(${deputies.personName}) @> name_grams(${text}) AND ${deputies.personName} LIKE ${`%${likeEscape(text)}%`})`,
    onPerson: false,
  };
}

/** The columns a list is ordered by, from the table or from the matches of a search. */
type OrderColumns = Record<'id' | 'sortKey' | 'levelRank' | 'term' | 'regionCode' | 'createdAt', AnyColumn>;

/** The ORDER BY of a sort, every key in the same direction so one index serves it both ways. */
export function orderOf(sort: DeputySort, c: OrderColumns = deputies): SQL[] {
  const dir = sort.startsWith('-') ? desc : asc;
  switch (sort.replace(/^-/, '')) {
    case 'level':
      return [dir(c.levelRank), dir(c.sortKey), dir(c.id)];
    case 'term':
      return [dir(c.term), dir(c.sortKey), dir(c.id)];
    case 'region':
      return [dir(c.regionCode), dir(c.sortKey), dir(c.id)];
    case 'createdAt':
      return [dir(c.createdAt), dir(c.id)];
    default:
      return [dir(c.sortKey), dir(c.id)];
  }
}

/**
 * One page of a search, and how many match. The matches are found once through the search indexes,
 * then counted and ordered: a name's matches cluster in name order (张… sorts near the end, and so
 * do the pinyin matches of "zhang"), so walking the name-order index until a page is full would
 * read nearly every row before the first match. The CTE is referenced twice, which makes PostgreSQL
 * materialize it rather than fold it into the outer query — what keeps that walk from being chosen.
 */
export async function searchPage(
  db: Executor,
  where: SQL | undefined,
  onPerson: boolean,
  page: { sort: DeputySort; limit: number; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const base = db
    .select({
      id: deputies.id,
      sortKey: deputies.sortKey,
      levelRank: deputies.levelRank,
      term: deputies.term,
      regionCode: deputies.regionCode,
      createdAt: deputies.createdAt,
    })
    .from(deputies)
    .$dynamic();
  const matches = db
    .$with('matches')
    .as((onPerson ? base.innerJoin(persons, eq(persons.id, deputies.personId)) : base).where(where));
  const rows = await db
    .with(matches)
    .select({ id: matches.id, total: sql<number>`(SELECT count(*) FROM ${matches})::int`.mapWith(Number) })
    .from(matches)
    .orderBy(...orderOf(page.sort, matches))
    .limit(page.limit)
    .offset(page.offset);
  if (rows[0]) return { ids: rows.map((r) => r.id), total: rows[0].total };
  if (page.offset === 0) return { ids: [], total: 0 };
  // Past the last page: no row carried the count.
  const counted = onPerson
    ? db.select({ n: count() }).from(deputies).innerJoin(persons, eq(persons.id, deputies.personId)).where(where)
    : db.select({ n: count() }).from(deputies).where(where);
  const [total] = await counted;
  return { ids: [], total: total?.n ?? 0 };
}
