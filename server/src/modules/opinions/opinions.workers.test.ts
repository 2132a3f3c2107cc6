import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { createTestApp, type TestApp, testDbKind } from '../../test/app.js';
import { buildCaseWorld, buildOpinion, type CaseWorld } from '../../test/factories.opinions.js';
import {
  OPINION_DEADLINES_QUEUE,
  OPINION_INBOX_QUEUE,
  OPINION_RETENTION_QUEUE,
  scheduleOpinionJobs,
} from './opinions.workers.js';

const at = (local: string) => `${local}+08:00`;
const clock = fixedClock(at('2026-10-09T10:00:00'));
let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  // The workers the server runs, on a durable job queue.
  t = await createTestApp({ jobs: true, clock });
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting for the workers');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the opinion jobs of a running server', () => {
  it('sweep deadlines as a queued job, and the notices reach the inbox through the outbox workers', async () => {
    // Friday 9 October: two working days to accept are the make-up Saturday 10 and Monday 12 October.
    const c = await buildOpinion(t.deps, { stationId: w.station.id });
    expect(c.dueAt?.toISOString()).toBe(new Date(at('2026-10-12T23:59:59.999')).toISOString());
    clock.set(at('2026-10-13T09:30:00'));
    await t.deps.jobs.send(OPINION_DEADLINES_QUEUE, { regionCode: w.county });

    const overdue = await eventually(async () => {
      const view = (await w.office.inject({ method: 'GET', url: `/api/opinions/${c.id}` })).json();
      return view.overdue === true ? view : undefined;
    });
    expect(overdue.state).toBe('submitted');
    const message = await eventually(async () => {
      const inbox = (await w.office.inject({ method: 'GET', url: '/api/messages?pageSize=100' })).json();
      return inbox.items.find(
        (m: { link: string; topic: string }) => m.link === `/opinions/${c.id}` && m.topic === 'opinion.overdue',
      );
    });
    expect(message.body).toContain(c.trackingCode);
  });

  // Only on the file's own PGlite database: on the shared PostgreSQL one, a schedule would start
  // sweeps in every other test file's workers.
  it.skipIf(testDbKind() === 'postgres')(
    'schedules the inbox every minute, the sweep every ten minutes and retention nightly, China time',
    async () => {
      await scheduleOpinionJobs(t.deps);
      const rows = await t.database.raw.query<{ name: string; cron: string; timezone: string }>(
        'SELECT name, cron, timezone FROM pgboss.schedule WHERE name = ANY($1) ORDER BY name',
        [[OPINION_DEADLINES_QUEUE, OPINION_INBOX_QUEUE, OPINION_RETENTION_QUEUE]],
      );
      expect(rows).toEqual([
        { name: OPINION_DEADLINES_QUEUE, cron: '*/10 * * * *', timezone: 'Asia/Shanghai' },
        { name: OPINION_INBOX_QUEUE, cron: '* * * * *', timezone: 'Asia/Shanghai' },
        { name: OPINION_RETENTION_QUEUE, cron: '40 3 * * *', timezone: 'Asia/Shanghai' },
      ]);
    },
  );
});
