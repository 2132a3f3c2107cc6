/** Turning one workload's measurements into a row, and the rows into the table the harness prints. */

export interface WorkloadResult {
  name: string;
  description: string;
  baseline: boolean;
  requests: number;
  durationSeconds: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Answers outside 2xx, by status code ("404": 1234). */
  non2xx: Record<string, number>;
  non2xxTotal: number;
  /** Connection errors and timeouts (no answer at all). */
  errors: number;
  /** Requests still waiting when the run ended (up to one per connection is normal). */
  unanswered: number;
  /** How long the server needed after the run to answer a primary-key read again (its backlog). */
  drainSeconds: number;
  /** Server resident memory after the workload, in MB (null where /proc is not available). */
  rssMb: number | null;
  vsBare: { rps: number | null; p95: number | null };
  vsPk: { rps: number | null; p95: number | null };
  /** Write workloads are held to the single-row insert baseline. */
  vsInsert: { rps: number | null };
  /** CPU milliseconds per request of the server process and of PostgreSQL (cpu.ts); null where not measured. */
  cpuMs: { server: number | null; database: number | null };
  /**
   * CPU milliseconds per request of the bench's own process (autocannon): it shares the machine's
   * cores with the server and the database, and a workload that rewrites each request costs it more.
   */
  clientCpuMs: number;
  /** The request's CPU (server and database together) against the primary-key read's. */
  cpuVsPk: number | null;
  /**
   * With --paired, the baselines measured again just before this workload: its ratios are taken
   * against them rather than against the run's first ones, which minutes of drift on a shared
   * machine can leave a third faster or slower.
   */
  adjacent?: { pk: Baseline; insert?: Baseline };
}

/** What a ratio needs of a baseline's measurement. */
export type Baseline = Pick<WorkloadResult, 'rps' | 'latencyMs' | 'cpuMs'>;

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function addRatios(results: WorkloadResult[]): void {
  const bare = results.find((r) => r.name === 'bare');
  const pk = results.find((r) => r.name === 'pk');
  const insert = results.find((r) => r.name === 'insert');
  const ratio = (a: number, b: number | undefined) => (b && Number.isFinite(a) && b > 0 ? a / b : null);
  for (const r of results) {
    const nearPk = r.adjacent?.pk ?? pk;
    const nearInsert = r.adjacent?.insert ?? insert;
    r.vsBare = { rps: ratio(r.rps, bare?.rps), p95: ratio(r.latencyMs.p95, bare?.latencyMs.p95) };
    r.vsPk = { rps: ratio(r.rps, nearPk?.rps), p95: ratio(r.latencyMs.p95, nearPk?.latencyMs.p95) };
    r.vsInsert = { rps: ratio(r.rps, nearInsert?.rps) };
    r.cpuVsPk = nearPk ? ratio(cpuTotal(r) ?? Number.NaN, cpuTotal(nearPk) ?? undefined) : null;
  }
}

/** Server and database CPU per request, when the server's was measured (the database's is 0 with PGlite, inside the server). */
const cpuTotal = (r: Baseline): number | null => (r.cpuMs.server === null ? null : r.cpuMs.server + (r.cpuMs.database ?? 0));

const num = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-');
const ratio = (x: number | null) => (x === null ? '-' : x >= 10 ? x.toFixed(0) : x.toFixed(2));

export function formatTable(results: WorkloadResult[]): string {
  const header = [
    'workload',
    'rps',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'non-2xx / errors',
    'RSS MB',
    'rps÷bare',
    'rps÷pk',
    'p95÷bare',
    'p95÷pk',
    'rps÷insert',
    'CPU ms server+db',
    'CPU÷pk',
    'client CPU ms',
    'pk p95 beside',
  ];
  const rows = results.map((r) => [
    r.name,
    num(r.rps, r.rps < 10 ? 1 : 0),
    num(r.latencyMs.p50, 2),
    num(r.latencyMs.p95, 2),
    num(r.latencyMs.p99, 2),
    describeFailures(r),
    r.rssMb === null ? '-' : num(r.rssMb, 0),
    ratio(r.vsBare.rps),
    ratio(r.vsPk.rps),
    ratio(r.vsBare.p95),
    ratio(r.vsPk.p95),
    ratio(r.vsInsert.rps),
    r.cpuMs.server === null ? '-' : `${num(r.cpuMs.server, 3)}+${r.cpuMs.database === null ? '-' : num(r.cpuMs.database, 3)}`,
    ratio(r.cpuVsPk),
    num(r.clientCpuMs, 3),
    r.adjacent ? num(r.adjacent.pk.latencyMs.p95, 2) : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 || i === 5 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** "0" when every answer was 2xx; otherwise what went wrong, so a missing route shows as "404 ×N (100%)". */
function describeFailures(r: WorkloadResult): string {
  const parts = Object.entries(r.non2xx)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ×${n}`);
  if (r.errors) parts.push(`errors ×${r.errors}`);
  // No answer at all in the whole run: the route is too slow (or hangs), which must not look like success.
  if (r.requests === 0) parts.push(`no answer in ${r.durationSeconds.toFixed(0)} s (${r.unanswered} waiting)`);
  if (parts.length === 0) return '0';
  const total = r.requests + r.errors;
  const share = total ? ` (${(((r.non2xxTotal + r.errors) / total) * 100).toFixed(0)}%)` : '';
  return `${parts.join(', ')}${share}`;
}
