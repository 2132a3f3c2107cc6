import type { Db } from '../../../db/client.js';
import { notFound } from '../../../platform/errors.js';
import { markAllRead, markRead, unreadCount } from '../notifications.repo.js';

// Reading one's own messages changes only one's own inbox, not business data: it is not audited,
// or every glance at the inbox would add a link to the audit chain.

export async function readMessage(db: Db, userId: string, id: string) {
  const row = await markRead(db, userId, id);
  if (!row) throw notFound('消息', 'Message');
  return { ok: true as const, unread: await unreadCount(db, userId) };
}

export async function readAllMessages(db: Db, userId: string) {
  const updated = await markAllRead(db, userId);
  return { updated, unread: await unreadCount(db, userId) };
}
