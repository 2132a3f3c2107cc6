import type { Text } from '../../platform/i18n.js';
import { queryTokens } from '../../platform/text/tokens.js';

/**
 * "One matter per suggestion" (一事一议): a heuristic that warns — never refuses — when a suggestion
 * looks like several matters. Three signals, each on the words jieba finds (policy verbs and other
 * words every suggestion uses are left out, so only the subject matter is compared):
 * - numbered items of the proposal (一、 / 1. / （1） / ①) that fall into groups sharing no word with
 *   each other or with the title;
 * - a clause opened by 另外 / 此外 / 同时建议 / 还建议 … that shares no word with the title;
 * - a title joining subjects that share no word (关于 A 及 B 的建议).
 */

export type MatterSignalKind = 'numbered_items' | 'connective' | 'title_conjunction';

export interface MatterSignal {
  kind: MatterSignalKind;
  /** The passage that set it off, shortened. */
  excerpt: string;
}

export interface MattersCheck {
  several: boolean;
  signals: MatterSignal[];
  /** The warning to show, in both languages; null when nothing looks like a second matter. */
  message: Text | null;
}

const GENERIC = new Set(
  [
    '建议 关于 议案 意见 加强 进一 一步 进一步 完善 推进 推动 提高 提升 加大 加快 落实 做好 相关 有关 部门 工作 问题',
    '解决 政府 我们 目前 存在 实施 开展 建立 健全 机制 力度 措施 情况 方面 进行 支持 保障 管理 服务 建设 规范 发展',
    '改进 优化 改善 增加 增设 设立 加以 希望 尽快 积极 切实 有效 方案 政策 领域 社会 群众 百姓 市民 地方 我市 我区',
    '我县 我省 全市 全区 全县 全省 本地 一些 部分 主要 重要 同时 另外 此外 其次 还有 以及 通过 实现 确保 形成 提供',
    '需要 应当 应该 可以 能够 及时 逐步 不断 继续 统筹 协调 研究 制定 出台 采取 给予 予以 严格 全面 重点 当前 今后',
  ]
    .join(' ')
    .split(' '),
);

/** The subject words of a text: jieba's words of two or more characters, without the generic ones. */
export function subjectWords(text: string): Set<string> {
  const out = new Set<string>();
  // queryTokens keeps 16 words per call: sentence by sentence, nothing is cut off.
  for (const sentence of text.split(/[，,。；;！!？?\n、：:（）()]/)) {
    if (!sentence.trim()) continue;
    for (const w of queryTokens(sentence)) {
      if ([...w].length >= 2 && !GENERIC.has(w) && !/^[\d.]+$/.test(w)) out.add(w);
    }
  }
  return out;
}

const shares = (a: Set<string>, b: Set<string>) => {
  for (const w of a) if (b.has(w)) return true;
  return false;
};

const shorten = (s: string, n = 40) => {
  const chars = [...s.trim().replace(/[。；;，,：:]+$/, '')];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
};

// Numbers open an item at the start of a line or sentence; circled numbers open one anywhere.
const ITEM_MARKER =
  /(?:^|[\n。；;：:])\s*(?:[（(]?[一二三四五六七八九十]{1,3}[）)、．.]|[（(]\d{1,2}[）)]|\d{1,2}[、．.）)](?!\d)|第[一二三四五六七八九十]{1,3}[，,、是])|[①②③④⑤⑥⑦⑧⑨⑩]/g;

/** The numbered items of a text; fewer than two means it is not a numbered list. */
export function numberedItems(text: string): string[] {
  const starts: { at: number; body: number }[] = [];
  for (const m of text.matchAll(ITEM_MARKER)) starts.push({ at: m.index, body: m.index + m[0].length });
  if (starts.length < 2) return [];
  return starts
    .map((s, i) =>
      text
        .slice(s.body, starts[i + 1]?.at ?? text.length)
        .trim()
        .replace(/[。；;，,]+$/, ''),
    )
    .filter((s) => s.length > 0);
}

/** Groups of items linked by a shared word, directly or through the title; each group is one matter. */
function itemGroups(title: Set<string>, items: string[]): string[][] {
  const words = items.map(subjectWords);
  // Node 0 is the title, the items follow; union-find over "shares a word".
  const nodes = [title, ...words];
  const root = nodes.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (root[r] !== r) r = root[r] as number;
    return r;
  };
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      if (shares(nodes[i] as Set<string>, nodes[j] as Set<string>)) root[find(j)] = find(i);
    }
  }
  const groups = new Map<number, string[]>();
  items.forEach((item, k) => {
    // An item with fewer than two subject words ("加强管理") says too little to stand for a matter.
    if ((words[k]?.size ?? 0) < 2) return;
    const r = find(k + 1);
    groups.set(r, [...(groups.get(r) ?? []), item]);
  });
  return [...groups.values()];
}

const CONNECTIVE = /(另外|此外|同时建议|同时，建议|还建议|另建议|其次建议|再者)[，,：:]?([^。！？!?\n]*)/g;

const TITLE_FRAME = /^(关于)?|(的)?(建议|议案)$/g;
const TITLE_JOIN = /及|以及|和|与|、|并且|并/;

export function checkMatters(input: { title: string; grounds?: string | null; proposal?: string | null }): MattersCheck {
  const title = subjectWords(input.title);
  const signals: MatterSignal[] = [];

  const groups = itemGroups(title, numberedItems(input.proposal ?? ''));
  if (groups.length >= 2) {
    signals.push({ kind: 'numbered_items', excerpt: groups.map((g) => shorten(g[0] ?? '', 20)).join(' / ') });
  }

  for (const text of [input.grounds ?? '', input.proposal ?? '']) {
    for (const m of text.matchAll(CONNECTIVE)) {
      const clause = subjectWords(m[2] ?? '');
      if (clause.size >= 2 && !shares(clause, title)) signals.push({ kind: 'connective', excerpt: shorten(m[0]) });
    }
  }

  const parts = input.title
    .replace(TITLE_FRAME, '')
    .split(TITLE_JOIN)
    .map(subjectWords)
    .filter((w) => w.size > 0);
  if (parts.length >= 2 && parts.every((p, i) => parts.every((q, j) => i === j || !shares(p, q)))) {
    signals.push({ kind: 'title_conjunction', excerpt: shorten(input.title) });
  }

  if (signals.length === 0) return { several: false, signals, message: null };
  const zh = signals.map((s) => `“${s.excerpt}”`).join('、');
  return {
    several: true,
    signals,
    message: {
      zh: `内容似乎涉及多个事项（${zh}）。按照“一事一议”的要求，不同事项宜分别提出。`,
      en: `This seems to raise several matters (${signals.map((s) => `"${s.excerpt}"`).join(', ')}). One matter per suggestion: consider raising them separately.`,
    },
  };
}
