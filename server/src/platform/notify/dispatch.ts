import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import type { FieldCrypto } from '../crypto.js';
import { dispatchableTopics, type OutboxEvent, subscribersOf } from '../outbox.js';
import { composeRows, templateLookup } from './compose.js';
import { claimOutboxRow, insertNotifications, markDispatched, type OutboxRow, recordDispatchFailure } from './notify.repo.js';
import { providersOf } from './providers/index.js';
import type { NotifyProviders } from './providers/types.js';

export interface DispatchDeps {
  db: Db;
  crypto: FieldCrypto;
  config: Pick<Config, 'notify'>;
  notify?: NotifyProviders;
  clock?: Clock;
}

export interface DispatchResult {
  /** Events turned into notifications. */
  dispatched: number;
  /** Events whose subscribers failed; they stay in the outbox and are tried again later. */
  failed: number;
  /** SMS and email deliveries now waiting for the sender. */
  queued: number;
}

/** One run must end even when events keep arriving; the next run carries on. */
const MAX_EVENTS_PER_RUN = 500;

class SubscriberFailure extends Error {
  constructor(
    readonly row: OutboxRow,
    readonly original: unknown,
  ) {
    super((original as Error)?.message ?? String(original));
  }
}

const eventOf = (row: OutboxRow): OutboxEvent => ({
  id: row.id,
  topic: row.topic,
  aggregateType: row.aggregateType,
  aggregateId: row.aggregateId,
  regionCode: row.regionCode,
  payload: row.payload,
  createdAt: row.createdAt,
});

/**
 * Dispatches the due outbox events, each in its own transaction: claim it (SKIP LOCKED, so several
 * workers share the work), ask its topic's subscribers who is to be told, write one notification
 * per recipient per channel, and mark it dispatched. A subscriber that throws rolls back only its
 * own event, which is remembered with its error and retried with a growing delay.
 */
export interface DispatchOptions {
  /** The time of this run; by default the dependencies' clock. */
  now?: Date;
  /** Only these topics (a test keeps to its own events on a shared database). */
  topics?: readonly string[];
  log?: (msg: string) => void;
}

export async function runOutboxOnce(deps: DispatchDeps, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const result: DispatchResult = { dispatched: 0, failed: 0, queued: 0 };
  const known = dispatchableTopics();
  const topics = opts.topics ? known.filter((t) => opts.topics?.includes(t)) : known;
  for (let i = 0; i < MAX_EVENTS_PER_RUN; i++) {
    const now = opts.now ?? deps.clock?.now() ?? new Date();
    let outcome: { queued: number } | null;
    try {
      outcome = await dispatchNext(deps, now, topics);
    } catch (err) {
      if (!(err instanceof SubscriberFailure)) throw err;
      const message = err.message.slice(0, 1000);
      await recordDispatchFailure(deps.db, err.row.id, message, now);
      (opts.log ?? console.error)(`[outbox] event ${err.row.id} (${err.row.topic}) failed: ${message}`);
      result.failed++;
      continue;
    }
    if (!outcome) break;
    result.dispatched++;
    result.queued += outcome.queued;
  }
  return result;
}

async function dispatchNext(deps: DispatchDeps, now: Date, topics: readonly string[]): Promise<{ queued: number } | null> {
  const composeDeps = { crypto: deps.crypto, notify: providersOf(deps) };
  return deps.db.transaction(async (tx) => {
    const row = await claimOutboxRow(tx, now, topics);
    if (!row) return null;
    let queued = 0;
    try {
      const event = eventOf(row);
      const lookup = templateLookup(tx);
      const base = { outboxId: row.id, topic: row.topic, regionCode: row.regionCode };
      for (const subscriber of subscribersOf(row.topic)) {
        const recipients = await subscriber(event, tx);
        const rows = [];
        for (const r of recipients) rows.push(...(await composeRows(tx, composeDeps, lookup, base, r, now)));
        const inserted = await insertNotifications(tx, rows);
        queued += inserted.filter((n) => n.status === 'queued').length;
      }
    } catch (err) {
      throw new SubscriberFailure(row, err);
    }
    await markDispatched(tx, row.id, now);
    return { queued };
  });
}
