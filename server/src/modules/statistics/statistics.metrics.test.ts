import { describe, expect, it } from 'vitest';
import { figuresOf, METRIC_COLUMNS, STAGES, sumsOf } from './statistics.metrics.js';

describe('sums and figures of a statement row', () => {
  // Every column a different value, in the order the statements write them, so that a figure read
  // from the wrong place shows.
  const values = METRIC_COLUMNS.map((_, i) => 10 + i * 7);
  const byColumn = Object.fromEntries(METRIC_COLUMNS.map((col, i) => [col, values[i]]));
  const text = values.join(',');

  it('reads every metric column from its place in the text', () => {
    const sums = sumsOf(text);
    expect(Object.keys(sums).sort()).toEqual([...METRIC_COLUMNS].sort());
    expect(sums).toEqual(byColumn);
  });

  it('reads no row as zeros', () => {
    const zeros = Object.fromEntries(METRIC_COLUMNS.map((col) => [col, 0]));
    expect(sumsOf(undefined)).toEqual(zeros);
    expect(sumsOf(null)).toEqual(zeros);
    expect(sumsOf('')).toEqual(zeros);
  });

  it('averages each stage over its own columns', () => {
    const figures = figuresOf(sumsOf(text));
    for (const stage of STAGES) {
      const days = byColumn[`days_${stage}`] as number;
      const n = byColumn[`n_${stage}`] as number;
      expect(figures.stages[stage]).toEqual({ cases: n, averageDays: Math.round((days / n) * 100) / 100 });
    }
    expect(figuresOf(sumsOf(null)).stages.handling).toEqual({ cases: 0, averageDays: null });
  });

  it('derives the counts and rates from their columns', () => {
    const s = sumsOf(text);
    const f = figuresOf(s);
    expect(f.accepted).toBe(s.received - s.rejected);
    expect(f.evaluated).toBe(s.satisfied + s.basically_satisfied + s.unsatisfied);
    expect(f.repliedOnTime).toBe(s.replied_on_time);
    expect(f.fedBack).toBe(s.fed_back);
    expect(f.inProgress).toBe(s.in_progress);
    expect(f.onTimeRate).toBe(Math.round((s.replied_on_time / s.replied) * 10_000) / 10_000);
  });
});
