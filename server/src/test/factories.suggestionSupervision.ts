import { inflateRawSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { ReplyClass } from '../modules/suggestions/congresses.tables.js';
import type { AssignmentRole } from '../modules/suggestions/suggestions.assignment.workflow.js';
import {
  type ConsultationKind,
  suggestionAssignments,
  suggestionConsultations,
  suggestionEvaluations,
  suggestionReplies,
} from '../modules/suggestions/suggestions.handling.tables.js';
import { suggestions } from '../modules/suggestions/suggestions.tables.js';
import type { Rating } from '../modules/suggestions/suggestions.workflow.js';
import { users } from '../platform/platform.tables.js';
import type { TestApp } from './app.js';
import { agentFor, uniq } from './factories.js';
import { uniqMobile } from './factories.notifications.js';
import { buildOrganization } from './factories.organizations.js';
import { buildSuggestionWorld, countyWithoutCongress, type SuggestionWorld, step, submitted } from './factories.suggestions.js';

/**
 * Supervision and publication tests need suggestions that are assigned, replied and evaluated. The
 * commands that write those rows are built in parallel, so these factories write them straight to
 * the tables of migration 0011, as those commands will leave them.
 */

const DAY = 86_400_000;

export interface SupervisionWorld extends SuggestionWorld {
  units: { id: string; name: string }[];
  unitAgents: Awaited<ReturnType<typeof agentFor>>[];
  /** The mobile numbers of the unit accounts, for the SMS of urgings. */
  unitPhones: string[];
  farLeader: Awaited<ReturnType<typeof agentFor>>;
  auditor: Awaited<ReturnType<typeof agentFor>>;
}

/** The suggestion world with two units (each with an account that has a mobile number) and a leader far away. */
export async function buildSupervisionWorld(t: TestApp): Promise<SupervisionWorld> {
  const w = await buildSuggestionWorld(t, { cosigners: 0 });
  const far = await countyWithoutCongress(t.deps.db, { notIn: w.county.slice(0, 4) });
  const units = [
    await buildOrganization(t.deps.db, { regionCode: w.county, name: `交通运输局${uniq()}` }),
    await buildOrganization(t.deps.db, { regionCode: w.county, name: `自然资源局${uniq()}` }),
  ];
  const unitAgents = [];
  const unitPhones = [];
  for (const unit of units) {
    const agent = await agentFor(t.app, { role: 'unit_staff', regionCode: w.county, organizationId: unit.id });
    const phone = uniqMobile();
    await t.deps.db.update(users).set({ phone }).where(eq(users.id, agent.user.id));
    unitAgents.push(agent);
    unitPhones.push(phone);
  }
  const farLeader = await agentFor(t.app, { role: 'leader', regionCode: far.county });
  const auditor = await agentFor(t.app, { role: 'auditor', regionCode: '' });
  return {
    ...w,
    units: units.map((u) => ({ id: u.id, name: u.name })),
    unitAgents,
    unitPhones,
    farLeader,
    auditor,
  };
}

/** A leader account with a name of its own, so a search by name or pinyin can find it. */
export async function namedLeader(t: TestApp, regionCode: string, displayName: string) {
  const agent = await agentFor(t.app, { role: 'leader', regionCode });
  await t.deps.db.update(users).set({ displayName }).where(eq(users.id, agent.user.id));
  return agent;
}

/** A suggestion of the lead deputy, submitted and accepted through the API. */
export async function acceptedSuggestion(w: SuggestionWorld, body: Record<string, unknown> = {}) {
  const s = await submitted(w, body);
  await step(w.office, s.id, 'accept', {});
  return s;
}

/** Assigns the suggestion to units straight in the tables (due three months on, or as given). */
export async function assignRows(
  t: TestApp,
  suggestionId: string,
  units: { unitId: string; role?: AssignmentRole; dueAt?: Date; assignedAt?: Date }[],
) {
  const [row] = await t.deps.db.select().from(suggestions).where(eq(suggestions.id, suggestionId));
  if (!row) throw new Error('suggestion not found');
  const now = new Date();
  const rows = await t.deps.db
    .insert(suggestionAssignments)
    .values(
      units.map((u) => {
        const dueAt = u.dueAt ?? new Date(now.getTime() + 90 * DAY);
        return {
          suggestionId,
          regionCode: row.regionCode,
          unitId: u.unitId,
          role: u.role ?? 'lead',
          assignedAt: u.assignedAt ?? now,
          returnDueAt: new Date(now.getTime() + 9 * DAY),
          dueAt,
          originalDueAt: dueAt,
        };
      }),
    )
    .returning();
  await t.deps.db
    .update(suggestions)
    .set({ state: 'assigned', assignedAt: now, dueAt: rows[0]?.dueAt ?? null })
    .where(eq(suggestions.id, suggestionId));
  return rows;
}

/** A reply sent by the unit on its assignment, with its class; the suggestion waits for the deputy's rating. */
export async function replyRow(
  t: TestApp,
  assignment: typeof suggestionAssignments.$inferSelect,
  o: { replyClass: ReplyClass; text?: string; onTime?: boolean; sentAt?: Date; contactPhone?: string },
) {
  const sentAt = o.sentAt ?? new Date();
  const onTime = o.onTime ?? sentAt.getTime() <= assignment.dueAt.getTime();
  const [reply] = await t.deps.db
    .insert(suggestionReplies)
    .values({
      suggestionId: assignment.suggestionId,
      regionCode: assignment.regionCode,
      assignmentId: assignment.id,
      unitId: assignment.unitId,
      status: 'sent',
      replyClass: o.replyClass,
      text: o.text ?? '经研究，我局已于本月完成幸福路路灯的维修，并建立了巡查维护机制。',
      referenceNumber: `答复〔2026〕${uniq().slice(0, 4)}号`,
      signerName: '王局长',
      contactName: '李明',
      contactPhone: o.contactPhone ?? '13800138000',
      approvedAt: sentAt,
      sentAt,
      onTime,
    })
    .returning();
  if (!reply) throw new Error('reply not written');
  await t.deps.db
    .update(suggestionAssignments)
    .set({ status: 'replied', repliedAt: sentAt, repliedOnTime: onTime })
    .where(eq(suggestionAssignments.id, assignment.id));
  await t.deps.db
    .update(suggestions)
    .set({ state: 'awaiting_evaluation', replyClass: o.replyClass, repliedAt: sentAt, evaluationRound: 1 })
    .where(eq(suggestions.id, assignment.suggestionId));
  return reply;
}

export async function consultationRow(
  t: TestApp,
  assignment: typeof suggestionAssignments.$inferSelect,
  deputyId: string,
  kind: ConsultationKind = 'face_to_face',
) {
  await t.deps.db.insert(suggestionConsultations).values({
    suggestionId: assignment.suggestionId,
    regionCode: assignment.regionCode,
    assignmentId: assignment.id,
    unitId: assignment.unitId,
    deputyId,
    kind,
    heldAt: new Date(),
    summary: '与代表当面沟通办理方案',
    confirmation: 'confirmed',
  });
}

/** The deputy's rating of the handling as a whole (round 1); the suggestion is closed. */
export async function evaluationRow(t: TestApp, suggestionId: string, deputyId: string, result: Rating | null) {
  const [row] = await t.deps.db.select().from(suggestions).where(eq(suggestions.id, suggestionId));
  if (!row) throw new Error('suggestion not found');
  await t.deps.db.insert(suggestionEvaluations).values({
    suggestionId,
    regionCode: row.regionCode,
    round: 1,
    deputyId,
    result,
    attitude: result,
    silent: result === null,
    evaluatedAt: new Date(),
  });
  await t.deps.db.update(suggestions).set({ state: 'closed', closedAt: new Date() }).where(eq(suggestions.id, suggestionId));
}

/**
 * One entry of a .docx (a zip): read from the central directory, inflated with node:zlib, so the
 * tests need no zip library of their own.
 */
export function zipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entryName = zip.toString('utf8', p + 46, p + 46 + nameLength);
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    p += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} not in the zip`);
}

/** The visible text of a Word document: its runs, joined. */
export const docxText = (docx: Buffer) =>
  zipEntry(docx, 'word/document.xml')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');
