import { and, asc, countDistinct, eq, inArray, like, min } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { users } from '../../platform/platform.tables.js';
import { scopeFilter } from '../../platform/scope.js';
import { regions } from '../regions/regions.tables.js';
import { searchCondition } from './deputies.search.js';
import { deputies, persons } from './deputies.tables.js';
import type { PersonLookupItem, PersonLookupQuery } from './personLookup.schema.js';

/**
 * Persons serving a mandate, by name, pinyin or initials — never by phone or ID number — limited to
 * the persons an account of `f.regionCode` inside the caller's subtree may be linked to (the rule of
 * users.rules.ts checkAccountScope: the person's region lies in the account's region). Ordered by
 * name as the deputy list is.
 */
export async function lookupPersons(
  db: Executor,
  user: SessionUser,
  f: PersonLookupQuery,
  crypto: FieldCrypto,
): Promise<{ items: PersonLookupItem[]; total: number }> {
  const search = f.q ? searchCondition(f.q, { crypto, personalSearch: false }) : undefined;
  const where = and(
    eq(deputies.status, 'serving'),
    scopeFilter(user, persons.regionCode),
    f.regionCode ? like(persons.regionCode, `${f.regionCode}%`) : undefined,
    search?.where,
  );
  const [page, [counted]] = await Promise.all([
    db
      .select({ id: persons.id, name: persons.name })
      .from(deputies)
      .innerJoin(persons, eq(persons.id, deputies.personId))
      .where(where)
      .groupBy(persons.id)
      .orderBy(asc(min(deputies.sortKey)), asc(persons.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: countDistinct(deputies.personId) })
      .from(deputies)
      .innerJoin(persons, eq(persons.id, deputies.personId))
      .where(where),
  ]);
  const ids = page.map((p) => p.id);
  if (ids.length === 0) return { items: [], total: counted?.n ?? 0 };
  const [mandates, linked] = await Promise.all([
    db
      .select({ personId: deputies.personId, level: deputies.level, regionCode: deputies.regionCode, regionName: regions.name })
      .from(deputies)
      .leftJoin(regions, eq(regions.code, deputies.regionCode))
      .where(and(inArray(deputies.personId, ids), eq(deputies.status, 'serving')))
      .orderBy(asc(deputies.levelRank), asc(deputies.regionCode)),
    db.select({ personId: users.personId }).from(users).where(inArray(users.personId, ids)),
  ]);
  const withAccount = new Set(linked.map((l) => l.personId));
  return {
    items: page.map((p) => ({
      id: p.id,
      name: p.name,
      hasAccount: withAccount.has(p.id),
      mandates: mandates
        .filter((m) => m.personId === p.id)
        .map(({ level, regionCode, regionName }) => ({ level, regionCode, regionName })),
    })),
    total: counted?.n ?? 0,
  };
}
