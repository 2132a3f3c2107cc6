import type { Tx } from '../../db/client.js';
import {
  announceChanges,
  announceOne,
  type Announcement as PlatformAnnouncement,
  type Change as PlatformChange,
  type Timeline,
} from '../../platform/announce.js';
import type { RequestContext } from '../../platform/context.js';
import { insertEventIds, type OpinionRow } from './opinions.repo.js';
import type { OpinionState } from './opinions.workflow.js';

/** The opinions' side of platform/announce.ts: their events and their messages' facts. */

export type { Anonymous } from '../../platform/announce.js';
export type Announcement = PlatformAnnouncement<OpinionState>;

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

const timeline: Timeline<OpinionRow> = {
  entityType: 'opinion',
  insertEvents: (tx, events) =>
    insertEventIds(
      tx,
      events.map(({ row, event }) => ({ opinionId: row.id, regionCode: row.regionCode, ...event })),
    ),
  payload: basePayload,
};

export const announce = (tx: Tx, ctx: RequestContext, row: OpinionRow, before: OpinionRow | null, a: Announcement) =>
  announceOne(tx, timeline, { ctx, row, before, a });

/** One change of a case, as announce takes it. */
export type Change = PlatformChange<OpinionRow, OpinionState>;

/** The timeline events, audit rows and outbox messages of several changes, one statement each (the registrar's batches). */
export const announceAll = (tx: Tx, changes: Change[]) => announceChanges(tx, timeline, changes);
