import type { Tx } from '../db/client.js';
import { recordAudits } from './audit.js';
import type { RequestContext } from './context.js';
import { emitAll } from './outbox.js';

/**
 * What every change to a case or a suggestion writes beside the change itself, in the same
 * transaction: a timeline event, an audit row and the outbox messages (DESIGN §3). Each module
 * says how its events are stored and what its messages carry (Timeline).
 */

/** The constituent through the public portal, or the deadline jobs, when no account acts. */
export type Anonymous = 'public' | 'system';

export function eventActor(ctx: RequestContext, as?: Anonymous) {
  if (ctx.user) return { actorId: ctx.user.id, actorRole: ctx.user.role as string, actorName: ctx.user.displayName };
  const role = as ?? 'system';
  return { actorId: null, actorRole: role, actorName: ctx.actorName ?? (role === 'public' ? '群众' : '系统') };
}

export interface Announcement<State extends string> {
  action: string;
  fromState?: State | null;
  toState?: State | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  stageOverdue?: boolean | null;
  /** Outbox topics; each gets the same payload. */
  topics?: string[];
  payload?: Record<string, unknown>;
  /** Extra audit facts (never personal data). */
  audit?: Record<string, unknown>;
  as?: Anonymous;
  at: Date;
}

/** What an announced record has in common: the audit row and the messages name these. */
export interface Announced {
  id: string;
  regionCode: string | null;
  state: string;
  version: number;
}

/** A timeline event's fields, apart from the record it belongs to (and that record's region). */
export interface EventFields {
  at: Date;
  actorId: string | null;
  actorRole: string;
  actorName: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
  stageOverdue: boolean | null;
}

export interface Timeline<Row extends Announced> {
  /** The audit's entity type and its actions' prefix. */
  entityType: string;
  /** Inserts one event per entry and answers their ids in the order given. */
  insertEvents(tx: Tx, events: { row: Row; event: EventFields }[]): Promise<number[]>;
  /** The facts every subscriber needs to find the people to tell. */
  payload(row: Row): Record<string, unknown>;
}

export interface Change<Row extends Announced, State extends string> {
  ctx: RequestContext;
  row: Row;
  before: Pick<Row, 'state' | 'version'> | null;
  a: Announcement<State>;
}

/** The events, audit rows and messages of several changes, one statement each; the events' ids in the order given. */
export async function announceChanges<Row extends Announced, State extends string>(
  tx: Tx,
  timeline: Timeline<Row>,
  changes: Change<Row, State>[],
): Promise<number[]> {
  const eventIds = await timeline.insertEvents(
    tx,
    changes.map(({ ctx, row, a }) => ({
      row,
      event: {
        at: a.at,
        ...eventActor(ctx, a.as),
        action: a.action,
        fromState: a.fromState ?? null,
        toState: a.toState ?? null,
        note: a.note ?? null,
        data: a.data ?? null,
        stageOverdue: a.stageOverdue ?? null,
      },
    })),
  );
  await recordAudits(
    tx,
    changes.map(({ ctx, row, before, a }, i) => ({
      ctx,
      entry: {
        action: `${timeline.entityType}.${a.action}`,
        entityType: timeline.entityType,
        entityId: row.id,
        regionCode: row.regionCode,
        before: before ? { state: before.state, version: before.version } : null,
        after: { state: row.state, version: row.version, eventId: eventIds[i], ...(a.audit ?? {}) },
      },
    })),
  );
  await emitAll(
    tx,
    changes.flatMap(({ ctx, row, a }, i) =>
      (a.topics ?? []).map((topic) => ({
        topic,
        aggregateType: timeline.entityType,
        aggregateId: row.id,
        regionCode: row.regionCode,
        payload: {
          ...timeline.payload(row),
          action: a.action,
          fromState: a.fromState ?? null,
          eventId: eventIds[i],
          actorId: ctx.user?.id ?? null,
          ...(a.payload ?? {}),
        },
      })),
    ),
  );
  return eventIds;
}

/** One change's event id. */
export async function announceOne<Row extends Announced, State extends string>(
  tx: Tx,
  timeline: Timeline<Row>,
  change: Change<Row, State>,
): Promise<number> {
  const [eventId] = await announceChanges(tx, timeline, [change]);
  if (eventId === undefined) throw new Error('event not inserted');
  return eventId;
}
