import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { type RequestContext, systemContext } from '../../platform/context.js';
import { nowOf, type OpinionDeps } from './opinions.deps.js';
import { type Anonymous, announce } from './opinions.events.js';
import { anonymizeCase, casesToAnonymize, deleteReadMessages, scrubConstituentDeliveries } from './opinions.jobs.repo.js';
import type { OpinionRow } from './opinions.repo.js';

/**
 * Retention (DESIGN §7, PIPL art. 19: kept no longer than the purpose needs). Once a case has been
 * closed for LIANLUO_OPINION_RETENTION_DAYS, the constituent's name, phone and address are removed —
 * from the case and from the SMS deliveries that carried the number — while the case itself, its
 * timeline and its figures stay. Read in-app messages go after LIANLUO_MESSAGE_RETENTION_DAYS.
 */

export interface RetentionDeps extends OpinionDeps {
  config: Pick<Config, 'opinionRetentionDays' | 'messageRetentionDays'>;
}

export interface RetentionResult {
  anonymized: number;
  messagesDeleted: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const CASE_BATCH = 100;
const MESSAGE_BATCH = 1000;

/**
 * Removes the constituent's details from these cases (already locked by the caller) and from the SMS
 * deliveries that carried the number, each case with its timeline event and audit row. The retention
 * job and an erasure requested through the office (opinions.person.ts) both come here, so the two
 * cannot drift apart. Cases anonymised meanwhile are skipped; returns the ids changed.
 */
export async function anonymizeCases(
  tx: Tx,
  ctx: RequestContext,
  rows: readonly OpinionRow[],
  how: { note: string; data: Record<string, unknown>; audit?: Record<string, unknown>; as?: Anonymous; at: Date },
): Promise<string[]> {
  const ids: string[] = [];
  for (const row of rows) {
    const saved = await anonymizeCase(tx, row.id, how.at);
    if (!saved) continue;
    ids.push(saved.id);
    await announce(tx, ctx, saved, row, {
      action: 'anonymize',
      note: how.note,
      data: how.data,
      audit: how.audit,
      as: how.as,
      at: how.at,
    });
  }
  await scrubConstituentDeliveries(tx, ids);
  return ids;
}

export async function runRetentionOnce(deps: RetentionDeps, opts: { regionCode?: string } = {}): Promise<RetentionResult> {
  const now = nowOf(deps);
  const ctx = systemContext('retention-jobs');
  const result: RetentionResult = { anonymized: 0, messagesDeleted: 0 };

  const caseCutoff = new Date(now.getTime() - deps.config.opinionRetentionDays * DAY_MS);
  for (;;) {
    // Each batch commits on its own: a run cut short keeps what it did, and the next run goes on.
    const done = await deps.db.transaction(async (tx) => {
      const rows = await casesToAnonymize(tx, caseCutoff, { regionCode: opts.regionCode, limit: CASE_BATCH });
      const ids = await anonymizeCases(tx, ctx, rows, {
        note: '个人信息保存期满，已匿名化处理',
        data: { retentionDays: deps.config.opinionRetentionDays },
        as: 'system',
        at: now,
      });
      return { found: rows.length, anonymized: ids.length };
    });
    result.anonymized += done.anonymized;
    if (done.found < CASE_BATCH) break;
  }

  const messageCutoff = new Date(now.getTime() - deps.config.messageRetentionDays * DAY_MS);
  for (;;) {
    const deleted = await deps.db.transaction(async (tx) => {
      const n = await deleteReadMessages(tx, messageCutoff, { regionCode: opts.regionCode, limit: MESSAGE_BATCH });
      if (n > 0) {
        await recordAudit(tx, ctx, {
          action: 'notifications.purge_read',
          entityType: 'notification',
          regionCode: opts.regionCode ?? null,
          after: { deleted: n, createdBefore: messageCutoff.toISOString(), retentionDays: deps.config.messageRetentionDays },
        });
      }
      return n;
    });
    result.messagesDeleted += deleted;
    if (deleted < MESSAGE_BATCH) break;
  }
  return result;
}
