import { expect } from 'vitest';
import type { AssignmentRole } from '../modules/suggestions/suggestions.assignment.workflow.js';
import type { TestApp } from './app.js';
import { type Agent, agentFor, uniq } from './factories.js';
import { buildOrganization } from './factories.organizations.js';
import { acceptAs, assign, assignmentOf } from './factories.suggestionAssignments.js';
import { answer, buildSuggestionWorld, draft, type SuggestionWorld, step } from './factories.suggestions.js';

/**
 * A suggestion ready for handling, for the tests of replies and evaluation: a joint suggestion (one
 * co-signer confirmed) accepted by the office, assigned through the assignment API
 * (factories.suggestionAssignments.ts) and signed for by each unit, with each unit's staff signed in.
 * The lead unit has two accounts: the drafter (the world's unit account) and its head, who signs.
 */

type Signed = Awaited<ReturnType<typeof agentFor>>;

export interface HandledUnit {
  unitId: string;
  name: string;
  role: AssignmentRole;
  assignmentId: string;
  staff: Signed;
  /** A second account of the unit: the head who approves (签发) what the staff drafted. */
  head: Signed;
}

export interface HandlingWorld extends SuggestionWorld {
  suggestionId: string;
  units: HandledUnit[];
  lead: SuggestionWorld['lead'];
  cosigner: SuggestionWorld['cosigners'][number];
  /** A unit account of the same county whose unit was not assigned. */
  outsider: Signed;
}

const MONTH_MS = 30 * 24 * 3600 * 1000;

export async function buildHandlingWorld(
  t: TestApp,
  o: { roles?: AssignmentRole[]; status?: 'pending' | 'handling' } = {},
): Promise<HandlingWorld> {
  const w = await buildSuggestionWorld(t, { cosigners: 1 });
  const cosigner = w.cosigners[0];
  if (!cosigner) throw new Error('no co-signer');
  const s = await draft(w.lead.agent, w, { cosignerIds: [cosigner.mandate.id] });
  await step(w.lead.agent, s.id, 'submit');
  const confirmed = await answer(cosigner.agent, s.id, 'confirm');
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  await step(w.lead.agent, s.id, 'submit');
  await step(w.office, s.id, 'accept');

  const { db } = t.deps;
  const roles = o.roles ?? ['lead', 'co'];
  const made: { unitId: string; name: string; role: AssignmentRole; staff: Signed; head: Signed }[] = [];
  for (const [i, role] of roles.entries()) {
    // The world's own unit account drafts for the first (lead) unit.
    const unit =
      i === 0 && w.unitStaff.user.organizationId
        ? { id: w.unitStaff.user.organizationId, name: '' }
        : await buildOrganization(db, { regionCode: w.county, name: `协办局${uniq()}` });
    const staff =
      i === 0 ? w.unitStaff : await agentFor(t.app, { role: 'unit_staff', regionCode: w.county, organizationId: unit.id });
    const head = await agentFor(t.app, { role: 'unit_staff', regionCode: w.county, organizationId: unit.id });
    made.push({ unitId: unit.id, name: unit.name, role, staff, head });
  }
  // Assigned through the assignment API, as the office does; each unit signs for it unless told not to.
  let panel = await assign(
    w,
    s.id,
    made.map((u) => ({ unitId: u.unitId, role: u.role })),
  );
  if ((o.status ?? 'handling') === 'handling') {
    for (const u of made) panel = await acceptAs(u, assignmentOf(panel, u.unitId).id);
  }
  const units: HandledUnit[] = made.map((u) => ({ ...u, assignmentId: assignmentOf(panel, u.unitId).id }));
  const outsiderUnit = await buildOrganization(db, { regionCode: w.county, name: `无关局${uniq()}` });
  const outsider = await agentFor(t.app, { role: 'unit_staff', regionCode: w.county, organizationId: outsiderUnit.id });
  return { ...w, suggestionId: s.id, units, cosigner, outsider };
}

export const unitOf = (w: HandlingWorld, role: AssignmentRole): HandledUnit => {
  const u = w.units.find((x) => x.role === role);
  if (!u) throw new Error(`no ${role} unit`);
  return u;
};

/** A complete reply: every letter field, and a commitment for B and C. */
export const replyBody = (o: Record<string, unknown> = {}) => {
  const replyClass = (o.replyClass as string | undefined) ?? 'A';
  const inAMonth = new Date(Date.now() + MONTH_MS).toISOString().slice(0, 10);
  return {
    replyClass,
    text: '经研究，我局已于本月组织维修幸福路损坏路灯共12盏，并建立月度巡查机制。\n今后将持续做好路灯维护工作。',
    referenceNumber: `住建函〔2026〕${Math.floor(Math.random() * 900) + 100}号`,
    signerName: '王局长',
    contactName: '李科长',
    contactPhone: '0451-12345678',
    commitments: replyClass === 'B' || replyClass === 'C' ? [{ content: '年内完成幸福路全线路灯更换', dueOn: inAMonth }] : [],
    ...o,
  };
};

export const handlingOf = async (agent: Agent, id: string) => {
  const res = await agent.inject({ method: 'GET', url: `/api/suggestions/${id}/handling` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Record<string, unknown> & { state: string; [k: string]: unknown };
};

export const call = (agent: Agent, method: 'POST' | 'PUT', url: string, payload: unknown = {}) =>
  agent.inject({ method, url: `/api/suggestions/${url}`, payload: payload as Record<string, unknown> });

/** Drafts, submits and has the head approve a reply; expects each step to succeed. */
export async function approvedReply(w: HandlingWorld, u: HandledUnit, body: Record<string, unknown> = {}) {
  for (const [agent, method, path, payload] of [
    [u.staff, 'PUT', 'reply', replyBody(body)],
    [u.staff, 'POST', 'reply/submit', {}],
    [u.head, 'POST', 'reply/approve', {}],
  ] as const) {
    const res = await call(agent, method, `${w.suggestionId}/${path}`, payload);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  }
}

/** Approves and sends a reply. */
export async function sentReply(w: HandlingWorld, u: HandledUnit, body: Record<string, unknown> = {}) {
  await approvedReply(w, u, body);
  const res = await call(u.staff, 'POST', `${w.suggestionId}/reply/send`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { state: string; [k: string]: unknown };
}
