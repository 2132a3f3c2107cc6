import type { Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { emit } from '../../platform/outbox.js';
import { insertEvent, type SuggestionRow } from './suggestions.repo.js';
import type { SuggestionState } from './suggestions.workflow.js';

/**
 * What every change to a suggestion writes beside the change itself, in the same transaction: a
 * timeline event, an audit row and the outbox messages (DESIGN §3).
 */

export function eventActor(ctx: RequestContext) {
  if (ctx.user) return { actorId: ctx.user.id, actorRole: ctx.user.role as string, actorName: ctx.user.displayName };
  return { actorId: null, actorRole: 'system', actorName: ctx.actorName ?? '系统' };
}

export interface Announcement {
  action: string;
  fromState?: SuggestionState | null;
  toState?: SuggestionState | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  stageOverdue?: boolean | null;
  /** Outbox topics; each gets the same payload. */
  topics?: string[];
  payload?: Record<string, unknown>;
  /** Extra audit facts (never personal data). */
  audit?: Record<string, unknown>;
  at: Date;
}

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

export async function announce(
  tx: Tx,
  ctx: RequestContext,
  row: SuggestionRow,
  before: Pick<SuggestionRow, 'state' | 'version'> | null,
  a: Announcement,
): Promise<number> {
  const event = await insertEvent(tx, {
    suggestionId: row.id,
    regionCode: row.regionCode,
    at: a.at,
    ...eventActor(ctx),
    action: a.action,
    fromState: a.fromState ?? null,
    toState: a.toState ?? null,
    note: a.note ?? null,
    data: a.data ?? null,
    stageOverdue: a.stageOverdue ?? null,
  });
  await recordAudit(tx, ctx, {
    action: `suggestion.${a.action}`,
    entityType: 'suggestion',
    entityId: row.id,
    regionCode: row.regionCode,
    before: before ? { state: before.state, version: before.version } : null,
    after: { state: row.state, version: row.version, eventId: event.id, ...(a.audit ?? {}) },
  });
  for (const topic of a.topics ?? []) {
    await emit(tx, {
      topic,
      aggregateType: 'suggestion',
      aggregateId: row.id,
      regionCode: row.regionCode,
      payload: {
        ...basePayload(row),
        action: a.action,
        fromState: a.fromState ?? null,
        eventId: event.id,
        actorId: ctx.user?.id ?? null,
        ...(a.payload ?? {}),
      },
    });
  }
  return event.id;
}
