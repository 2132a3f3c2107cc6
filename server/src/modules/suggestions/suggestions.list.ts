import { and, asc, count, desc, eq, exists, inArray, isNotNull, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { searchQuery } from '../../platform/text/tokens.js';
import { likeEscape } from '../../platform/text.js';
import { deputies, persons } from '../deputies/deputies.tables.js';
import { congresses, congressSessions, congressTerms } from './congresses.tables.js';
import { statisticsListFilter } from './suggestions.list.filters.js';
import { unitBox } from './suggestions.list.unit.js';
import { mandatesOfPerson } from './suggestions.parties.repo.js';
import type { ListFilter } from './suggestions.schema.js';
import { suggestionCategories, suggestionCosigners, suggestions } from './suggestions.tables.js';

/**
 * The lists of suggestions, each account seeing what suggestions.policy.ts lets it open: a deputy
 * what they lead or were sent to co-sign, the office and leaders what was submitted in their region,
 * a unit what was assigned to it.
 */

const sentToCosigners = or(ne(suggestions.state, 'draft'), isNotNull(suggestions.cosigningStartedAt));

const cosignedBy = (mine: string[], status?: 'invited') =>
  exists(
    sql`(SELECT 1 FROM ${suggestionCosigners} WHERE ${suggestionCosigners.suggestionId} = ${suggestions.id}
      AND ${inArray(suggestionCosigners.deputyId, mine)}${status ? sql` AND ${suggestionCosigners.status} = ${status}` : sql``})`,
  );

async function visibility(db: Executor, user: SessionUser, box: ListFilter['box']): Promise<SQL | undefined | false> {
  switch (user.role) {
    case 'deputy': {
      const mine = (await mandatesOfPerson(db, user.personId)).map((m) => m.id);
      if (mine.length === 0) return false;
      const lead = inArray(suggestions.leadDeputyId, mine);
      const cosigned = and(cosignedBy(mine), sentToCosigners);
      if (box === 'lead') return lead;
      if (box === 'cosigned') return cosigned;
      if (box === 'invitations') return and(cosignedBy(mine, 'invited'), eq(suggestions.state, 'cosigning'));
      return or(lead, cosigned);
    }
    case 'office_staff':
    case 'leader':
      return and(
        isNotNull(suggestions.submittedAt),
        user.regionCode === '' ? undefined : like(suggestions.regionCode, `${user.regionCode}%`),
      );
    case 'unit_staff':
      if (!user.organizationId) return false;
      return unitBox(user.organizationId, box);
    default:
      return false;
  }
}

/** A suggestion's number as people say it: "109", "109号", "第109号". */
const NUMBER = /^第?\s*(\d{1,9})\s*号?$/;

function textFilter(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const query = searchQuery(q);
  const title = like(suggestions.title, `%${likeEscape(q)}%`);
  const numbered = NUMBER.exec(q.trim());
  return or(
    query ? sql`${suggestions.searchTokens} @@ to_tsquery('simple', ${query})` : undefined,
    title,
    numbered ? eq(suggestions.number, Number(numbered[1])) : undefined,
  );
}

const cosignerCount = (status?: 'confirmed') =>
  sql<number>`(SELECT count(*) FROM ${suggestionCosigners} WHERE ${suggestionCosigners.suggestionId} = ${suggestions.id}${
    status ? sql` AND ${suggestionCosigners.status} = ${status}` : sql``
  })`.mapWith(Number);

export async function listSuggestions(db: Executor, user: SessionUser, f: ListFilter) {
  const visible = await visibility(db, user, f.box);
  if (visible === false) return { rows: [], total: 0 };
  const where = and(
    visible,
    f.state ? eq(suggestions.state, f.state) : undefined,
    f.kind ? eq(suggestions.kind, f.kind) : undefined,
    f.phase ? eq(suggestions.phase, f.phase) : undefined,
    f.congressId ? eq(suggestions.congressId, f.congressId) : undefined,
    f.termId ? eq(suggestions.termId, f.termId) : undefined,
    f.sessionId ? eq(suggestions.sessionId, f.sessionId) : undefined,
    statisticsListFilter(f),
    textFilter(f.q),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        row: suggestions,
        congressName: congresses.name,
        termNumber: congressTerms.number,
        sessionNumber: congressSessions.number,
        leadName: persons.name,
        categoryName: suggestionCategories.name,
        categoryNameEn: suggestionCategories.nameEn,
        cosignerCount: cosignerCount(),
        confirmedCount: cosignerCount('confirmed'),
      })
      .from(suggestions)
      .innerJoin(congresses, eq(congresses.id, suggestions.congressId))
      .innerJoin(congressTerms, eq(congressTerms.id, suggestions.termId))
      .leftJoin(congressSessions, eq(congressSessions.id, suggestions.sessionId))
      .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
      .innerJoin(persons, eq(persons.id, deputies.personId))
      .leftJoin(suggestionCategories, eq(suggestionCategories.id, suggestions.categoryId))
      .where(where)
      .orderBy(desc(suggestions.updatedAt), asc(suggestions.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(suggestions).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type ListedSuggestion = Awaited<ReturnType<typeof listSuggestions>>['rows'][number];
