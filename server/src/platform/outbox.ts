import type { Executor, Tx } from '../db/client.js';
import { insertRecordsetReturning } from '../db/recordset.js';
import type { Locale } from './i18n.js';
import type { Jobs } from './jobs.js';
import { type Channel, outbox, type TemplateVars } from './notify/notify.tables.js';

/**
 * The transactional outbox (DESIGN §3, §6.3.7). A command writes its events with emit() inside its
 * own transaction, so a change and its announcement commit together or not at all; after the
 * commit, the dispatcher turns each event into notifications for whoever subscribed to its topic.
 */

export const OUTBOX_QUEUE = 'outbox-dispatch';

export interface OutboxEvent {
  id: number;
  topic: string;
  aggregateType: string;
  aggregateId: string;
  regionCode: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** One person to tell, on one or more channels, with one template and its values. */
export interface Recipient {
  /** An account: its in-app inbox, and its mobile number when no phone is given. */
  userId?: string;
  /** A mobile number, for people without an account (a constituent who left one). */
  phone?: string;
  email?: string;
  channels: readonly Channel[];
  templateKey: string;
  vars: TemplateVars;
  /** The language of the templates; Chinese unless the recipient is known to prefer English. */
  locale?: Locale;
  /** Where the in-app message leads in the console (/opinions/…). */
  link?: string;
}

/** A subscriber reads what it needs in the dispatcher's transaction and says who is told what. */
export type Subscriber = (event: OutboxEvent, db: Executor) => Promise<Recipient[]> | Recipient[];

const subscribers = new Map<string, Subscriber[]>();

const TOPIC_RE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** Registers a subscriber; modules call it when they load, so every process knows the same ones. */
export function subscribe(topic: string, handler: Subscriber): () => void {
  if (!TOPIC_RE.test(topic)) throw new Error(`Invalid outbox topic: ${topic}`);
  const list = subscribers.get(topic) ?? [];
  list.push(handler);
  subscribers.set(topic, list);
  return () => {
    const current = subscribers.get(topic) ?? [];
    subscribers.set(
      topic,
      current.filter((h) => h !== handler),
    );
  };
}

export const subscribersOf = (topic: string): readonly Subscriber[] => subscribers.get(topic) ?? [];

const declared = new Set<string>();

/**
 * Declares topics that are emitted for the record even where nobody is told (yet): the dispatcher
 * marks their events dispatched. A topic neither declared nor subscribed to stays in the outbox.
 */
export function declareTopics(...topics: string[]): void {
  for (const topic of topics) {
    if (!TOPIC_RE.test(topic)) throw new Error(`Invalid outbox topic: ${topic}`);
    declared.add(topic);
  }
}

/**
 * The topics this process can dispatch: declared or subscribed to. An event of another topic stays
 * in the outbox, so a process that does not know it (an older version during a rolling upgrade, a
 * test of another module on a shared database) never swallows it.
 */
export const dispatchableTopics = (): string[] => [
  ...new Set([...declared, ...[...subscribers].filter(([, list]) => list.length > 0).map(([topic]) => topic)]),
];

export interface EmitInput {
  topic: string;
  aggregateType: string;
  aggregateId: string;
  regionCode?: string | null;
  payload?: Record<string, unknown>;
}

/**
 * Writes an event inside the caller's transaction. Call afterCommitDispatch() once the transaction
 * has committed, so the event goes out at once rather than at the next minute's sweep.
 */
export async function emit(tx: Tx, input: EmitInput): Promise<number> {
  const [id] = await emitAll(tx, [input]);
  if (id === undefined) throw new Error('outbox row not written');
  return id;
}

/** Writes several events in one statement; their ids in the order given (ids ascend in the order written). */
export async function emitAll(tx: Tx, inputs: EmitInput[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  for (const input of inputs) if (!TOPIC_RE.test(input.topic)) throw new Error(`Invalid outbox topic: ${input.topic}`);
  const rows = await insertRecordsetReturning(
    tx,
    outbox,
    inputs.map((input) => ({
      topic: input.topic,
      aggregateType: input.aggregateType,
      aggregateId: input.aggregateId,
      regionCode: input.regionCode ?? null,
      payload: input.payload ?? {},
    })),
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * Wakes the dispatcher after a commit. The events are already safe in the outbox, so a failure to
 * queue the wake-up must not fail the request: the every-minute sweep picks them up instead.
 */
export const afterCommitDispatch = (jobs: Jobs): Promise<void> => wakeQueue(jobs, OUTBOX_QUEUE, 'outbox');

let lastWarning = 0;

/** Queues a wake-up job, and only logs — at most once a minute — when the job queue cannot take it. */
export async function wakeQueue(jobs: Jobs, queue: string, singletonKey: string): Promise<void> {
  try {
    await jobs.send(queue, {}, { singletonKey });
  } catch (err) {
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    console.warn(`[${queue}] could not queue a run; the every-minute run will catch up:`, (err as Error)?.message ?? err);
  }
}
