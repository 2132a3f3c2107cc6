import { and, asc, count, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { offsetOf } from '../../platform/http.js';
import type { Channel, NotificationStatus, TemplateLocale } from '../../platform/notify/notify.tables.js';
import { notifications, notificationTemplates } from '../../platform/notify/notify.tables.js';
import { users } from '../../platform/platform.tables.js';
import { scopeFilter } from '../../platform/scope.js';
import { likeEscape } from '../../platform/text.js';

// ── In-app messages ────────────────────────────────────────────────────────────

const inboxOf = (userId: string): SQL =>
  and(eq(notifications.recipientUserId, userId), eq(notifications.channel, 'in_app'), eq(notifications.status, 'sent')) as SQL;

export async function listMessages(
  db: Executor,
  userId: string,
  q: { page: number; pageSize: number; q?: string; unread?: boolean },
) {
  const conds: SQL[] = [inboxOf(userId)];
  if (q.unread !== undefined) conds.push(q.unread ? isNull(notifications.readAt) : sql`${notifications.readAt} IS NOT NULL`);
  if (q.q) {
    const like = `%${likeEscape(q.q)}%`;
    conds.push(or(ilike(notifications.subject, like), ilike(notifications.body, like)) as SQL);
  }
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        topic: notifications.topic,
        templateKey: notifications.templateKey,
        subject: notifications.subject,
        body: notifications.body,
        link: notifications.link,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(inboxOf(userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's own messages read; keeps the first reading time. Undefined when it is not theirs. */
export async function markRead(db: Executor, userId: string, id: string) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), inboxOf(userId)))
    .returning({ id: notifications.id });
  return row;
}

export async function markAllRead(db: Executor, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(inboxOf(userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

// ── Deliveries ─────────────────────────────────────────────────────────────────

export interface DeliveryFilter {
  page: number;
  pageSize: number;
  status?: NotificationStatus;
  channel?: Channel;
  topic?: string;
}

export async function listDeliveries(db: Executor, scope: { regionCode: string }, f: DeliveryFilter) {
  const conds: (SQL | undefined)[] = [scopeFilter(scope, notifications.regionCode)];
  if (f.status) conds.push(eq(notifications.status, f.status));
  if (f.channel) conds.push(eq(notifications.channel, f.channel));
  if (f.topic) conds.push(eq(notifications.topic, f.topic));
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    db
      .select({
        n: notifications,
        userDisplayName: users.displayName,
        username: users.username,
      })
      .from(notifications)
      .leftJoin(users, eq(users.id, notifications.recipientUserId))
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findNotificationForUpdate(tx: Tx, id: string) {
  const [row] = await tx.select().from(notifications).where(eq(notifications.id, id)).for('update');
  return row;
}

export async function updateNotification(tx: Tx, id: string, set: Partial<typeof notifications.$inferInsert>) {
  await tx.update(notifications).set(set).where(eq(notifications.id, id));
}

// ── Templates ──────────────────────────────────────────────────────────────────

export async function listTemplates(db: Executor, f: { key?: string; channel?: Channel; locale?: TemplateLocale }) {
  const conds: SQL[] = [];
  if (f.key) conds.push(eq(notificationTemplates.key, f.key));
  if (f.channel) conds.push(eq(notificationTemplates.channel, f.channel));
  if (f.locale) conds.push(eq(notificationTemplates.locale, f.locale));
  return db
    .select()
    .from(notificationTemplates)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(notificationTemplates.key), asc(notificationTemplates.channel), asc(notificationTemplates.locale));
}

export async function findTemplateForUpdate(tx: Tx, key: string, channel: Channel, locale: TemplateLocale) {
  const [row] = await tx
    .select()
    .from(notificationTemplates)
    .where(
      and(
        eq(notificationTemplates.key, key),
        eq(notificationTemplates.channel, channel),
        eq(notificationTemplates.locale, locale),
      ),
    )
    .for('update');
  return row;
}

export async function saveTemplate(
  tx: Tx,
  t: { key: string; channel: Channel; locale: TemplateLocale; subject: string | null; body: string; updatedBy: string | null },
) {
  const [row] = await tx
    .insert(notificationTemplates)
    .values({ ...t, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [notificationTemplates.key, notificationTemplates.channel, notificationTemplates.locale],
      set: { subject: t.subject, body: t.body, updatedBy: t.updatedBy, updatedAt: new Date() },
    })
    .returning();
  return row;
}
