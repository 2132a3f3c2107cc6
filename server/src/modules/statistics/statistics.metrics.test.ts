import { describe, expect, it } from 'vitest';
import { figuresOf, METRIC_COLUMNS, STAGES, sumsOf } from './statistics.metrics.js';

describe('sums and figures of a row', () => {
  // Every column a different value, so that a figure read from the wrong column shows.
  const row = Object.fromEntries(METRIC_COLUMNS.map((col, i) => [col, String(10 + i * 7)]));

  it('takes every metric column of the row, text or number, and nothing else', () => {
    const sums = sumsOf({ ...row, key: 'x', members: '3' });
    expect(Object.keys(sums).sort()).toEqual([...METRIC_COLUMNS].sort());
    for (const col of METRIC_COLUMNS) expect(sums[col]).toBe(Number(row[col]));
    expect(sumsOf({})).toEqual(Object.fromEntries(METRIC_COLUMNS.map((col) => [col, 0])));
  });

  it('averages each stage over its own columns', () => {
    const figures = figuresOf(sumsOf(row));
    for (const stage of STAGES) {
      const days = Number(row[`days_${stage}`]);
      const n = Number(row[`n_${stage}`]);
      expect(figures.stages[stage]).toEqual({ cases: n, averageDays: Math.round((days / n) * 100) / 100 });
    }
    expect(figuresOf(sumsOf({})).stages.handling).toEqual({ cases: 0, averageDays: null });
  });

  it('derives the counts and rates from their columns', () => {
    const s = sumsOf(row);
    const f = figuresOf(s);
    expect(f.accepted).toBe(s.received - s.rejected);
    expect(f.evaluated).toBe(s.satisfied + s.basically_satisfied + s.unsatisfied);
    expect(f.repliedOnTime).toBe(s.replied_on_time);
    expect(f.fedBack).toBe(s.fed_back);
    expect(f.inProgress).toBe(s.in_progress);
    expect(f.onTimeRate).toBe(Math.round((s.replied_on_time / s.replied) * 10_000) / 10_000);
  });
});
