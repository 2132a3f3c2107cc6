import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { insertRecordset } from '../db/recordset.js';
import type { RequestContext } from './context.js';
import { auditEvents } from './platform.tables.js';

const AUDIT_CHAIN_LOCK = 7_270_002;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow {
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  regionCode: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
}

/** Stable JSON: keys sorted, so the hash does not depend on insertion order or jsonb's key order. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, row: AuditRow): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(row)).digest('hex');
}

/**
 * Appends one audit row, chained to the previous one. Call it inside the transaction of the write
 * it records, so the write and its audit row commit together or not at all.
 */
export const recordAudit = (tx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> =>
  recordAudits(tx, [{ ctx, entry }]);

/** Appends audit rows in the order given, each chained to the one before, in one statement. */
export async function recordAudits(tx: Executor, items: { ctx: RequestContext; entry: AuditEntry }[]): Promise<void> {
  if (items.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  // Millisecond precision: what PostgreSQL stores must round-trip to the same hash.
  const at = new Date(Math.floor(Date.now()));
  let prevHash = last?.hash ?? GENESIS_HASH;
  const values = items.map(({ ctx, entry }) => {
    const row: AuditRow = {
      at,
      actorId: ctx.user?.id ?? null,
      actorUsername: ctx.user?.username ?? ctx.actorName ?? null,
      actorRole: ctx.user?.role ?? null,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      regionCode: entry.regionCode ?? null,
      before: jsonSafe(entry.before),
      after: jsonSafe(entry.after),
      ip: ctx.ip ?? null,
      userAgent: ctx.userAgent ?? null,
    };
    const hash = auditHash(prevHash, row);
    const chained = { ...row, prevHash, hash };
    prevHash = hash;
    return chained;
  });
  // The ids follow the order of the list, which is the chain's order: the verifier walks by id.
  await insertRecordset(tx, auditEvents, values);
}

/** Round-trips through JSON so that what is hashed equals what jsonb gives back. */
function jsonSafe(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(JSON.stringify(v));
}
