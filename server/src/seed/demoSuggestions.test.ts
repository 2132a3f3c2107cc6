import { isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { similarSuggestions } from '../modules/suggestions/suggestions.similar.js';
import { suggestions } from '../modules/suggestions/suggestions.tables.js';
import { searchQuery } from '../platform/text/tokens.js';
import type { TestApp } from '../test/app.js';
import { freshApp } from '../test/freshApp.js';
import { type SeedOptions, seedDemo } from './demo.js';
import { loadSuggestionWorld } from './demoSuggestions.js';
import { demoParams } from './opinionWorld.js';
import { planCongress } from './suggestionPlan.js';
import { writeCongressPlan } from './suggestionWrite.js';

/**
 * The demo's deputy suggestions (issue 4) on one Harbin district at a fifth of its share: every
 * suggestion must be one the loop could have produced, with the rows its state needs. On PostgreSQL
 * the app gets a database of its own (the demo's accounts and codes are fixed).
 */

const NOW = new Date('2026-11-18T15:20:00+08:00');
const OPTS: SeedOptions = { scale: 'city', regionCode: '230102', fraction: 0.2, now: NOW };
/** Every state a suggestion (not a motion) reaches in the loop of DESIGN §3.2. */
const STATES = [
  'draft',
  'cosigning',
  'submitted',
  'accepted',
  'rejected',
  'merged',
  'assigned',
  'awaiting_evaluation',
  'rehandling',
  'closed',
  'fulfilled',
];

let a: TestApp;
beforeAll(async () => {
  a = await freshApp('lianluo_seedsug_');
  await seedDemo(a.deps, OPTS);
}, 240_000);
afterAll(async () => {
  await a?.close();
});

const rows = async <T>(query: string, params: unknown[] = []) => (await a.database.raw.query<T>(query, params)) as T[];

interface Suggestion {
  id: string;
  state: string;
  number: number | null;
  session_id: string | null;
  phase: string;
  reply_class: string | null;
  merged_into_id: string | null;
  closed_at: Date | null;
  evaluation_round: number;
  rehandle_count: number;
}
interface Event {
  suggestion_id: string;
  at: Date;
  action: string;
  from_state: string | null;
  to_state: string | null;
}

describe('demo suggestions', () => {
  it('sets up the district congress with its term and the sessions of last year and this year', async () => {
    const congresses = await rows<{ region_code: string; level: string; name: string }>('SELECT * FROM congresses');
    expect(congresses).toEqual([expect.objectContaining({ region_code: '230102', level: 'county', name: '道里区人民代表大会' })]);
    const [term] = await rows<{ number: number; starts_on: string }>('SELECT number, starts_on::text FROM congress_terms');
    const [{ n: deputyTerm } = { n: 0 }] = await rows<{ n: number }>(
      "SELECT max(term)::int AS n FROM deputies WHERE level = 'county' AND congress_region_code = '230102'",
    );
    expect(term?.number).toBe(deputyTerm);
    const sessions = await rows<{ number: number; opens_on: string; closes_on: string }>(
      'SELECT number, opens_on::text, closes_on::text FROM congress_sessions ORDER BY opens_on',
    );
    expect(sessions.map((s) => s.opens_on.slice(0, 4))).toEqual(['2025', '2026']);
    for (const s of sessions) expect(s.opens_on.slice(5, 7)).toMatch(/^0[12]$/);
    expect(sessions[1]!.number).toBe(sessions[0]!.number + 1);
  });

  it('plays every suggestion through the loop: the timeline chains to the state it is in', async () => {
    const list = await rows<Suggestion>('SELECT * FROM suggestions');
    expect(list.length).toBeGreaterThan(30);
    const events = await rows<Event>('SELECT * FROM suggestion_events ORDER BY suggestion_id, id');
    const by = new Map<string, Event[]>();
    for (const e of events) by.set(e.suggestion_id, [...(by.get(e.suggestion_id) ?? []), e]);
    for (const s of list) {
      const timeline = by.get(s.id) ?? [];
      expect(timeline[0]?.action, s.id).toBe('draft');
      let state = 'draft';
      for (const [i, e] of timeline.entries()) {
        if (i > 0) expect(e.at.getTime(), s.id).toBeGreaterThanOrEqual(timeline[i - 1]!.at.getTime());
        expect(e.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
        if (i === 0 || !e.to_state) continue;
        expect(e.from_state, `${s.id} ${e.action}`).toBe(state);
        state = e.to_state;
      }
      expect(state, s.id).toBe(s.state);
      if (['closed', 'fulfilled'].includes(s.state)) expect(s.closed_at, s.id).not.toBeNull();
      else expect(s.closed_at, s.id).toBeNull();
    }
    const numbers = await rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM suggestions WHERE number IS NOT NULL GROUP BY term_id, session_id, number HAVING count(*) > 1',
    );
    expect(numbers).toEqual([]);
  });

  it('gives each state the rows it needs: assignments, sent replies with a class, ratings, commitments', async () => {
    const handled = await rows<
      Suggestion & { leads: number; sent: number; last_class: string | null; ratings: number; open: number }
    >(
      `SELECT s.*, (SELECT count(*)::int FROM suggestion_assignments a WHERE a.suggestion_id = s.id AND a.role = 'lead') AS leads,
              (SELECT count(*)::int FROM suggestion_replies r WHERE r.suggestion_id = s.id AND r.status = 'sent') AS sent,
              (SELECT r.reply_class FROM suggestion_replies r WHERE r.suggestion_id = s.id ORDER BY r.round DESC LIMIT 1) AS last_class,
              (SELECT count(*)::int FROM suggestion_evaluations e WHERE e.suggestion_id = s.id) AS ratings,
              (SELECT count(*)::int FROM suggestion_commitments c WHERE c.suggestion_id = s.id AND c.status <> 'done') AS open
         FROM suggestions s WHERE s.state IN ('assigned', 'awaiting_evaluation', 'rehandling', 'closed', 'fulfilled')`,
    );
    expect(handled.length).toBeGreaterThan(20);
    for (const s of handled) {
      expect(s.leads, s.id).toBeGreaterThanOrEqual(1);
      expect(s.number, s.id).not.toBeNull();
      if (s.state === 'assigned') continue;
      expect(s.sent, s.id).toBeGreaterThanOrEqual(1);
      expect(s.reply_class, s.id).toBe(s.last_class);
      if (s.state === 'closed' || s.state === 'fulfilled') expect(s.ratings, s.id).toBe(s.evaluation_round);
      if (s.state === 'rehandling') expect(s.rehandle_count).toBe(1);
      if (s.state === 'fulfilled') {
        expect(['B', 'C']).toContain(s.reply_class);
        expect(s.open, s.id).toBe(0);
      }
    }
    const merged = await rows<{ primary_state: string; merged_in: number }>(
      `SELECT p.state AS primary_state,
              (SELECT count(*)::int FROM suggestion_events e WHERE e.suggestion_id = p.id AND e.action = 'merge_in' AND e.data->>'followerId' = s.id::text) AS merged_in
         FROM suggestions s JOIN suggestions p ON p.id = s.merged_into_id`,
    );
    for (const m of merged) expect(m.merged_in).toBe(1);
    const units = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM suggestion_assignments a JOIN organizations o ON o.id = a.unit_id
        WHERE o.category <> 'unit' OR o.region_code <> a.region_code`,
    );
    expect(units[0]?.n).toBe(0);
  });

  it('indexes the text for search as insertSuggestion does', async () => {
    const [{ found = 0, containing = 0 } = {}] = await rows<{ found: number; containing: number }>(
      `SELECT count(*) FILTER (WHERE search_tokens @@ to_tsquery('simple', $1))::int AS found,
              count(*) FILTER (WHERE title || grounds || proposal LIKE '%' || $2 || '%')::int AS containing FROM suggestions`,
      [searchQuery('改造'), '改造'],
    );
    expect(containing).toBeGreaterThan(0);
    expect(found).toBe(containing);
  });

  it('plans the same suggestions from the same seed; at city size every state, and repeats the check finds', async () => {
    const params = await demoParams(a.deps.db);
    // The district at a fifth has few suggestions; the same planner on its congress at the whole
    // city's yearly number reaches every state. Written through the same writer, then rolled back.
    const plan = async () => {
      const w = await loadSuggestionWorld(a.deps.db, params!);
      return { plan: planCongress(w.rng.fork('congress:230102'), w.world, w.planned[0]!, 1500), categories: w.categories };
    };
    const [one, two] = [await plan(), await plan()];
    const view = (p: typeof one) => p.plan.suggestions.map((s) => [s.text.title, s.sim.c.state, s.sim.events.length].join('|'));
    expect(view(two)).toEqual(view(one));
    const rollback = new Error('rollback');
    await expect(
      a.deps.db.transaction(async (tx) => {
        await tx.execute(sql`DELETE FROM suggestions`);
        await tx.execute(sql`DELETE FROM congress_sessions`);
        await tx.execute(sql`DELETE FROM congress_terms`);
        await tx.execute(sql`DELETE FROM congresses`);
        await writeCongressPlan(tx, one.plan, one.categories);
        const states = await tx.selectDistinct({ state: suggestions.state }).from(suggestions);
        const present = new Set(states.map((r) => r.state));
        for (const s of STATES) expect(present, s).toContain(s);
        const merged = await tx
          .select({
            id: suggestions.id,
            congressId: suggestions.congressId,
            title: suggestions.title,
            grounds: suggestions.grounds,
            proposal: suggestions.proposal,
            mergedIntoId: suggestions.mergedIntoId,
          })
          .from(suggestions)
          .where(isNotNull(suggestions.mergedIntoId));
        expect(merged.length).toBeGreaterThan(3);
        let found = 0;
        // A sample: each check costs a fraction of a second on a busy machine.
        for (const m of merged.slice(0, 25)) {
          const similar = await similarSuggestions(tx, { congressId: m.congressId, text: m, excludeIds: [m.id] });
          if (similar.some((s) => s.id === m.mergedIntoId)) found++;
        }
        // A paraphrase by another deputy of the same matter: the submission check shows the first.
        expect(found / Math.min(25, merged.length)).toBeGreaterThanOrEqual(0.8);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  }, 240_000);
});
