/**
 * The benchmark workloads (DESIGN §8). A later feature adds its own by appending an entry to
 * `workloads`: a name, what it measures, and the requests each connection cycles through.
 */

export interface BenchRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What the harness knows when it builds the requests: the demo's data and a signed-in session. */
export interface BenchContext {
  /** An office_staff account of the demo's whole region, with its password (for the login workload). */
  account: { username: string; password: string };
  /** The cookie header value and CSRF token of that account's session. */
  session: { cookie: string; csrfToken: string };
  /** A real station code of the demo (its public page). */
  stationCode: string;
  /** A county of the demo with data in every level, for filtered lists. */
  countyCode: string;
  /** Stations all over the demo: constituents submit from everywhere, not all at one station. */
  intakeStationCodes: string[];
}

export interface Workload {
  name: string;
  description: string;
  /** Baselines run in every benchmark; every other workload is shown as a ratio to them. */
  baseline?: boolean;
  /**
   * 'many': each request comes from another client address (X-Forwarded-For, as behind the
   * reverse proxy), so the per-address rate limits of public routes see many constituents rather
   * than one client hammering — the run measures the route, not the limiter's 429.
   */
  clients?: 'one' | 'many';
  requests(ctx: BenchContext): BenchRequest[];
  /** Rewrites each request before it is sent, for bodies that must differ (a new phone per case). */
  vary?: (req: BenchRequest, n: number, ctx: BenchContext) => BenchRequest;
}

const json = { 'content-type': 'application/json' };
const BOUNDARY = 'lianluo-bench-boundary';
const PHONE_SLOT = '13900000000';
const STATION_SLOT = 'STATION-SLOT';

/** A constituent's opinion with no photos; the phone and the station are replaced per request. */
const INTAKE = {
  stationCode: STATION_SLOT,
  // No word the search workload looks for: each run leaves its thousands of cases behind, and a
  // search that found them all among the newest would get quicker run by run.
  content: '小区门口的井盖松动了两个月，晚上老人出行很不方便，希望尽快修好。',
  placeText: '南岗区学府路 52 号小区北门',
  name: '李女士',
  nameHidden: true,
  phone: PHONE_SLOT,
  consentShare: true,
  consentPublish: false,
};

/** The same opinion as a multipart form, as the portal sends it with photos and older clients without. */
function intakeForm(): string {
  const parts = Object.entries(INTAKE).map(
    ([k, v]) => `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return `${parts.join('')}--${BOUNDARY}--\r\n`;
}

// The per-phone hourly limit would refuse a repeated number: each case gets its own, and the
// cases go to stations all over the demo.
const newConstituent = (req: BenchRequest, n: number, ctx: BenchContext): BenchRequest => ({
  ...req,
  body: req.body
    ?.replace(PHONE_SLOT, `139${String(n % 1e8).padStart(8, '0')}`)
    .replace(STATION_SLOT, ctx.intakeStationCodes[n % ctx.intakeStationCodes.length] ?? ctx.stationCode),
});

const signedIn = (ctx: BenchContext) => ({ cookie: ctx.session.cookie });

export const workloads: Workload[] = [
  {
    name: 'bare',
    description: 'GET /bench/bare: the HTTP stack with no database (baseline)',
    baseline: true,
    requests: () => [{ path: '/bench/bare' }],
  },
  {
    name: 'pk',
    description: 'GET /bench/pk/:code: one primary-key read of a region through drizzle (baseline)',
    baseline: true,
    requests: (ctx) => [{ path: `/bench/pk/${ctx.countyCode}` }],
  },
  {
    name: 'insert',
    description: 'POST /bench/insert: one single-row INSERT through the same stack (baseline for intake)',
    baseline: true,
    requests: () => [{ method: 'POST', path: '/bench/insert', headers: json, body: JSON.stringify({ note: 'bench' }) }],
  },
  {
    name: 'login',
    description: 'POST /api/auth/login: scrypt makes it CPU-bound by design',
    clients: 'many',
    requests: (ctx) => [
      {
        method: 'POST',
        path: '/api/auth/login',
        headers: json,
        body: JSON.stringify({ username: ctx.account.username, password: ctx.account.password }),
      },
    ],
  },
  {
    name: 'deputy-list',
    description: 'GET /api/deputies filtered by level, status and county, page 2, as office staff',
    requests: (ctx) => [
      {
        path: `/api/deputies?level=township&status=serving&regionCode=${ctx.countyCode}&page=2&pageSize=20`,
        headers: signedIn(ctx),
      },
    ],
  },
  {
    name: 'deputy-search',
    description: 'GET /api/deputies?q=zhang: pinyin search over the whole region',
    requests: (ctx) => [{ path: '/api/deputies?q=zhang&pageSize=20', headers: signedIn(ctx) }],
  },
  {
    name: 'deputy-search-zh',
    description: 'GET /api/deputies?q=王: Chinese name-prefix search over the whole region',
    requests: (ctx) => [{ path: `/api/deputies?q=${encodeURIComponent('王')}&pageSize=20`, headers: signedIn(ctx) }],
  },
  {
    name: 'station-page',
    description: "GET /api/public/stations/:code: a station's public page, as a constituent opens it from the QR code",
    clients: 'many',
    requests: (ctx) => [{ path: `/api/public/stations/${encodeURIComponent(ctx.stationCode)}` }],
  },
  {
    name: 'stats-overview',
    description: 'GET /api/statistics/opinions/overview: a year of opinion figures for the whole region, from the counters',
    requests: (ctx) => [{ path: '/api/statistics/opinions/overview', headers: signedIn(ctx) }],
  },
  {
    name: 'stats-breakdown',
    description: 'GET /api/statistics/opinions/breakdown: the region by its child regions, and a county by station',
    requests: (ctx) => [
      { path: '/api/statistics/opinions/breakdown?dimension=region', headers: signedIn(ctx) },
      { path: `/api/statistics/opinions/breakdown?dimension=station&regionCode=${ctx.countyCode}`, headers: signedIn(ctx) },
    ],
  },
  {
    name: 'opinion-list',
    description: 'GET /api/opinions: the office list filtered by state, channel and county, page 2',
    requests: (ctx) => [
      {
        path: `/api/opinions?queue=all&state=transferred,handling,replied&channel=station_visit,qr,hotline&regionCode=${ctx.countyCode}&page=2&pageSize=20`,
        headers: signedIn(ctx),
      },
    ],
  },
  {
    name: 'opinion-search',
    description: 'GET /api/opinions?q=…: Chinese full-text search (jieba words and trigram substrings) over the region',
    requests: (ctx) => [
      { path: `/api/opinions?queue=all&q=${encodeURIComponent('路灯')}&pageSize=20`, headers: signedIn(ctx) },
      { path: `/api/opinions?queue=all&q=${encodeURIComponent('停车难')}&pageSize=20`, headers: signedIn(ctx) },
    ],
  },
  // The intakes come last, so that the reads are measured on the demo as seeded.
  {
    name: 'intake',
    description:
      'POST /api/public/opinions: a constituent raises an opinion from a station page (JSON, as the portal sends it without photos; a new phone each time)',
    clients: 'many',
    requests: () => [{ method: 'POST', path: '/api/public/opinions', headers: json, body: JSON.stringify(INTAKE) }],
    vary: newConstituent,
  },
  {
    name: 'intake-form',
    description: 'POST /api/public/opinions: the same opinion as a multipart form (how it comes with photos)',
    clients: 'many',
    requests: () => [
      {
        method: 'POST',
        path: '/api/public/opinions',
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        body: intakeForm(),
      },
    ],
    vary: newConstituent,
  },
];
