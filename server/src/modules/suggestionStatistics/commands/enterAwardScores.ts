import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors.js';
import { congressInScope, suggestionCriteriaOf } from '../suggestionAwards.read.js';
import { findSheet, isCandidate, reviewerScores, upsertScores } from '../suggestionAwards.repo.js';
import type { ScoresBody } from '../suggestionAwards.schema.js';

/**
 * A reviewer enters their scores of one suggestion on the criteria of the saved sheet. A criterion
 * not on the sheet, or a score above its top score, refuses the whole entry.
 */
export async function enterAwardScores(
  db: Db,
  ctx: RequestContext,
  p: { congressId: string; year: number; suggestionId: string },
  body: ScoresBody,
) {
  const user = ctx.user;
  if (!user) throw forbidden();
  const congress = await congressInScope(db, user, p.congressId);
  const sheet = await findSheet(db, p.congressId, p.year, 'suggestion');
  if (!sheet) {
    throw conflict('AWARD_SHEET_NOT_SAVED', {
      zh: '请先保存本年度优秀建议评分表，再录入分数',
      en: "Save this year's scoring sheet for excellent suggestions before entering scores",
    });
  }
  const candidate = await isCandidate(db, p.congressId, p.year, p.suggestionId);
  if (!candidate) throw notFound('该年度已立案的代表建议', 'An accepted suggestion of that congress and year');
  const criteria = new Map(suggestionCriteriaOf(sheet).map((c) => [c.key, c]));
  const unknown = Object.keys(body.scores).filter((k) => !criteria.has(k));
  if (unknown.length > 0) {
    throw badRequest(
      'UNKNOWN_CRITERION',
      { zh: `评分表中没有评分项：${unknown.join('、')}`, en: `The scoring sheet has no criterion ${unknown.join(', ')}` },
      { criteria: unknown },
    );
  }
  for (const [key, score] of Object.entries(body.scores)) {
    const max = criteria.get(key)?.maxScore ?? 0;
    if (score > max) {
      throw badRequest(
        'SCORE_ABOVE_MAX',
        { zh: `“${criteria.get(key)?.name}”的分数不能超过 ${max}`, en: `The score of ${key} may not exceed ${max}` },
        { criterion: key, maxScore: max },
      );
    }
  }
  await db.transaction(async (tx) => {
    await upsertScores(
      tx,
      Object.entries(body.scores).map(([criterion, score]) => ({
        sheetId: sheet.id,
        suggestionId: p.suggestionId,
        reviewerId: user.id,
        regionCode: congress.regionCode,
        criterion,
        score,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'suggestion_award_scores.enter',
      entityType: 'suggestion',
      entityId: p.suggestionId,
      regionCode: candidate.regionCode,
      after: { sheetId: sheet.id, year: p.year, scores: body.scores },
    });
  });
  const mine = await reviewerScores(db, sheet.id, p.suggestionId, user.id);
  return {
    suggestionId: p.suggestionId,
    reviewerId: user.id,
    scores: Object.fromEntries(mine.map((s) => [s.criterion, Number(s.score)])),
  };
}
