import { ROAD_WORDS } from './names.js';
import type { Random } from './random.js';
import {
  CATEGORY_WEIGHTS,
  CLOSERS,
  GENERIC_TITLES,
  OPENERS,
  SYNONYMS,
  TITLE_FRAMES,
  TOPICS,
  type Topic,
} from './suggestionTexts.js';

/**
 * Suggestion texts drawn from the topics of suggestionTexts.ts: the demo writes them, and the
 * assistance benchmark (bench/assist.ts) uses them as a corpus whose units and duplicates are known.
 * A "matter" is a topic at a place: two suggestions of one matter are duplicates, however worded.
 */

export interface SuggestionText {
  topic: Topic;
  /** The place the matter is about; with the topic it names the matter. */
  place: string;
  road: string;
  title: string;
  grounds: string;
  proposal: string;
  /** The category the deputy filed it under: usually the topic's, sometimes not (hard cases). */
  category: string;
}

export const matterOf = (s: Pick<SuggestionText, 'topic' | 'place'>) => `${s.topic.id}@${s.place}`;

const fill = (template: string, place: string, road: string, n: number) =>
  template.replaceAll('{place}', place).replaceAll('{road}', road).replaceAll('{n}', String(n));

const CN_NUMBERS = ['一', '二', '三', '四', '五'];

export function pickTopic(rng: Random, rural: boolean): Topic {
  const category = rng.weighted(Object.entries(CATEGORY_WEIGHTS));
  const pool = TOPICS.filter((x) => x.category === category);
  // A town raises rural matters more often, a city district less.
  return rng.weighted(pool.map((x) => [x, x.rural ? (rural ? 3 : 0.3) : 1] as const));
}

export interface WriteOptions {
  /** Replace the title by one that names no matter. */
  genericTitle?: boolean;
  /** Mix in a sentence of another topic and file it under that topic's category. */
  crossCategory?: boolean;
}

/** A suggestion on `topic` at `place`: an opener, the topic's grounds, numbered proposals. */
export function writeSuggestion(rng: Random, topic: Topic, place: string, opts: WriteOptions = {}): SuggestionText {
  const road = rng.pick(ROAD_WORDS);
  const n = rng.int(2, 9);
  // The sentence naming the place comes first: the matter is a topic at a place, and the text says where.
  const [placed, ...rest] = [...topic.grounds].sort((a, b) => Number(b.includes('{place}')) - Number(a.includes('{place}')));
  const named = placed?.includes('{place}') ? placed : `{place}${placed ?? ''}`;
  const grounds = [named, ...rng.shuffle(rest).slice(0, rng.int(1, rest.length))];
  const opener = rng.chance(0.6) ? rng.pick(OPENERS) : '';
  let category = topic.category;
  if (opts.crossCategory) {
    const other = rng.pick(TOPICS.filter((x) => x.category !== topic.category));
    grounds.splice(rng.int(0, grounds.length), 0, rng.pick(other.grounds));
    category = other.category;
  }
  const items = rng.shuffle(topic.proposals).slice(0, rng.int(2, topic.proposals.length));
  const title = opts.genericTitle ? rng.pick(GENERIC_TITLES) : rng.pick(topic.titles);
  return {
    topic,
    place,
    road,
    title: fill(title, place, road, n),
    grounds: fill([opener, ...grounds, rng.pick(CLOSERS)].join(''), place, road, n),
    proposal: items.map((p, i) => `${CN_NUMBERS[i]}、${fill(p, place, road, n)}`).join('\n'),
    category,
  };
}

/**
 * Another deputy's suggestion on the same matter: the sentences reordered, some words swapped for
 * synonyms, the title asked another way, and sometimes the place named more loosely.
 */
export function paraphrase(rng: Random, s: SuggestionText): SuggestionText {
  const swap = (text: string) => {
    let out = text;
    for (const [a, b] of SYNONYMS) {
      if (!rng.chance(0.5)) continue;
      out = out.includes(a) ? out.replaceAll(a, b) : out.replaceAll(b, a);
    }
    return out;
  };
  const sentences = s.grounds.split(/(?<=。)/).filter((x) => x.length > 0);
  const items = s.proposal.split('\n').map((x) => x.replace(/^[一二三四五]、/, ''));
  const reordered = rng.shuffle(items).slice(0, Math.max(2, items.length - (rng.chance(0.3) ? 1 : 0)));
  const place = s.place;
  const looser = rng.chance(0.3) ? `${place}一带` : place;
  const frame = rng.pick(TITLE_FRAMES);
  const core = s.title.replace(/^关于/, '').replace(/的建议$/, '');
  const title = rng.chance(0.5) ? frame.replace('{x}', core) : s.title;
  return {
    ...s,
    title: swap(title).slice(0, 100),
    grounds: swap(rng.shuffle(sentences).join('')).replaceAll(place, looser),
    proposal: reordered.map((p, i) => `${CN_NUMBERS[i]}、${swap(p)}`).join('\n'),
  };
}
