import type { Tx } from '../../db/client.js';
import { announceOne, type Announcement as PlatformAnnouncement, type Timeline } from '../../platform/announce.js';
import type { RequestContext } from '../../platform/context.js';
import { insertEventIds, type SuggestionRow } from './suggestions.repo.js';
import type { SuggestionState } from './suggestions.workflow.js';

/** The suggestions' side of platform/announce.ts: their events and their messages' facts. */

export type Announcement = PlatformAnnouncement<SuggestionState>;

/** The facts every subscriber needs to find the people to tell; it reads names itself. */
export const basePayload = (row: SuggestionRow) => ({
  suggestionId: row.id,
  kind: row.kind,
  state: row.state,
  congressId: row.congressId,
  leadDeputyId: row.leadDeputyId,
  number: row.number,
  dueAt: row.dueAt?.toISOString() ?? null,
});

const timeline: Timeline<SuggestionRow> = {
  entityType: 'suggestion',
  insertEvents: (tx, events) =>
    insertEventIds(
      tx,
      events.map(({ row, event }) => ({ suggestionId: row.id, regionCode: row.regionCode, ...event })),
    ),
  payload: basePayload,
};

export const announce = (
  tx: Tx,
  ctx: RequestContext,
  row: SuggestionRow,
  before: Pick<SuggestionRow, 'state' | 'version'> | null,
  a: Announcement,
) => announceOne(tx, timeline, { ctx, row, before, a });
