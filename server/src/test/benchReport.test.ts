import { describe, expect, it } from 'vitest';
import { addRatios, formatTable, type WorkloadResult } from '../../bench/report.js';

const result = (name: string, rps: number, p95: number, cpu: WorkloadResult['cpuMs']): WorkloadResult => ({
  name,
  description: name,
  baseline: name === 'pk',
  requests: rps * 10,
  durationSeconds: 10,
  rps,
  latencyMs: { p50: p95 / 2, p95, p99: p95 * 1.2, max: p95 * 2 },
  non2xx: {},
  non2xxTotal: 0,
  errors: 0,
  unanswered: 0,
  drainSeconds: 0,
  rssMb: 300,
  cpuMs: cpu,
  clientCpuMs: 0.04,
  vsBare: { rps: null, p95: null },
  vsPk: { rps: null, p95: null },
  vsInsert: { rps: null },
  cpuVsPk: null,
});

describe('the bench report', () => {
  it("sets each workload's CPU per request against the primary-key read's, server and database together", () => {
    const rows = [
      result('pk', 4000, 4.5, { server: 0.3, database: 0.1 }),
      result('opinion-list', 600, 27, { server: 1.0, database: 1.4 }),
      result('embedded', 600, 27, { server: 0.8, database: null }),
      result('unmeasured', 600, 27, { server: null, database: null }),
    ];
    addRatios(rows);
    expect(rows.map((r) => (r.cpuVsPk === null ? null : Number(r.cpuVsPk.toFixed(6))))).toEqual([1, 6, 2, null]);
    const table = formatTable(rows);
    expect(table).toContain('CPU÷pk');
    expect(table).toMatch(/\| opinion-list .*\| +1\.000\+1\.400 \| +6\.00 \| +0\.040 \|/);
    expect(table).toMatch(/\| unmeasured .*\| +- \| +- \| +0\.040 \| +- \|/);
  });

  it("takes a paired workload's ratios against the baselines measured beside it, the others against the run's", () => {
    const rows = [
      result('pk', 4000, 4, { server: 0.2, database: 0.1 }),
      result('insert', 4000, 4, { server: 0.2, database: 0.2 }),
      {
        ...result('opinion-list', 1000, 12, { server: 0.6, database: 0.3 }),
        adjacent: { pk: result('pk', 2000, 6, { server: 0.3, database: 0.15 }) },
      },
      {
        ...result('intake', 2000, 10, { server: 0.3, database: 0.2 }),
        adjacent: {
          pk: result('pk', 5000, 2.5, { server: 0.2, database: 0.1 }),
          insert: result('insert', 3000, 5, { server: 0.2, database: 0.2 }),
        },
      },
      result('opinion-search', 1000, 12, { server: 0.6, database: 0.3 }),
    ];
    addRatios(rows);
    const [, , list, intake, search] = rows;
    expect(list?.vsPk).toEqual({ rps: 0.5, p95: 2 });
    expect(list?.cpuVsPk).toBeCloseTo(2);
    expect(list?.vsInsert.rps).toBe(0.25);
    expect(intake?.vsInsert.rps).toBeCloseTo(2 / 3);
    expect(intake?.vsPk.p95).toBe(4);
    expect(search?.vsPk).toEqual({ rps: 0.25, p95: 3 });
    expect(search?.cpuVsPk).toBeCloseTo(3);
    const table = formatTable(rows);
    expect(table).toMatch(/\| opinion-list .*\| +6\.00 \|$/m);
    expect(table).toMatch(/\| opinion-search .*\| +- \|$/m);
  });
});
