import type { Executor } from '../../db/client.js';
import type { Text } from '../../platform/i18n.js';
import { ROLE_LABELS } from './suggestions.assignment.rules.js';
import type { AssignmentRole } from './suggestions.assignment.workflow.js';
import { subjectWords } from './suggestions.matters.js';
import { assignedNeighbours, categoryUnits, type PastScope, unitsOf } from './suggestions.recommend.repo.js';
import { cosine } from './suggestions.similar.js';

/**
 * Which units the assign form proposes (issue 4 item 4, item 11): learned from past assignments of
 * similar suggestions in the same region, no external model. The nearest past suggestions — found by
 * shared subject words (jieba, in the GIN index) and title trigrams, then scored by the cosine of
 * their subject words plus half the titles' trigram similarity — vote for the units they were
 * assigned to, each vote weighted by the similarity and the role (the lead unit counts most, a co
 * unit least); a unit that returned a similar suggestion as misassigned loses part of that vote. The
 * share of the category's suggestions each unit answered is blended in, and carries the proposal
 * alone when nothing similar was assigned before. Each proposal says why, with examples.
 *
 * recommendUnits is the entry point a benchmark calls: pass `before` (and `excludeIds`) to hold out
 * the suggestions under test.
 */

export interface RecommendInput {
  title: string;
  grounds?: string | null;
  proposal?: string | null;
  /** The suggestion's region (its congress's); past suggestions of this subtree are searched. */
  regionCode: string;
  categoryId?: string | null;
  excludeIds?: readonly string[];
  before?: Date | null;
}

export interface UnitRecommendation {
  unitId: string;
  unitName: string;
  /** The role the unit most often had on similar suggestions. */
  role: AssignmentRole;
  /** 0–1: the unit's weighted share of the votes. */
  score: number;
  reason: Text;
  similar: { id: string; title: string; number: number | null }[];
}

const NEIGHBOURS = 60;
const VOTERS = 20;
const MIN_SIMILARITY = 0.1;
const MAX_TERMS = 32;
const ROLE_WEIGHT: Record<AssignmentRole, number> = { lead: 1, separate: 0.9, joint: 0.8, co: 0.35 };
/** A return says the unit was the wrong choice for that matter. */
const RETURN_PENALTY = 0.6;
const CATEGORY_WEIGHT = 0.25;

const textOf = (t: { title: string; grounds?: string | null; proposal?: string | null }) =>
  [t.title, t.proposal ?? '', t.grounds ?? ''].join('\n');

interface Tally {
  unitId: string;
  unitName: string;
  vote: number;
  byRole: Map<AssignmentRole, number>;
  examples: { id: string; title: string; number: number | null; sim: number }[];
  categoryShare: number;
  categoryCount: number;
}

export async function recommendUnits(db: Executor, input: RecommendInput, limit = 5): Promise<UnitRecommendation[]> {
  const scope: PastScope = { regionCode: input.regionCode, excludeIds: input.excludeIds, before: input.before };
  const words = subjectWords(textOf(input));
  const terms = [...subjectWords(input.title), ...words].filter((w, i, all) => all.indexOf(w) === i).slice(0, MAX_TERMS);
  const tallies = new Map<string, Tally>();
  const tally = (unitId: string, unitName: string) => {
    let t = tallies.get(unitId);
    if (!t) {
      t = { unitId, unitName, vote: 0, byRole: new Map(), examples: [], categoryShare: 0, categoryCount: 0 };
      tallies.set(unitId, t);
    }
    return t;
  };

  // In turn, not in parallel: the caller may pass a transaction, whose queries share one connection.
  let totalSimilarity = 0;
  if (terms.length > 0 || [...input.title].length >= 3) {
    const neighbours = (await assignedNeighbours(db, { ...scope, terms, title: input.title, limit: NEIGHBOURS }))
      .map((n) => ({ ...n, sim: Math.min(1, cosine(words, subjectWords(textOf(n))) + 0.5 * n.titleSimilarity) }))
      .filter((n) => n.sim >= MIN_SIMILARITY)
      .sort((a, b) => b.sim - a.sim)
      .slice(0, VOTERS);
    const simOf = new Map(neighbours.map((n) => [n.id, n]));
    totalSimilarity = neighbours.reduce((s, n) => s + n.sim, 0);
    for (const a of await unitsOf(
      db,
      neighbours.map((n) => n.id),
    )) {
      const n = simOf.get(a.suggestionId);
      if (!n) continue;
      const t = tally(a.unitId, a.unitName);
      if (a.status === 'returned') {
        t.vote -= RETURN_PENALTY * n.sim;
        continue;
      }
      if (a.status === 'withdrawn') continue;
      const w = ROLE_WEIGHT[a.role] * n.sim;
      t.vote += w;
      t.byRole.set(a.role, (t.byRole.get(a.role) ?? 0) + w);
      if (!t.examples.some((e) => e.id === n.id)) t.examples.push({ id: n.id, title: n.title, number: n.number, sim: n.sim });
    }
  }

  if (input.categoryId) {
    const rows = await categoryUnits(db, { ...scope, categoryId: input.categoryId });
    const total = rows.reduce((s, r) => s + r.n, 0);
    for (const r of rows) {
      const t = tally(r.unitId, r.unitName);
      t.categoryShare = total ? r.n / total : 0;
      t.categoryCount = r.n;
    }
  }

  const withText = totalSimilarity > 0;
  return [...tallies.values()]
    .map((t) => {
      const vote = withText ? Math.max(0, t.vote) / totalSimilarity : 0;
      const score = withText ? (1 - CATEGORY_WEIGHT) * vote + CATEGORY_WEIGHT * t.categoryShare : t.categoryShare;
      return { t, score };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.t.unitName.localeCompare(b.t.unitName))
    .slice(0, limit)
    .map(({ t, score }) => {
      const role = topRole(t.byRole);
      const examples = t.examples.sort((a, b) => b.sim - a.sim).slice(0, 3);
      return {
        unitId: t.unitId,
        unitName: t.unitName,
        role,
        score: Math.round(Math.min(1, score) * 1000) / 1000,
        reason: reasonOf(t, role, examples),
        similar: examples.map(({ id, title, number }) => ({ id, title, number })),
      };
    });
}

function topRole(byRole: Map<AssignmentRole, number>): AssignmentRole {
  let best: AssignmentRole = 'lead';
  let most = -1;
  for (const [role, w] of byRole) {
    if (w > most) {
      best = role;
      most = w;
    }
  }
  return best;
}

function reasonOf(t: Tally, role: AssignmentRole, examples: { title: string }[]): Text {
  const zh: string[] = [];
  const en: string[] = [];
  if (examples.length > 0) {
    const [first] = examples;
    const label = ROLE_LABELS[role];
    zh.push(`${t.examples.length} 件相似建议曾交由该单位${label.zh}（如“${first?.title}”）`);
    en.push(
      `${t.examples.length} similar ${t.examples.length === 1 ? 'suggestion was' : 'suggestions were'} assigned to it as ${label.en.toLowerCase()} unit (e.g. "${first?.title}")`,
    );
  }
  if (t.categoryCount > 0) {
    const pct = Math.round(t.categoryShare * 100);
    zh.push(`本类别建议中 ${t.categoryCount} 件（${pct}%）由该单位办理`);
    en.push(`it answered ${t.categoryCount} (${pct}%) of this category's suggestions`);
  }
  const enText = en.join('; ');
  return { zh: zh.join('；'), en: enText.charAt(0).toUpperCase() + enText.slice(1) };
}
