import { and, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { chinaDate } from '../../platform/calendar/calendar.js';
import { scopeFilter } from '../../platform/scope.js';
import {
  findReplyForPublication,
  listPublications,
  type PublicationRow,
  publicList,
  publicOne,
  unitNameOf,
  wordingContains,
} from './suggestions.publication.repo.js';
import type { PublicationView, PublicReplyItem } from './suggestions.publication.schema.js';
import { type PublicationStatus, suggestionReplyPublications } from './suggestions.supervision.tables.js';

/** The office's and the public's views of published replies. */

type View = z.infer<typeof PublicationView>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const base = (p: PublicationRow, unitName: string, replyClass: View['replyClass']): View => ({
  id: p.id,
  replyId: p.replyId,
  suggestionId: p.suggestionId,
  regionCode: p.regionCode,
  year: p.year,
  status: p.status,
  title: p.title,
  text: p.text,
  names: p.names,
  unitName,
  replyClass,
  publishedAt: iso(p.publishedAt),
  unpublishedAt: iso(p.unpublishedAt),
  unpublishReason: p.unpublishReason,
  version: p.version,
});

/** One publication for the office, with the original reply beside it to compare. */
export async function publicationView(db: Executor, p: PublicationRow): Promise<View> {
  const found = await findReplyForPublication(db, p.replyId);
  const unitName = found ? await unitNameOf(db, found.reply.unitId) : '—';
  return {
    ...base(p, unitName, found?.reply.replyClass ?? null),
    original: { title: found?.suggestionTitle ?? '', text: found?.reply.text ?? '' },
  };
}

export async function publicationsFor(
  db: Executor,
  user: SessionUser,
  q: { year?: number; status?: PublicationStatus; q?: string; page: number; pageSize: number },
) {
  const t = suggestionReplyPublications;
  const conditions: (SQL | undefined)[] = [
    scopeFilter(user, t.regionCode),
    q.year ? eq(t.year, q.year) : undefined,
    q.status ? eq(t.status, q.status) : undefined,
    q.q ? wordingContains(q.q) : undefined,
  ];
  const { rows, total } = await listPublications(db, and(...conditions), {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((r) => base(r.publication, r.unitName, r.replyClass)), total };
}

export const PUBLIC_PAGE_SIZE = 20;

type PublicRow = Awaited<ReturnType<typeof publicList>>['rows'][number];
const publicItem = (r: PublicRow): z.infer<typeof PublicReplyItem> => ({
  id: r.id,
  year: r.year,
  title: r.title,
  congressName: r.congressName,
  unitName: r.unitName,
  replyClass: r.replyClass,
  repliedOn: r.repliedAt ? chinaDate(r.repliedAt) : null,
  publishedAt: (r.publishedAt as Date).toISOString(),
});

export async function publicReplies(db: Executor, q: { year?: number; q?: string; page: number; regionCode?: string }) {
  const { rows, total } = await publicList(db, {
    year: q.year,
    q: q.q || undefined,
    regionCode: q.regionCode,
    limit: PUBLIC_PAGE_SIZE,
    offset: (q.page - 1) * PUBLIC_PAGE_SIZE,
  });
  return { items: rows.map(publicItem), total, page: q.page };
}

export async function publicReply(db: Executor, id: string) {
  const row = await publicOne(db, id);
  return row ? { ...publicItem(row), text: row.text } : null;
}
