import { describe, expect, it } from 'vitest';
import { subjectWords } from './suggestions.matters.js';
import { cosine, poolWeights, weightedCosine } from './suggestions.similar.js';

const words = (text: string) => subjectWords(text);

// The same topic raised for four districts; the query repeats the first district's matter in other words.
const query = words(
  '关于改造道外区老旧小区的建议。道外区老旧小区外墙保温层脱落，屋面漏雨，供排水管网老化。建议纳入年度改造计划。',
);
const sameMatter = words(
  '关于道外区老旧小区综合整治的建议。道外区老旧小区楼道杂物堆积，屋面漏雨。建议纳入年度改造计划，引入物业管理。',
);
const elsewhere = ['南岗区', '香坊区', '呼兰区', '道里区', '平房区', '双城区'].map((d) =>
  words(`关于改造${d}老旧小区的建议。${d}老旧小区外墙保温层脱落，屋面漏雨，供排水管网老化。建议纳入年度改造计划。`),
);

describe('similarity weights', () => {
  it('gives a plain cosine when every word weighs the same', () => {
    const [a] = elsewhere;
    expect(weightedCosine(query, a as Set<string>, () => 1)).toBeCloseTo(cosine(query, a as Set<string>), 10);
    expect(weightedCosine(query, new Set(), () => 1)).toBe(0);
  });

  it('weighs the words the topic shares little, so the same matter outranks the same topic elsewhere', () => {
    const weight = poolWeights([query, sameMatter, ...elsewhere]);
    const everywhere = [...query].filter((w) => elsewhere.every((o) => o.has(w)) && sameMatter.has(w));
    const townOnly = [...query].filter((w) => sameMatter.has(w) && elsewhere.every((o) => !o.has(w)));
    expect(everywhere.length).toBeGreaterThan(3);
    expect(townOnly.length).toBeGreaterThan(0);
    for (const w of townOnly) expect(weight(w)).toBeGreaterThan(weight(everywhere[0] as string));
    const repeat = weightedCosine(query, sameMatter, weight);
    for (const other of elsewhere) {
      // Worded like the query but for the district, yet below the same district's matter worded otherwise.
      expect(cosine(query, other)).toBeGreaterThan(cosine(query, sameMatter));
      expect(weightedCosine(query, other, weight)).toBeLessThan(repeat);
    }
  });
});
