import type { Tx } from '../../db/client.js';
import { recordAudits } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { emitAll } from '../../platform/outbox.js';
import { insertEventIds, type OpinionRow } from './opinions.repo.js';
import type { OpinionState } from './opinions.workflow.js';

/**
 * What every change to a case writes beside the change itself, in the same transaction: a timeline
 * event, an audit row and the outbox messages (DESIGN §3).
 */

/** The constituent through the public portal, or the deadline jobs, when no account acts. */
export type Anonymous = 'public' | 'system';

export function eventActor(ctx: RequestContext, as?: Anonymous) {
  if (ctx.user) return { actorId: ctx.user.id, actorRole: ctx.user.role as string, actorName: ctx.user.displayName };
  const role = as ?? 'system';
  return { actorId: null, actorRole: role, actorName: ctx.actorName ?? (role === 'public' ? '群众' : '系统') };
}

export interface Announcement {
  action: string;
  fromState?: OpinionState | null;
  toState?: OpinionState | null;
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

/** The facts every subscriber needs to find the people to tell; it reads names itself. */
export const basePayload = (row: OpinionRow) => ({
  opinionId: row.id,
  trackingCode: row.trackingCode,
  state: row.state,
  stationId: row.stationId,
  responsibleDeputyId: row.responsibleDeputyId,
  leadUnitId: row.leadUnitId,
  categoryId: row.categoryId,
  dueAt: row.dueAt?.toISOString() ?? null,
});

export async function announce(
  tx: Tx,
  ctx: RequestContext,
  row: OpinionRow,
  before: OpinionRow | null,
  a: Announcement,
): Promise<number> {
  const [eventId] = await announceAll(tx, [{ ctx, row, before, a }]);
  if (eventId === undefined) throw new Error('event not inserted');
  return eventId;
}

/** One change of a case, as announce takes it. */
export interface Change {
  ctx: RequestContext;
  row: OpinionRow;
  before: OpinionRow | null;
  a: Announcement;
}

/**
 * The timeline events, audit rows and outbox messages of several changes, one statement each (the
 * registrar's batches); the events' ids in the order given.
 */
export async function announceAll(tx: Tx, changes: Change[]): Promise<number[]> {
  const eventIds = await insertEventIds(
    tx,
    changes.map(({ ctx, row, a }) => ({
      opinionId: row.id,
      regionCode: row.regionCode,
      at: a.at,
      ...eventActor(ctx, a.as),
      action: a.action,
      fromState: a.fromState ?? null,
      toState: a.toState ?? null,
      note: a.note ?? null,
      data: a.data ?? null,
      stageOverdue: a.stageOverdue ?? null,
    })),
  );
  await recordAudits(
    tx,
    changes.map(({ ctx, row, before, a }, i) => ({
      ctx,
      entry: {
        action: `opinion.${a.action}`,
        entityType: 'opinion',
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
        aggregateType: 'opinion',
        aggregateId: row.id,
        regionCode: row.regionCode,
        payload: {
          ...basePayload(row),
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
