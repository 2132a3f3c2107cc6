import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import { congressInScope, sheetView } from '../suggestionAwards.read.js';
import { findSheet, insertSheet, updateSheet } from '../suggestionAwards.repo.js';
import type { SuggestionCriteria, UnitCriteria } from '../suggestionAwards.scoring.js';
import type { AwardTarget } from '../suggestionAwards.tables.js';

const STALE = {
  zh: '评分表已被他人修改，请刷新后再保存',
  en: 'Someone else changed the scoring sheet: reload it and save again',
};

/**
 * The office saves a scoring sheet of the year-end evaluation (the criteria were validated by the
 * route's schema: known unit criteria, weights in range). The version read guards the write.
 */
export async function saveAwardSheet(
  db: Db,
  ctx: RequestContext,
  p: { congressId: string; year: number; target: AwardTarget },
  body: { criteria: UnitCriteria | SuggestionCriteria; version: number },
) {
  const user = ctx.user;
  if (!user) throw forbidden();
  const congress = await congressInScope(db, user, p.congressId);
  return db.transaction(async (tx) => {
    const before = await findSheet(tx, p.congressId, p.year, p.target);
    const values = { criteria: body.criteria as unknown[], updatedBy: user.id };
    const saved =
      body.version === 0
        ? await insertSheet(tx, {
            ...values,
            congressId: p.congressId,
            regionCode: congress.regionCode,
            year: p.year,
            target: p.target,
          })
        : before
          ? await updateSheet(tx, before.id, body.version, values)
          : null;
    if (!saved) throw conflict('AWARD_SHEET_CHANGED', STALE);
    await recordAudit(tx, ctx, {
      action: 'suggestion_award_sheet.save',
      entityType: 'suggestion_award_sheet',
      entityId: saved.id,
      regionCode: congress.regionCode,
      before: before ? { criteria: before.criteria, version: before.version } : null,
      after: { congressId: p.congressId, year: p.year, target: p.target, criteria: saved.criteria, version: saved.version },
    });
    return sheetView(saved, p.target, p.congressId, p.year);
  });
}
