import { pinyin } from 'pinyin-pro';

/** Full pinyin without tones or spaces (哈尔滨 → haerbin), for search and a pinyin sort order. */
export function toPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Initials (哈尔滨 → hrb), so a user can type "hrb". */
export function toInitials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function pinyinKeys(name: string): { namePinyin: string; nameInitials: string } {
  return { namePinyin: toPinyin(name), nameInitials: toInitials(name) };
}

/** Escapes LIKE wildcards in user input. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Latin letters only: the query is meant as pinyin or initials. */
export const isPinyinQuery = (q: string): boolean => /^[a-z]+$/i.test(q);
