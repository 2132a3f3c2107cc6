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
    expect(table).toMatch(/\| unmeasured .*\| +- \| +- \| +0\.040 \|/);
  });
});
