import { and, asc, count, desc, eq, gt, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditHash, GENESIS_HASH } from '../../platform/audit.js';
import { auditEvents } from '../../platform/platform.tables.js';
import { likeEscape } from '../../platform/text.js';

export interface AuditFilter {
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAuditEvents(db: Db, f: AuditFilter) {
  const conds: SQL[] = [];
  if (f.action) conds.push(ilike(auditEvents.action, `${likeEscape(f.action)}%`));
  if (f.actor) conds.push(eq(auditEvents.actorUsername, f.actor));
  if (f.entityType) conds.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditEvents.entityId, f.entityId));
  if (f.from) conds.push(gte(auditEvents.at, new Date(f.from)));
  if (f.to) conds.push(lte(auditEvents.at, new Date(f.to)));
  const where = conds.length ? and(...conds) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Walks the whole chain in id order, recomputing each hash. */
export async function verifyAuditChain(db: Db) {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const batch = await db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(2000);
    if (batch.length === 0) return { ok: true, checked, brokenAt: null, reason: null };
    for (const r of batch) {
      checked++;
      if (r.prevHash !== prev) return { ok: false, checked, brokenAt: r.id, reason: 'link' };
      const { id: _id, prevHash: _p, hash, ...row } = r;
      if (auditHash(prev, row) !== hash) return { ok: false, checked, brokenAt: r.id, reason: 'content' };
      prev = hash;
      lastId = r.id;
    }
  }
}
