import type { Tx } from '../../../db/client.js';
import { eachAlone, type Failure, togetherOrAlone } from '../../../db/savepoints.js';
import { recordAudit } from '../../../platform/audit.js';
import type { WorkingCalendar } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { afterCommitDispatch } from '../../../platform/outbox.js';
import { searchDocument } from '../../../platform/text/tokens.js';
import { loadCalendar } from '../../calendar/calendar.repo.js';
import { workingDaysForRegions } from '../opinions.deadlines.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import {
  claimInbox,
  claimInboxRow,
  deleteInboxRow,
  deleteInboxRows,
  placePhotos,
  recordInboxFailure,
} from '../opinions.inbox.repo.js';
import type { InboxRow } from '../opinions.inbox.tables.js';
import { stationHead, stationHeads } from '../opinions.parties.repo.js';
import { attachFiles, findOpinionByIdempotencyKey, idempotencyKeysTaken } from '../opinions.repo.js';
import { titleFrom } from '../opinions.rules.js';
import { insertSubmitted, insertSubmittedAll } from './createOpinion.js';

/** Rows registered per transaction: large enough to share its commit, small enough to hold few locks. */
export const INBOX_BATCH = 100;

interface Batch {
  calendar: WorkingCalendar;
  /** Acceptance days by region: the deadline rule is read once per region and batch. */
  acceptDays: Map<string, number>;
}

/**
 * Registers up to `limit` waiting public submissions as cases. Returns how many rows it took.
 */
export async function registerInboxBatch(deps: OpinionDeps, limit = INBOX_BATCH): Promise<number> {
  return (await registerInbox(deps, limit)).taken;
}

/** As registerInboxBatch, saying also how many rows were registered together (the rest one by one). */
export const registerInbox = (deps: OpinionDeps, limit = INBOX_BATCH) => registerClaimed(deps, (tx) => claimInbox(tx, limit));

/**
 * Registers one waiting submission now, for a reader who asks for it by tracking code or id before
 * the registrar got to it. When a batch holds the row this waits for the batch and finds it done.
 * Returns whether this call registered it.
 */
export async function registerInboxRow(deps: OpinionDeps, by: { trackingCode: string } | { id: string }): Promise<boolean> {
  const { taken, registered } = await registerClaimed(deps, async (tx) => {
    const row = await claimInboxRow(tx, by);
    return row ? [row] : [];
  });
  return taken === 1 && registered === 1;
}

/**
 * The rows `claim` locks, registered in one transaction: those without photos together, and when
 * that fails, each under a savepoint of its own: a row that fails keeps its error and attempt count
 * in the inbox and the others go on.
 */
async function registerClaimed(
  deps: OpinionDeps,
  claim: (tx: Tx) => Promise<InboxRow[]>,
): Promise<{ taken: number; registered: number; together: number }> {
  const batch: Batch = { calendar: await loadCalendar(deps.db), acceptDays: new Map() };
  const failed: Failure<InboxRow>[] = [];
  let together = 0;
  const taken = await deps.db.transaction(async (tx) => {
    const rows = await claim(tx);
    const one = (sp: Tx, row: InboxRow) => registerRow(sp, deps, batch, row);
    // The rows without photos in a few statements; should one of them fail, every row goes alone.
    const plain = rows.filter((r) => r.photoIds.length === 0);
    const attempt = await togetherOrAlone(tx, plain, (sp, all) => registerAll(sp, deps, batch, all), one);
    if (attempt.together) together = plain.length;
    failed.push(
      ...attempt.failures,
      ...(await eachAlone(
        tx,
        rows.filter((r) => r.photoIds.length > 0),
        one,
      )),
    );
    return rows.length;
  });
  for (const f of failed) await noteFailure(deps, f.item, f.error);
  const registered = taken - failed.length;
  if (registered > 0) await afterCommitDispatch(deps.jobs);
  return { taken, registered, together };
}

async function noteFailure(deps: OpinionDeps, row: InboxRow, error: unknown): Promise<void> {
  // The database's own message: a wrapped query error's text would carry the sealed personal data.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const text = cause instanceof Error ? cause.message : String(cause);
  console.error(`[opinion-inbox] submission ${row.trackingCode} not registered (attempt ${row.attempts + 1}): ${text}`);
  await recordInboxFailure(deps.db, row.id, text);
}

/** The case of one submission, with the id and tracking code the constituent was given, and its photos. */
async function registerRow(tx: Tx, deps: OpinionDeps, batch: Batch, row: InboxRow): Promise<void> {
  const days = await acceptDays(tx, batch, row.regionCode);
  // A key an officer's intake used meanwhile stays with that case; this one is answered by its inbox row until now.
  const keyFree = !row.idempotencyKey || !(await findOpinionByIdempotencyKey(tx, row.idempotencyKey));
  const head = (await stationHead(tx, row.stationId)) ?? null;
  const item = caseOf(row, nowOf(deps), batch.calendar.dueAfterWorkingDays(row.receivedAt, days), head, keyFree);
  const { ctx } = item;
  const opinion = await insertSubmitted(tx, ctx, item.values, item.document, item);
  if (row.photoIds.length > 0) {
    await attachFiles(tx, opinion.id, row.photoIds, 'photo', row.receivedAt);
    const photos = await placePhotos(tx, row.photoIds, opinion.regionCode);
    await recordAudit(tx, ctx, {
      action: 'opinion.photos_attached',
      entityType: 'opinion',
      entityId: opinion.id,
      regionCode: opinion.regionCode,
      after: { files: photos },
    });
  }
  await deleteInboxRow(tx, row.id);
}

/**
 * The cases of several submissions without photos, as registerRow writes them, in a dozen statements
 * whatever their number: the registrar took some twenty statements per case, and under a flood of
 * submissions its share of the process was that of the submissions themselves.
 */
async function registerAll(tx: Tx, deps: OpinionDeps, batch: Batch, rows: InboxRow[]): Promise<void> {
  await acceptDaysOf(
    tx,
    batch,
    rows.map((r) => r.regionCode),
  );
  const keys = rows.map((r) => r.idempotencyKey).filter((k): k is string => k !== null);
  const taken = await idempotencyKeysTaken(tx, keys);
  const heads = await stationHeads(tx, [...new Set(rows.map((r) => r.stationId))]);
  const now = nowOf(deps);
  const items = rows.map((row) => {
    const due = batch.calendar.dueAfterWorkingDays(row.receivedAt, batch.acceptDays.get(row.regionCode)!);
    const keyFree = !row.idempotencyKey || !taken.has(row.idempotencyKey);
    return caseOf(row, now, due, heads.get(row.stationId) ?? null, keyFree);
  });
  const cases = await insertSubmittedAll(tx, items);
  if (cases.length !== rows.length) throw new Error('not every case of the batch was written');
  await deleteInboxRows(
    tx,
    rows.map((r) => r.id),
  );
}

async function acceptDays(tx: Tx, batch: Batch, regionCode: string): Promise<number> {
  await acceptDaysOf(tx, batch, [regionCode]);
  return batch.acceptDays.get(regionCode)!;
}

/** The acceptance days of the regions the batch does not know yet, in one statement. */
async function acceptDaysOf(tx: Tx, batch: Batch, regionCodes: string[]): Promise<void> {
  const missing = regionCodes.filter((code) => !batch.acceptDays.has(code));
  if (missing.length === 0) return;
  for (const [code, days] of await workingDaysForRegions(tx, missing, 'opinion.accept')) batch.acceptDays.set(code, days);
}

/** The case a submission becomes, as the public intake registers it. */
function caseOf(row: InboxRow, now: Date, dueAt: Date, head: string | null, keyFree: boolean) {
  const title = titleFrom(row.content);
  const ctx: RequestContext = { user: null, ip: row.ip ?? undefined, userAgent: row.userAgent ?? undefined, locale: 'zh' };
  return {
    ctx,
    as: 'public' as const,
    at: row.receivedAt,
    document: searchDocument(title, row.content, row.placeText),
    values: {
      id: row.id,
      trackingCode: row.trackingCode,
      regionCode: row.regionCode,
      stationId: row.stationId,
      receptionId: null,
      channel: row.channel,
      categoryId: row.categoryId,
      title,
      content: row.content,
      placeText: row.placeText,
      latitude: row.latitude,
      longitude: row.longitude,
      submitterNameEnc: row.submitterNameEnc,
      submitterNameMasked: row.submitterNameMasked,
      submitterPhoneEnc: row.submitterPhoneEnc,
      submitterPhoneHash: row.submitterPhoneHash,
      submitterPhoneMasked: row.submitterPhoneMasked,
      submitterAddressEnc: row.submitterAddressEnc,
      nameHidden: row.nameHidden,
      consentShare: row.consentShare,
      consentPublish: row.consentPublish,
      consentAt: row.consentShare || row.consentPublish ? row.receivedAt : null,
      state: 'submitted' as const,
      responsibleDeputyId: head,
      complex: false,
      dueAt,
      idempotencyKey: keyFree ? row.idempotencyKey : null,
      createdBy: null,
      receivedAt: row.receivedAt,
      createdAt: now,
      updatedAt: now,
    },
  };
}
