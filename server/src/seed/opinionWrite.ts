import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { sealSubmitter } from '../modules/opinions/opinions.privacy.js';
import type { FieldCrypto } from '../platform/crypto.js';
import { searchDocument } from '../platform/text/tokens.js';
import type { PlannedCase } from './opinionPlan.js';
import type { PlannedReception } from './opinionReceptions.js';

/** Writes the demo's planned cases of one county: reception days, cases, units, timelines, notices. */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function writeCounty(
  tx: Executor,
  crypto: FieldCrypto,
  cases: PlannedCase[],
  planned: PlannedReception[],
): Promise<void> {
  await insertJson(
    tx,
    'receptions',
    planned.map((r) => ({
      id: r.id,
      station_id: r.stationId,
      region_code: r.regionCode,
      received_on: r.receivedOn,
      deputy_ids: r.deputyIds,
      staff_names: r.staffNames,
      visitor_count: r.visitorCount,
      summary: r.summary,
      created_by: r.createdBy,
      created_at: iso(r.createdAt),
    })),
  );
  // Written as merged duplicates first, given their real state once their units and timelines are
  // in: the statistics triggers of migration 0007 then count each case once. A merged case counts
  // nowhere, so its units and stage timings change no aggregate until the case enters its cells —
  // counted from the start, every unit and timeline event would move the case's cells again.
  await insertJson(
    tx,
    'opinions',
    cases.map((c) => ({ ...opinionRow(crypto, c), state: 'merged' })),
    1000,
    'search_document',
  );
  await insertJson(
    tx,
    'opinion_units',
    cases.flatMap(({ sim, regionCode }) =>
      sim.units.map((u) => ({
        opinion_id: sim.id,
        region_code: regionCode,
        unit_id: u.unitId,
        role: u.role,
        round: u.round,
        status: u.status,
        due_at: iso(u.dueAt),
        note: u.note,
        created_at: iso(u.createdAt),
        updated_at: iso(u.updatedAt),
      })),
    ),
  );
  // In timeline order within each case: the identity ids order a case's events.
  await insertJson(
    tx,
    'opinion_events',
    cases.flatMap(({ sim, regionCode }) =>
      sim.events.map((e) => ({
        opinion_id: sim.id,
        region_code: regionCode,
        at: iso(e.at),
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
  await insertJson(
    tx,
    'opinion_reminders',
    cases.flatMap(({ sim, regionCode }) =>
      sim.reminders.map((r) => ({
        opinion_id: sim.id,
        region_code: regionCode,
        kind: 'overdue',
        stage: r.stage,
        due_at: iso(r.dueAt),
        sent_at: iso(r.sentAt),
      })),
    ),
  );
  const stateOf = cases.filter((c) => c.sim.state !== 'merged').map((c) => ({ id: c.sim.id, state: c.sim.state }));
  for (let i = 0; i < stateOf.length; i += 2000) {
    const batch = JSON.stringify(stateOf.slice(i, i + 2000));
    await tx.execute(
      sql`UPDATE opinions o SET state = v.state FROM json_to_recordset(${batch}::json) AS v(id uuid, state text) WHERE o.id = v.id`,
    );
  }
}

/** The case row as createOpinion and the transitions leave it, with the constituent's details sealed. */
function opinionRow(crypto: FieldCrypto, p: PlannedCase): Record<string, unknown> {
  const c = p.sim.c;
  const sealed = sealSubmitter(crypto, p.submitter);
  const consent = p.consentShare || p.consentPublish;
  return {
    id: p.sim.id,
    tracking_code: p.sim.trackingCode,
    region_code: p.regionCode,
    station_id: p.stationId,
    reception_id: p.receptionId,
    channel: p.channel,
    category_id: p.categoryId,
    title: p.title,
    content: p.content,
    place_text: p.placeText,
    latitude: p.latitude,
    longitude: p.longitude,
    submitter_name_enc: sealed.submitterNameEnc,
    submitter_name_masked: sealed.submitterNameMasked,
    name_hidden: p.nameHidden,
    submitter_phone_enc: sealed.submitterPhoneEnc,
    submitter_phone_hash: sealed.submitterPhoneHash,
    submitter_phone_masked: sealed.submitterPhoneMasked,
    submitter_address_enc: sealed.submitterAddressEnc,
    consent_share: p.consentShare,
    consent_publish: p.consentPublish,
    consent_at: consent ? iso(p.sim.receivedAt) : null,
    state: c.state,
    responsible_deputy_id: p.responsibleDeputyId,
    lead_unit_id: c.leadUnitId,
    complex: c.complex,
    due_at: iso(c.dueAt),
    overdue: c.overdue,
    overdue_stages: c.overdueStages,
    urge_count: c.urgeCount,
    supervised: c.supervised,
    supervised_by: c.supervisedBy,
    supervision_instruction: c.supervisionInstruction,
    reject_reason: c.rejectReason,
    reject_guidance: c.rejectGuidance,
    reply_result: c.replyResult,
    reply_text: c.replyText,
    replied_at: iso(c.repliedAt),
    reply_due_at: iso(c.replyDueAt),
    replied_on_time: c.repliedOnTime,
    fed_back_at: iso(c.fedBackAt),
    evaluation: c.evaluation,
    evaluation_comment: c.evaluationComment,
    evaluated_at: iso(c.evaluatedAt),
    rehandle_count: c.rehandleCount,
    closed_at: iso(c.closedAt),
    merged_into_id: c.mergedIntoId,
    version: c.version,
    created_by: p.createdBy,
    received_at: iso(p.sim.receivedAt),
    created_at: iso(p.sim.receivedAt),
    updated_at: iso(c.updatedAt),
    search_document: searchDocument(p.title, p.content, p.placeText),
  };
}

/**
 * Many rows of a table in one statement per batch, as one JSON parameter that PostgreSQL expands
 * into records of the table's type (seed/write.ts does the same for drizzle tables). Every row has
 * the same keys, the table's column names. `documentKey` names a key that is not a column: its text
 * becomes the row's search_tokens through to_tsvector('simple', …), as insertOpinion writes them.
 */
async function insertJson(
  tx: Executor,
  table: string,
  rows: Record<string, unknown>[],
  size = 2000,
  documentKey?: string,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first).filter((k) => k !== documentKey);
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  const picked = sql.raw(columns.map((c) => `r."${c}"`).join(', '));
  const name = sql.identifier(table);
  for (let i = 0; i < rows.length; i += size) {
    const batch = JSON.stringify(rows.slice(i, i + size));
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
