/**
 * The initials people type differ from pinyin-pro's in one common case: a syllable without an initial
 * consonant, above all 儿/尔/二 "er", is abbreviated by its vowel (哈尔滨 → hebs) while everyone writes
 * HRB. Rather than storing a second key, the query is widened: each "r" typed may also stand for such
 * an "er" syllable's "e". The variants stay prefixes, so the initials index still serves them.
 */
const MAX_R_VARIANTS = 4;

export function initialsVariants(query: string): string[] {
  const positions = [...query].flatMap((c, i) => (c === 'r' ? [i] : [])).slice(0, MAX_R_VARIANTS);
  const variants: string[] = [];
  for (let mask = 0; mask < 1 << positions.length; mask++) {
    const chars = [...query];
    positions.forEach((p, bit) => {
      if (mask & (1 << bit)) chars[p] = 'e';
    });
    variants.push(chars.join(''));
  }
  return variants;
}
