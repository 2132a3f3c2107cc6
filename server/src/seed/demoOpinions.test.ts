import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../modules/calendar/calendar.repo.js';
import { replayTimeline } from '../modules/opinions/opinions.timeline.js';
import { CLOSED_STATES, type OpinionState } from '../modules/opinions/opinions.workflow.js';
import { chinaDate } from '../platform/calendar/calendar.js';
import { maskPhone } from '../platform/crypto.js';
import { searchQuery } from '../platform/text/tokens.js';
import type { TestApp } from '../test/app.js';
import { freshApp } from '../test/freshApp.js';
import { type SeedOptions, seedDemo } from './demo.js';

/**
 * The demo's constituent opinions (issue 3) on one Harbin district at half its share: every
 * case must be one the loop could have produced, and the statistics triggers must have seen it.
 * On PostgreSQL each app gets a database of its own (the demo's accounts and codes are fixed).
 */

const NOW = new Date('2026-11-18T15:20:00+08:00');
const OPTS: SeedOptions = { scale: 'city', regionCode: '230102', fraction: 0.5, now: NOW };
const STAFF = ['deputy', 'station_staff', 'office_staff', 'unit_staff', 'leader'];

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  [a, b] = await Promise.all([freshApp('lianluo_seedop_'), freshApp('lianluo_seedop_')]);
  await Promise.all([seedDemo(a.deps, OPTS), seedDemo(b.deps, OPTS)]);
}, 240_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const groupBy = <T>(items: T[], key: (item: T) => string) => {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
};

const rows = async <T>(t: TestApp, query: string, params: unknown[] = []) =>
  (await t.database.raw.query<T>(query, params)) as T[];

interface Case {
  id: string;
  state: OpinionState;
  closed_at: Date | null;
  due_at: Date | null;
  overdue: boolean;
  overdue_stages: string[];
  received_at: Date;
  lead_unit_id: string | null;
  supervised: boolean;
  urge_count: number;
  evaluation: string | null;
  rehandle_count: number;
  replied_at: Date | null;
  reply_due_at: Date | null;
  replied_on_time: boolean | null;
  fed_back_at: Date | null;
}
interface Event {
  opinion_id: string;
  at: Date;
  action: string;
  from_state: string | null;
  to_state: string | null;
  stage_overdue: boolean | null;
  actor_role: string;
}

describe('demo opinions', () => {
  it('plays every case through the loop: the state is the last transition, the timeline replays, closing is dated', async () => {
    const cases = await rows<Case>(a, 'SELECT * FROM opinions');
    const events = await rows<Event>(a, 'SELECT * FROM opinion_events ORDER BY opinion_id, id');
    expect(cases.length).toBeGreaterThan(400);
    const byCase = groupBy(events, (e) => e.opinion_id);
    for (const c of cases) {
      const timeline = byCase.get(c.id) ?? [];
      const replay = replayTimeline(
        timeline.map((e) => ({ fromState: e.from_state, toState: e.to_state, stageOverdue: e.stage_overdue })),
      );
      expect(replay, c.id).toEqual({ state: c.state, overdueStages: c.overdue_stages, consistent: true });
      expect(timeline[0]).toMatchObject({ action: 'submit', to_state: 'submitted' });
      expect(timeline[0]?.at.getTime()).toBe(c.received_at.getTime());
      for (let i = 1; i < timeline.length; i++)
        expect(timeline[i]!.at.getTime(), c.id).toBeGreaterThanOrEqual(timeline[i - 1]!.at.getTime());
      expect(timeline.at(-1)!.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      const closing = timeline.filter((e) => e.to_state && CLOSED_STATES.includes(e.to_state as OpinionState)).at(-1);
      if (CLOSED_STATES.includes(c.state)) expect(c.closed_at?.getTime(), c.id).toBe(closing?.at.getTime());
      else expect(c.closed_at, c.id).toBeNull();
      if (c.state === 'closed' && c.evaluation) expect(['satisfied', 'basically_satisfied']).toContain(c.evaluation);
      if (c.replied_at) expect(c.replied_on_time).toBe(!c.reply_due_at || c.replied_at <= c.reply_due_at);
    }
  });

  it('spreads the cases over the whole loop, with overdue, supervised, urged and re-handled ones', async () => {
    const states = new Map(
      (await rows<{ state: string; n: number }>(a, 'SELECT state, count(*)::int AS n FROM opinions GROUP BY 1')).map((r) => [
        r.state,
        r.n,
      ]),
    );
    for (const s of [
      'submitted',
      'accepted',
      'transferred',
      'handling',
      'replied',
      'awaiting_evaluation',
      'closed',
      'rejected',
      'merged',
    ])
      expect(states.get(s) ?? 0, s).toBeGreaterThan(0);
    const [x] = await rows<Record<string, number>>(
      a,
      `SELECT count(*) FILTER (WHERE overdue)::int AS overdue, count(*) FILTER (WHERE supervised)::int AS supervised,
              count(*) FILTER (WHERE urge_count > 0)::int AS urged, count(*) FILTER (WHERE rehandle_count > 0)::int AS rehandled,
              count(*) FILTER (WHERE cardinality(overdue_stages) > 0)::int AS late,
              count(DISTINCT channel)::int AS channels, count(DISTINCT category_id)::int AS categories,
              count(DISTINCT evaluation)::int AS evaluations, count(DISTINCT station_id)::int AS stations
         FROM opinions`,
    );
    expect(x).toMatchObject({ channels: 9, evaluations: 3 });
    for (const k of ['overdue', 'supervised', 'urged', 'rehandled', 'late']) expect(x?.[k], k).toBeGreaterThan(0);
    expect(x?.categories).toBeGreaterThan(10);
    expect(x?.stations).toBeGreaterThan(5);
  });

  it('keeps deadlines and the overdue flag as the commands and the deadline sweep do', async () => {
    const calendar = await loadCalendar(a.deps.db);
    const open = await rows<Case>(a, "SELECT * FROM opinions WHERE state IN ('submitted', 'transferred', 'handling')");
    for (const c of open) {
      expect(c.due_at, c.id).not.toBeNull();
      expect(c.overdue, c.id).toBe(c.due_at!.getTime() < NOW.getTime());
    }
    const submitted = await rows<Case>(a, "SELECT * FROM opinions WHERE state = 'submitted'");
    for (const c of submitted) expect(c.due_at?.getTime()).toBe(calendar.dueAfterWorkingDays(c.received_at, 2).getTime());
    const waiting = await rows<Case>(a, "SELECT * FROM opinions WHERE state = 'awaiting_evaluation'");
    for (const c of waiting) expect(c.due_at!.getTime(), c.id).toBeGreaterThanOrEqual(NOW.getTime());
    // The people handling a case act on working days in office hours; the sweep and constituents at any time.
    const staffEvents = await rows<Event>(a, 'SELECT at, actor_role, action FROM opinion_events WHERE actor_role = ANY($1)', [
      STAFF,
    ]);
    for (const e of staffEvents) {
      expect(calendar.isWorkingDay(chinaDate(e.at)), `${e.action} ${e.at.toISOString()}`).toBe(true);
      const minutes = ((e.at.getUTCHours() + 8) % 24) * 60 + e.at.getUTCMinutes();
      expect(minutes, `${e.action} ${e.at.toISOString()}`).toBeGreaterThanOrEqual(8 * 60);
      expect(minutes).toBeLessThanOrEqual(19 * 60);
    }
  });

  it('gives every unit round its rows in the status the case is in', async () => {
    const units = await rows<{ opinion_id: string; unit_id: string; role: string; round: number; status: string }>(
      a,
      'SELECT opinion_id, unit_id, role, round, status FROM opinion_units',
    );
    // A case back in review after an unsatisfied rating waits for its next round.
    const cases = await rows<Case>(a, "SELECT * FROM opinions WHERE lead_unit_id IS NOT NULL AND state <> 'in_review'");
    expect(cases.length).toBeGreaterThan(50);
    const byCase = groupBy(units, (u) => u.opinion_id);
    const expected: Partial<Record<OpinionState, string>> = { transferred: 'transferred', handling: 'handling' };
    for (const c of cases) {
      const mine = byCase.get(c.id) ?? [];
      const round = Math.max(...mine.map((u) => u.round));
      expect(round, c.id).toBe(c.rehandle_count + 1);
      const lead = mine.filter((u) => u.round === round && u.role === 'lead' && u.status !== 'returned');
      expect(
        lead.map((u) => u.unit_id),
        c.id,
      ).toEqual([c.lead_unit_id]);
      expect(lead[0]?.status, c.id).toBe(expected[c.state] ?? 'replied');
    }
  });

  it('seals the constituents like createOpinion, and indexes the text for search', async () => {
    const sealed = await rows<{
      submitter_phone_enc: string;
      submitter_phone_hash: string;
      submitter_phone_masked: string;
      submitter_name_enc: string | null;
      submitter_name_masked: string | null;
    }>(
      a,
      'SELECT submitter_phone_enc, submitter_phone_hash, submitter_phone_masked, submitter_name_enc, submitter_name_masked FROM opinions WHERE submitter_phone_enc IS NOT NULL LIMIT 50',
    );
    expect(sealed.length).toBe(50);
    for (const s of sealed) {
      const phone = a.deps.crypto.decrypt(s.submitter_phone_enc);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(s.submitter_phone_masked).toBe(maskPhone(phone));
      expect(s.submitter_phone_hash).toBe(a.deps.crypto.blindIndex(phone));
      if (s.submitter_name_enc) expect(s.submitter_name_masked?.[0]).toBe(a.deps.crypto.decrypt(s.submitter_name_enc)[0]);
    }
    const [{ n: found } = { n: 0 }] = await rows<{ n: number }>(
      a,
      "SELECT count(*)::int AS n FROM opinions WHERE search_tokens @@ to_tsquery('simple', $1)",
      [searchQuery('暖气')],
    );
    const [{ n: containing } = { n: 0 }] = await rows<{ n: number }>(
      a,
      "SELECT count(*)::int AS n FROM opinions WHERE content LIKE '%暖气%'",
    );
    expect(containing).toBeGreaterThan(0);
    expect(found).toBe(containing);
  });

  it('links station visits to the reception days of their station, and merged cases to an open primary', async () => {
    const visits = await rows<{
      station_id: string;
      r_station: string;
      day: string;
      received_on: string;
      linked: number;
      visitors: number;
    }>(
      a,
      `SELECT o.station_id, r.station_id AS r_station, to_char(o.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
              r.received_on::text AS received_on, (SELECT count(*)::int FROM opinions x WHERE x.reception_id = r.id) AS linked,
              r.visitor_count AS visitors
         FROM opinions o JOIN receptions r ON r.id = o.reception_id`,
    );
    expect(visits.length).toBeGreaterThan(20);
    for (const v of visits) {
      expect(v.r_station).toBe(v.station_id);
      expect(v.day).toBe(v.received_on);
      expect(v.visitors).toBeGreaterThan(v.linked);
    }
    const merged = await rows<{ id: string; primary_state: string; same_category: boolean; merged_in: number }>(
      a,
      `SELECT o.id, p.state AS primary_state, o.category_id = p.category_id AS same_category,
              (SELECT count(*)::int FROM opinion_events e WHERE e.opinion_id = p.id AND e.action = 'merged_in' AND e.data->>'opinionId' = o.id::text) AS merged_in
         FROM opinions o JOIN opinions p ON p.id = o.merged_into_id WHERE o.state = 'merged'`,
    );
    expect(merged.length).toBeGreaterThan(0);
    for (const m of merged) expect(m).toMatchObject({ same_category: true, merged_in: 1 });
  });

  it('was counted by the statistics triggers exactly as a rebuild from the cases counts it', async () => {
    const cube = 'SELECT * FROM opinion_stat_cube ORDER BY unit_id, dim, scope, month, member';
    const kept = await rows(a, cube);
    expect(kept.length).toBeGreaterThan(100);
    await a.database.raw.exec('BEGIN');
    try {
      await a.database.raw.query('SELECT opinion_statistics_rebuild()');
      expect(await rows(a, cube)).toEqual(kept);
    } finally {
      await a.database.raw.exec('ROLLBACK');
    }
  });

  it('is deterministic: the same seed and moment give the same cases on another database', async () => {
    const snapshot = (t: TestApp) =>
      rows(
        t,
        `SELECT o.tracking_code, o.state, o.channel, o.title, o.received_at, o.closed_at, o.due_at, o.overdue, o.urge_count,
                o.supervised, o.evaluation, s.code AS station, c.code AS category,
                (SELECT string_agg(e.action || '@' || e.at::text, ' ' ORDER BY e.id) FROM opinion_events e WHERE e.opinion_id = o.id) AS timeline
           FROM opinions o LEFT JOIN stations s ON s.id = o.station_id LEFT JOIN opinion_categories c ON c.id = o.category_id
          ORDER BY o.tracking_code`,
      );
    const [sa, sb] = await Promise.all([snapshot(a), snapshot(b)]);
    expect(sa.length).toBeGreaterThan(400);
    expect(sb).toEqual(sa);
  });
});
