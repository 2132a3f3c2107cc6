import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { searchDocument } from '../platform/text/tokens.js';
import type { CongressPlan, PlannedSuggestion } from './suggestionPlan.js';
import type { Row } from './suggestionSim.js';

/**
 * Writes a congress's planned demo suggestions straight to the tables of migration 0011: the
 * congress, its term and sessions, the suggestions with their search words (as insertSuggestion
 * builds them), co-signers, assignments, handling rows and timelines.
 */

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

export async function writeCongressPlan(
  tx: Executor,
  plan: CongressPlan,
  categories: ReadonlyMap<string, string>,
): Promise<void> {
  const { congress, term, sessions } = plan;
  await insertJson(tx, 'congresses', [
    {
      id: congress.id,
      region_code: congress.regionCode,
      level: congress.level,
      name: congress.name,
      motion_min_signers: congress.motionMinSigners,
    },
  ]);
  await insertJson(tx, 'congress_terms', [
    { id: term.id, congress_id: congress.id, region_code: congress.regionCode, number: term.number, starts_on: term.startsOn },
  ]);
  await insertJson(
    tx,
    'congress_sessions',
    sessions.map((s) => ({
      id: s.id,
      congress_id: congress.id,
      term_id: term.id,
      region_code: congress.regionCode,
      number: s.number,
      opens_on: s.opensOn,
      closes_on: s.closesOn,
    })),
  );
  const list = plan.suggestions;
  // Merged ones point at their primary: the primaries go first, then the merged ones.
  const ordered = [...list.filter((s) => !s.sim.c.merged_into_id), ...list.filter((s) => s.sim.c.merged_into_id)];
  await insertJson(
    tx,
    'suggestions',
    ordered.map((s) => suggestionRow(plan, s, categories)),
    1000,
    'search_document',
  );
  const child = (pick: (s: PlannedSuggestion) => Row[]) =>
    list.flatMap((s) => pick(s).map((r) => ({ ...r, suggestion_id: s.sim.id, region_code: congress.regionCode })));
  await insertJson(
    tx,
    'suggestion_cosigners',
    child((s) => s.sim.rows.cosigners),
  );
  // A re-handling round's assignment follows its first round's rows.
  await insertJson(
    tx,
    'suggestion_assignments',
    child((s) => s.sim.rows.assignments),
  );
  await insertJson(
    tx,
    'suggestion_co_opinions',
    child((s) => s.sim.rows.coOpinions),
  );
  await insertJson(
    tx,
    'suggestion_consultations',
    child((s) => s.sim.rows.consultations),
  );
  await insertJson(
    tx,
    'suggestion_replies',
    child((s) => s.sim.rows.replies),
  );
  await insertJson(
    tx,
    'suggestion_commitments',
    child((s) => s.sim.rows.commitments),
  );
  await insertJson(
    tx,
    'suggestion_evaluations',
    child((s) => s.sim.rows.evaluations),
  );
  await insertJson(
    tx,
    'suggestion_extensions',
    child((s) => s.sim.rows.extensions),
  );
  // In timeline order within each suggestion: the identity ids order a suggestion's events.
  await insertJson(
    tx,
    'suggestion_events',
    list.flatMap((s) =>
      [...s.sim.events]
        .sort((a, b) => a.at.getTime() - b.at.getTime())
        .map((e) => ({
          suggestion_id: s.sim.id,
          region_code: congress.regionCode,
          at: e.at,
          actor_id: e.actor.id,
          actor_role: e.actor.role,
          actor_name: e.actor.name,
          action: e.action,
          from_state: e.fromState,
          to_state: e.toState,
          note: e.note,
          data: e.data,
          stage_overdue: e.stageOverdue,
        })),
    ),
    5000,
  );
}

function suggestionRow(plan: CongressPlan, s: PlannedSuggestion, categories: ReadonlyMap<string, string>): Row {
  const c = s.sim.c;
  return {
    id: s.sim.id,
    region_code: plan.congress.regionCode,
    congress_id: plan.congress.id,
    term_id: plan.term.id,
    session_id: s.sessionId,
    phase: s.sessionId ? 'session' : 'recess',
    kind: 'suggestion',
    original_kind: 'suggestion',
    title: s.text.title,
    grounds: s.text.grounds,
    proposal: s.text.proposal,
    category_id: categories.get(s.categoryCode) ?? categories.get('other') ?? null,
    lead_deputy_id: s.leadDeputyId,
    by_delegation: false,
    ...c,
    created_by: s.createdBy,
    created_at: s.sim.createdAt,
    search_document: searchDocument(s.text.title, s.text.grounds, s.text.proposal),
  };
}

/**
 * Many rows of a table in one statement per batch, as one JSON parameter expanded into records of
 * the table's type (as seed/opinionWrite.ts does). `documentKey` names a key that is not a column:
 * its text becomes the row's search_tokens through to_tsvector('simple', …).
 */
export async function insertJson(tx: Executor, table: string, rows: Row[], size = 2000, documentKey?: string): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first).filter((k) => k !== documentKey);
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  const picked = sql.raw(columns.map((c) => `r."${c}"`).join(', '));
  const name = sql.identifier(table);
  for (let i = 0; i < rows.length; i += size) {
    const batch = JSON.stringify(rows.slice(i, i + size), (_k, v) => iso(v));
    if (documentKey) {
      await tx.execute(
        sql`INSERT INTO ${name} (${list}, search_tokens)
            SELECT ${picked}, to_tsvector('simple', e->>${documentKey})
              FROM json_array_elements(${batch}::json) AS e CROSS JOIN LATERAL json_populate_record(NULL::${name}, e) AS r`,
      );
    } else {
      await tx.execute(
        sql`INSERT INTO ${name} (${list}) SELECT ${picked} FROM json_populate_recordset(NULL::${name}, ${batch}::json) AS r`,
      );
    }
  }
}
