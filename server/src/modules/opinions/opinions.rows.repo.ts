import { type Db, preparedQuery, uuidArray } from '../../db/client.js';
import { type NameOf, nameCacheOf } from '../../platform/names.js';
import type { EvaluationValue, OpinionChannel, ReplyResult } from './opinions.tables.js';
import type { OpinionState } from './opinions.workflow.js';

/**
 * The rows of cases by their ids, with the names of what they refer to from the process's cache
 * (platform/names.ts): a list's rows (migration 0025), and the fuller rows of the export and the
 * person lookup (migration 0019). Both drivers hand timestamps back as Dates outside a transaction;
 * drizzle's node-postgres session leaves a raw statement's as text.
 */
export interface ListRow {
  id: string;
  trackingCode: string;
  title: string;
  /** The content's first 80 characters. */
  summary: string;
  state: OpinionState;
  channel: OpinionChannel;
  categoryId: string | null;
  categoryName: string | null;
  regionCode: string;
  regionName: string | null;
  stationId: string | null;
  stationName: string | null;
  responsibleDeputyId: string | null;
  responsibleDeputyName: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  dueAt: Date | null;
  supervised: boolean;
  urgeCount: number;
  evaluation: EvaluationValue | null;
  receivedAt: Date;
  submitterNameMasked: string | null;
}

/** A list row with what the export and the person lookup show besides. */
export interface CaseListRow extends ListRow {
  content: string;
  placeText: string | null;
  replyResult: ReplyResult | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  submitterPhoneMasked: string | null;
}

type NameField = 'categoryName' | 'regionName' | 'stationName' | 'responsibleDeputyName' | 'leadUnitName';
type Stamp = Date | string;

/** A row as a statement gives it: no names, and the timestamps as Dates or text. */
export type RawListRow = Omit<ListRow, NameField | 'dueAt' | 'receivedAt'> & { dueAt: Stamp | null; receivedAt: Stamp };
type RawCaseRow = RawListRow &
  Omit<CaseListRow, keyof ListRow | 'repliedAt' | 'closedAt'> & { repliedAt: Stamp | null; closedAt: Stamp | null };

const LIST_ROWS = 'SELECT * FROM opinion_list_rows($1::uuid[])';
const CASE_ROWS = 'SELECT * FROM opinion_case_rows($1::uuid[])';

/** The rows of a list page, in the order of `ids`. */
export async function listRowsByIds(db: Db, ids: string[]): Promise<ListRow[]> {
  if (ids.length === 0) return [];
  return withListNames(db, await preparedQuery<RawListRow>(db, 'opinion-list-rows', LIST_ROWS, [uuidArray(ids)]));
}

/** The fuller rows of the export and the person lookup, in the order of `ids`. */
export async function caseRowsByIds(db: Db, ids: string[]): Promise<CaseListRow[]> {
  if (ids.length === 0) return [];
  const rows = await preparedQuery<RawCaseRow>(db, 'opinion-case-rows', CASE_ROWS, [uuidArray(ids)]);
  const name = await namesOf(db, rows);
  return rows.map((r) => {
    // Added to the list row rather than spread into a new object: spreading a row of this width
    // cost ten microseconds a row, more than the names.
    const row = listRowOf(r, name) as CaseListRow;
    row.content = r.content;
    row.placeText = r.placeText;
    row.replyResult = r.replyResult;
    row.repliedAt = dateOf(r.repliedAt);
    row.closedAt = dateOf(r.closedAt);
    row.submitterPhoneMasked = r.submitterPhoneMasked;
    return row;
  });
}

/** List rows with their names. */
export async function withListNames(db: Db, rows: RawListRow[]): Promise<ListRow[]> {
  const name = await namesOf(db, rows);
  return rows.map((r) => listRowOf(r, name));
}

function namesOf(db: Db, rows: RawListRow[]): Promise<NameOf> {
  return nameCacheOf(db).lookup(db, {
    category: rows.map((r) => r.categoryId),
    region: rows.map((r) => r.regionCode),
    station: rows.map((r) => r.stationId),
    deputy: rows.map((r) => r.responsibleDeputyId),
    unit: rows.map((r) => r.leadUnitId),
  });
}

/** Built field by field, in one literal, so that every row has the same shape. */
function listRowOf(r: RawListRow, name: NameOf): ListRow {
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    title: r.title,
    summary: r.summary,
    state: r.state,
    channel: r.channel,
    categoryId: r.categoryId,
    categoryName: name('category', r.categoryId),
    regionCode: r.regionCode,
    regionName: name('region', r.regionCode),
    stationId: r.stationId,
    stationName: name('station', r.stationId),
    responsibleDeputyId: r.responsibleDeputyId,
    responsibleDeputyName: name('deputy', r.responsibleDeputyId),
    leadUnitId: r.leadUnitId,
    leadUnitName: name('unit', r.leadUnitId),
    dueAt: dateOf(r.dueAt),
    supervised: r.supervised,
    urgeCount: r.urgeCount,
    evaluation: r.evaluation,
    receivedAt: dateOf(r.receivedAt),
    submitterNameMasked: r.submitterNameMasked,
  };
}

function dateOf(v: Stamp): Date;
function dateOf(v: Stamp | null): Date | null;
function dateOf(v: Stamp | null): Date | null {
  return v === null ? null : v instanceof Date ? v : new Date(v);
}
