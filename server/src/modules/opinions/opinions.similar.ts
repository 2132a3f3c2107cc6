import type { SessionUser } from '../../platform/auth/session.js';
import { queryTokens } from '../../platform/text/tokens.js';
import type { OpinionDeps } from './opinions.deps.js';
import { scopeCondition } from './opinions.list.repo.js';
import { loadVisibleCase } from './opinions.read.js';
import type { OpinionRow } from './opinions.repo.js';
import { similarCases } from './opinions.similar.repo.js';
import { caseScopeOf } from './opinions.visibility.js';

const MAX_SIMILAR = 5;
const MAX_WORDS = 6;

/** Words of every petition that say nothing about its matter: two of them shared make no likeness. */
const COMMON_WORDS = new Set([
  '希望',
  '建议',
  '问题',
  '反映',
  '请求',
  '要求',
  '相关',
  '有关',
  '部门',
  '尽快',
  '解决',
  '处理',
  '群众',
  '居民',
  '百姓',
  '现在',
  '目前',
  '一个',
  '没有',
  '我们',
  '已经',
  '情况',
  '非常',
  '严重',
  '影响',
]);

/** The case's main words: from the title first, then the content, without numbers and filler. */
export function mainWords(row: Pick<OpinionRow, 'title' | 'content'>): string[] {
  const words: string[] = [];
  for (const text of [row.title, row.content.slice(0, 300)]) {
    for (const w of queryTokens(text)) {
      if ([...w].length < 2 || /^\d+$/.test(w) || COMMON_WORDS.has(w) || words.includes(w)) continue;
      words.push(w);
      if (words.length >= MAX_WORDS) return words;
    }
  }
  return words;
}

/** Any two of the words (a case sharing one common word is not alike); the one word when there is only one. */
export function likenessQuery(words: string[]): string | null {
  if (words.length === 0) return null;
  if (words.length === 1) return words[0] ?? null;
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) pairs.push(`(${words[i]} & ${words[j]})`);
  }
  return pairs.join(' | ');
}

/** Similar cases the account may see, for the case page (and for spotting duplicates to merge). */
export async function similarTo(deps: Pick<OpinionDeps, 'db'>, user: SessionUser, id: string) {
  const { row } = await loadVisibleCase(deps.db, user, id);
  const tsquery = likenessQuery(mainWords(row));
  if (!tsquery) return { items: [] };
  const scope = await caseScopeOf(deps.db, user);
  const rows = await similarCases(deps.db, row, tsquery, scopeCondition(scope), MAX_SIMILAR);
  return {
    items: rows.map((r) => ({
      id: r.id,
      trackingCode: r.trackingCode,
      title: r.title,
      state: r.state,
      score: Math.round(Number(r.score) * 1000) / 1000,
      leadUnitId: r.leadUnitId,
      leadUnitName: r.leadUnitName,
      receivedAt: r.receivedAt.toISOString(),
    })),
  };
}
