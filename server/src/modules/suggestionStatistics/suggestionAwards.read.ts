import type { Executor } from '../../db/client.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { inScope } from '../../platform/scope.js';
import { awardCandidates, findSheet, type SheetRow, sheetScores } from './suggestionAwards.repo.js';
import {
  DEFAULT_SUGGESTION_CRITERIA,
  DEFAULT_UNIT_CRITERIA,
  ranked,
  StoredSuggestionCriteria,
  type SuggestionCriteria,
  suggestionScore,
  UNIT_CRITERION_LABELS,
  UnitCriteria,
  unitScore,
} from './suggestionAwards.scoring.js';
import type { AwardTarget } from './suggestionAwards.tables.js';
import { breakdownRows } from './suggestionStatistics.read.js';
import { findCongress } from './suggestionStatistics.repo.js';

/** The year-end evaluation as read: the sheets (or their defaults) and the rankings they give. */

export async function congressInScope(db: Executor, user: SessionUser, congressId: string) {
  const congress = await findCongress(db, congressId);
  if (!congress) throw notFound('人大', 'The congress');
  if (!inScope(user, congress.regionCode)) {
    throw forbidden({ zh: '该人大不在您的管辖范围内', en: 'This congress is outside your scope' });
  }
  return congress;
}

export const unitCriteriaOf = (row: SheetRow | null): UnitCriteria =>
  row ? UnitCriteria.parse(row.criteria) : DEFAULT_UNIT_CRITERIA;
export const suggestionCriteriaOf = (row: SheetRow | null): SuggestionCriteria =>
  row ? StoredSuggestionCriteria.parse(row.criteria) : DEFAULT_SUGGESTION_CRITERIA;

export function sheetView(row: SheetRow | null, target: AwardTarget, congressId: string, year: number) {
  const criteria =
    target === 'unit'
      ? unitCriteriaOf(row).map((c) => ({
          key: c.key,
          name: UNIT_CRITERION_LABELS[c.key].zh,
          nameEn: UNIT_CRITERION_LABELS[c.key].en,
          weight: c.weight,
          maxScore: null,
        }))
      : suggestionCriteriaOf(row).map((c) => ({
          key: c.key,
          name: c.name,
          nameEn: c.nameEn,
          weight: c.weight,
          maxScore: c.maxScore,
        }));
  return {
    target,
    congressId,
    year,
    criteria,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function awardSheets(db: Executor, user: SessionUser, p: { congressId: string; year: number }) {
  await congressInScope(db, user, p.congressId);
  const [unit, suggestion] = await Promise.all([
    findSheet(db, p.congressId, p.year, 'unit'),
    findSheet(db, p.congressId, p.year, 'suggestion'),
  ]);
  return {
    unit: sheetView(unit, 'unit', p.congressId, p.year),
    suggestion: sheetView(suggestion, 'suggestion', p.congressId, p.year),
  };
}

/** Units ranked on their figures of the congress's suggestions of the year (every unit assigned one). */
export async function unitRanking(db: Executor, user: SessionUser, p: { congressId: string; year: number }) {
  await congressInScope(db, user, p.congressId);
  const row = await findSheet(db, p.congressId, p.year, 'unit');
  const criteria = unitCriteriaOf(row);
  const units = await breakdownRows(db, { congressId: p.congressId, year: p.year }, 'unit');
  const scored = units
    .filter((u) => u.key !== null)
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))
    .map((u) => ({ unitId: u.key as string, name: u.name ?? '', figures: u.figures, ...unitScore(criteria, u.figures) }));
  return { congressId: p.congressId, year: p.year, sheet: sheetView(row, 'unit', p.congressId, p.year), items: ranked(scored) };
}

/** Suggestions ranked on the reviewers' average scores; those nobody scored yet come last with 0. */
export async function suggestionRanking(db: Executor, user: SessionUser, p: { congressId: string; year: number }) {
  await congressInScope(db, user, p.congressId);
  const row = await findSheet(db, p.congressId, p.year, 'suggestion');
  const criteria = suggestionCriteriaOf(row);
  const [candidates, scores] = await Promise.all([
    awardCandidates(db, p.congressId, p.year),
    row ? sheetScores(db, row.id) : Promise.resolve([]),
  ]);
  const bySuggestion = new Map<string, { byCriterion: Map<string, number[]>; reviewers: Set<string> }>();
  const mine = new Map<string, Record<string, number>>();
  for (const s of scores) {
    if (s.reviewerId === user.id) mine.set(s.suggestionId, { ...mine.get(s.suggestionId), [s.criterion]: Number(s.score) });
    const entry = bySuggestion.get(s.suggestionId) ?? { byCriterion: new Map(), reviewers: new Set() };
    entry.byCriterion.set(s.criterion, [...(entry.byCriterion.get(s.criterion) ?? []), Number(s.score)]);
    entry.reviewers.add(s.reviewerId);
    bySuggestion.set(s.suggestionId, entry);
  }
  const items = candidates.map((c) => {
    const entry = bySuggestion.get(c.id);
    return {
      suggestionId: c.id,
      number: c.number,
      title: c.title,
      leadName: c.leadName,
      reviewers: entry?.reviewers.size ?? 0,
      ...suggestionScore(criteria, entry?.byCriterion ?? new Map()),
      mine: mine.get(c.id) ?? null,
    };
  });
  return {
    congressId: p.congressId,
    year: p.year,
    sheet: sheetView(row, 'suggestion', p.congressId, p.year),
    items: ranked(items),
  };
}
