import type { Config } from '../../config.js';
import type { Db, Tx } from '../../db/client.js';
import { togetherOrAlone } from '../../db/savepoints.js';
import type { Clock } from '../clock.js';
import type { FieldCrypto } from '../crypto.js';
import { dispatchableTopics, type OutboxEvent, subscribersOf } from '../outbox.js';
import { composeRows, templateLookup } from './compose.js';
import {
  claimOutboxRows,
  insertNotifications,
  markDispatched,
  type NewNotification,
  type OutboxRow,
  recordDispatchFailure,
} from './notify.repo.js';
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
/**
 * Events claimed and dispatched per transaction. A burst of new cases is a burst of events, and one
 * transaction each (begin, claim, template lookups, insert, mark, commit) was most of the statements
 * the registered cases cost after their registration.
 */
const EVENTS_PER_TRANSACTION = 50;

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
 * Dispatches the due outbox events, a batch per transaction: claim them (SKIP LOCKED, so several
 * workers share the work), ask each topic's subscribers who is to be told, write one notification
 * per recipient per channel, and mark the events dispatched. A subscriber that throws rolls back
 * only its own event, which is remembered with its error and retried with a growing delay.
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
  let taken = 0;
  while (taken < MAX_EVENTS_PER_RUN) {
    const now = opts.now ?? deps.clock?.now() ?? new Date();
    const limit = Math.min(EVENTS_PER_TRANSACTION, MAX_EVENTS_PER_RUN - taken);
    const batch = await dispatchBatch(deps, now, topics, limit);
    for (const f of batch.failures) {
      (opts.log ?? console.error)(`[outbox] event ${f.row.id} (${f.row.topic}) failed: ${f.message}`);
    }
    result.dispatched += batch.dispatched;
    result.failed += batch.failures.length;
    result.queued += batch.queued;
    taken += batch.taken;
    if (batch.taken < limit) break;
  }
  return result;
}

interface BatchOutcome {
  taken: number;
  dispatched: number;
  queued: number;
  failures: { row: OutboxRow; message: string }[];
}

/** One transaction's events, together or, should anything fail, each alone (togetherOrAlone). */
async function dispatchBatch(deps: DispatchDeps, now: Date, topics: readonly string[], limit: number): Promise<BatchOutcome> {
  const composeDeps = { crypto: deps.crypto, notify: providersOf(deps) };
  return deps.db.transaction(async (tx) => {
    const rows = await claimOutboxRows(tx, now, topics, limit);
    const outcome: BatchOutcome = { taken: rows.length, dispatched: 0, queued: 0, failures: [] };
    if (rows.length === 0) return outcome;
    // Each attempt reads its templates afresh: a lookup that failed with its savepoint is not kept.
    const write = async (db: Tx, batch: OutboxRow[]) => {
      const lookup = templateLookup(db);
      // Asked together, the subscribers' lookups of the batch's events are read together
      // (opinions.lookups.ts); all settle before a failure is thrown, so that no statement of
      // this batch is still running when its savepoint is undone.
      const asked = await Promise.allSettled(batch.map((row) => noticesOf(db, composeDeps, lookup, row, now)));
      const failed = asked.find((a) => a.status === 'rejected');
      if (failed) throw failed.reason;
      const notices = asked.flatMap((a) => (a.status === 'fulfilled' ? a.value : []));
      const inserted = await insertNotifications(db, notices);
      await markDispatched(
        db,
        batch.map((r) => r.id),
        now,
      );
      outcome.dispatched += batch.length;
      outcome.queued += inserted.filter((n) => n.status === 'queued').length;
    };
    const { failures } = await togetherOrAlone(tx, rows, write, (sp, row) => write(sp, [row]));
    for (const { item: row, error } of failures) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      // The claim's lock is still held: the failure is remembered with the others' dispatch.
      await recordDispatchFailure(tx, row.id, message, now);
      outcome.failures.push({ row, message });
    }
    return outcome;
  });
}

/** What an event's subscribers say, as notification rows. */
async function noticesOf(
  db: Tx,
  composeDeps: Parameters<typeof composeRows>[1],
  lookup: ReturnType<typeof templateLookup>,
  row: OutboxRow,
  now: Date,
): Promise<NewNotification[]> {
  const event = eventOf(row);
  const base = { outboxId: row.id, topic: row.topic, regionCode: row.regionCode };
  const notices: NewNotification[] = [];
  for (const subscriber of subscribersOf(row.topic)) {
    for (const r of await subscriber(event, db)) notices.push(...(await composeRows(db, composeDeps, lookup, base, r, now)));
  }
  return notices;
}
