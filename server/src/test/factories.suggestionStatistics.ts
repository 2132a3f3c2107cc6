import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ReplyClass } from '../modules/suggestions/congresses.tables.js';
import {
  type ConsultationKind,
  suggestionAssignments,
  suggestionConsultations,
  suggestionEvaluations,
  suggestionReplies,
} from '../modules/suggestions/suggestions.handling.tables.js';
import { suggestionCategories, suggestions } from '../modules/suggestions/suggestions.tables.js';
import type { Rating, SuggestionState } from '../modules/suggestions/suggestions.workflow.js';
import type { TestApp } from './app.js';
import { buildDeputy } from './factories.deputies.js';
import { type Agent, agentFor, uniq } from './factories.js';
import { buildOrganization } from './factories.organizations.js';
import { buildCongress, countyWithoutCongress, TERM } from './factories.suggestions.js';

/**
 * A county of its own with a congress, two lead deputies of two delegations, two units and the
 * accounts that read the figures. The handling rows (assignments, replies, consultations,
 * evaluations) are written straight to the tables: the commands that write them are built in
 * parallel, and the statistics must count whatever rows those commands leave.
 */
type Signed = Awaited<ReturnType<typeof agentFor>>;

export async function buildStatisticsWorld(t: TestApp) {
  const { db, crypto } = t.deps;
  const { county } = await countyWithoutCongress(db);
  const far = await countyWithoutCongress(db, { notIn: county.slice(0, 4) });
  const built = await buildCongress(db, { regionCode: county });
  const [east, west, loner] = await Promise.all([
    buildDeputy(db, crypto, { regionCode: county, level: 'county', term: TERM, delegation: '东城代表团' }),
    buildDeputy(db, crypto, { regionCode: county, level: 'county', term: TERM, delegation: '西城代表团' }),
    buildDeputy(db, crypto, { regionCode: county, level: 'county', term: TERM }),
  ]);
  const unit = await buildOrganization(db, { regionCode: county, name: `住建局${uniq()}` });
  const coUnit = await buildOrganization(db, { regionCode: county, name: `交通局${uniq()}` });
  const [office, farOffice, leader, unitStaff, coUnitStaff, deputy, sysadmin] = await Promise.all([
    agentFor(t.app, { role: 'office_staff', regionCode: county }),
    agentFor(t.app, { role: 'office_staff', regionCode: far.county }),
    agentFor(t.app, { role: 'leader', regionCode: county }),
    agentFor(t.app, { role: 'unit_staff', regionCode: county, organizationId: unit.id }),
    agentFor(t.app, { role: 'unit_staff', regionCode: county, organizationId: coUnit.id }),
    agentFor(t.app, { role: 'deputy', regionCode: county, personId: east.personId }),
    agentFor(t.app, { role: 'sysadmin', regionCode: '' }),
  ]);
  const categories = await db.select({ id: suggestionCategories.id, code: suggestionCategories.code }).from(suggestionCategories);
  const category = Object.fromEntries(categories.map((c) => [c.code, c.id])) as Record<string, string>;
  return {
    county,
    ...built,
    east: east.deputy,
    west: west.deputy,
    loner: loner.deputy,
    unit,
    coUnit,
    office,
    farOffice,
    leader,
    unitStaff,
    coUnitStaff,
    deputy,
    sysadmin,
    category,
  };
}
export type StatisticsWorld = Awaited<ReturnType<typeof buildStatisticsWorld>>;
export type { Signed };

const at = (local: string) => new Date(`${local}+08:00`);

export interface SuggestionSpec {
  lead?: { id: string };
  /** null: raised in the recess. */
  sessionId?: string | null;
  categoryId?: string | null;
  /** China time, e.g. '2026-03-05T10:00:00'; null: never submitted (a draft). */
  submittedAt?: string | null;
  accepted?: boolean;
  state?: SuggestionState;
  kind?: 'suggestion' | 'motion';
}

export async function insertSuggestion(t: TestApp, w: StatisticsWorld, o: SuggestionSpec = {}) {
  const submittedAt = o.submittedAt === null ? null : at(o.submittedAt ?? '2026-03-05T10:00:00');
  const sessionId = o.sessionId === undefined ? w.session.id : o.sessionId;
  const [row] = await t.deps.db
    .insert(suggestions)
    .values({
      regionCode: w.county,
      congressId: w.congress.id,
      termId: w.term.id,
      sessionId,
      phase: sessionId ? 'session' : 'recess',
      kind: o.kind ?? 'suggestion',
      originalKind: o.kind ?? 'suggestion',
      title: `关于改善公共服务的建议${uniq()}`,
      categoryId: o.categoryId === undefined ? (w.category.urban ?? null) : o.categoryId,
      leadDeputyId: (o.lead ?? w.east).id,
      state: o.state ?? (submittedAt ? (o.accepted === false ? 'submitted' : 'accepted') : 'draft'),
      submittedAt,
      lastSubmittedAt: submittedAt,
      acceptedAt: submittedAt && o.accepted !== false ? new Date(submittedAt.getTime() + 86_400_000) : null,
    })
    .returning();
  if (!row) throw new Error('suggestion not inserted');
  return row;
}

export async function assign(
  t: TestApp,
  s: { id: string; regionCode: string },
  unitId: string,
  o: {
    role?: 'lead' | 'co' | 'separate' | 'joint';
    round?: number;
    status?: 'pending' | 'handling' | 'returned';
    due?: string;
  } = {},
) {
  const due = at(o.due ?? '2026-06-10T23:59:59');
  const [row] = await t.deps.db
    .insert(suggestionAssignments)
    .values({
      suggestionId: s.id,
      regionCode: s.regionCode,
      unitId,
      role: o.role ?? 'lead',
      round: o.round ?? 1,
      status: o.status ?? 'handling',
      assignedAt: at('2026-03-10T10:00:00'),
      dueAt: due,
      originalDueAt: due,
    })
    .returning();
  if (!row) throw new Error('assignment not inserted');
  return row;
}

/** A reply sent (or still a draft) by the assigned unit; on time is left to the due date unless given. */
export async function reply(
  t: TestApp,
  a: { id: string; suggestionId: string; regionCode: string; unitId: string; round: number },
  o: { replyClass?: ReplyClass; sentAt?: string; status?: 'draft' | 'sent'; onTime?: boolean } = {},
) {
  const status = o.status ?? 'sent';
  const sentAt = status === 'sent' ? at(o.sentAt ?? '2026-05-20T10:00:00') : null;
  await t.deps.db.insert(suggestionReplies).values({
    suggestionId: a.suggestionId,
    regionCode: a.regionCode,
    assignmentId: a.id,
    unitId: a.unitId,
    round: a.round,
    status,
    replyClass: o.replyClass ?? 'A',
    text: '经研究，答复如下。',
    sentAt,
    onTime: o.onTime ?? null,
  });
  if (sentAt) {
    await t.deps.db
      .update(suggestionAssignments)
      .set({ status: 'replied', repliedAt: sentAt })
      .where(eq(suggestionAssignments.id, a.id));
  }
}

export async function consult(
  t: TestApp,
  a: { id: string; suggestionId: string; regionCode: string; unitId: string },
  deputyId: string,
  o: { kind?: ConsultationKind; confirmation?: 'pending' | 'confirmed' | 'disputed' } = {},
) {
  await t.deps.db.insert(suggestionConsultations).values({
    suggestionId: a.suggestionId,
    regionCode: a.regionCode,
    assignmentId: a.id,
    unitId: a.unitId,
    deputyId,
    kind: o.kind ?? 'face_to_face',
    heldAt: at('2026-04-01T10:00:00'),
    summary: '与代表见面沟通办理方案。',
    confirmation: o.confirmation ?? 'confirmed',
  });
}

export async function evaluate(
  t: TestApp,
  s: { id: string; regionCode: string; leadDeputyId: string },
  o: { round?: number; assignmentId?: string | null; result?: Rating | null; evaluatedAt?: string } = {},
) {
  const silent = o.result === null;
  await t.deps.db.insert(suggestionEvaluations).values({
    suggestionId: s.id,
    regionCode: s.regionCode,
    round: o.round ?? 1,
    assignmentId: o.assignmentId ?? null,
    deputyId: s.leadDeputyId,
    result: silent ? null : (o.result ?? 'satisfied'),
    attitude: silent ? null : 'satisfied',
    silent,
    evaluatedAt: at(o.evaluatedAt ?? '2026-06-01T10:00:00'),
  });
}

export async function getOk(agent: Agent, url: string) {
  const res = await agent.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

/** The list's total for a figure's link. */
export async function listTotal(agent: Agent, link: string): Promise<number> {
  const body = (await getOk(agent, `/api/suggestions?${link}&pageSize=1`)) as { total: number };
  return body.total;
}
