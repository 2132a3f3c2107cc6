import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { notFound } from '../../platform/errors.js';
import { deputyNames, findCategory, findStation, organizationNames, regionName, userNames } from './opinions.parties.repo.js';
import { assertMayView, type CaseFacts, caseFacts } from './opinions.policy.js';
import { countFollowers, findOpinion, listExtensions, listFiles, listUnits, type OpinionRow } from './opinions.repo.js';

/** Everything the case page shows, read in one go; presentation (and masking) is opinions.present.ts. */
export async function loadCaseDetail(db: Executor, row: OpinionRow) {
  const [region, station, category, units, files, extensions, mergedCount] = await Promise.all([
    regionName(db, row.regionCode),
    row.stationId ? findStation(db, row.stationId) : undefined,
    row.categoryId ? findCategory(db, row.categoryId) : undefined,
    listUnits(db, row.id),
    listFiles(db, row.id),
    listExtensions(db, row.id),
    countFollowers(db, row.id),
  ]);
  const [unitNames, deputies, people] = await Promise.all([
    organizationNames(db, [...units.map((u) => u.unitId), ...(row.leadUnitId ? [row.leadUnitId] : [])]),
    deputyNames(db, row.responsibleDeputyId ? [row.responsibleDeputyId] : []),
    userNames(db, [...extensions.map((e) => e.requestedBy), ...(row.supervisedBy ? [row.supervisedBy] : [])]),
  ]);
  return { row, region, station, category, units, files, extensions, mergedCount, unitNames, deputies, people };
}
export type CaseDetail = Awaited<ReturnType<typeof loadCaseDetail>>;

/** The case and what the account is to it; 404 when there is no case, 403 when it is not the account's to see. */
export async function loadVisibleCase(
  db: Executor,
  user: SessionUser,
  id: string,
): Promise<{ row: OpinionRow; facts: CaseFacts }> {
  const row = await findOpinion(db, id);
  if (!row) throw notFound('意见', 'Opinion');
  const facts = await caseFacts(db, user, row);
  assertMayView(facts);
  return { row, facts };
}
