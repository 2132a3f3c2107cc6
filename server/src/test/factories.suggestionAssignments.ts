import { expect } from 'vitest';
import type { AssignmentRole } from '../modules/suggestions/suggestions.assignment.workflow.js';
import type { TestApp } from './app.js';
import { agentFor, uniq } from './factories.js';
import { buildOrganization } from './factories.organizations.js';
import { type SuggestionWorld, step, submitted } from './factories.suggestions.js';

/**
 * Factories for assignment (交办) and what is built on it (handling, evaluation, statistics). Every
 * helper goes through the API, as the office and the units would.
 *
 *   const unit = await handlingUnit(t, w);                 // a unit of w's county + a signed-in unit account
 *   const s = await acceptedSuggestion(w);                 // submitted by w.lead, accepted by w.office
 *   const panel = await assign(w, s.id, [{ unitId: unit.id, role: 'lead' }]);
 *   const a = assignmentOf(panel, unit.id);                // that unit's assignment (id, status, dueAt…)
 *   await acceptAs(unit, a.id);                            // the unit signs for it: status 'handling'
 *
 *   const x = await assignedSuggestion(t, w);              // all of the above: lead + co unit, both signed for
 *   x.lead.assignment.id, x.co.staff, x.suggestion.id …
 */

export interface HandlingUnit {
  id: string;
  name: string;
  /** A unit_staff account of this unit, signed in (staff.user is its row). */
  staff: Awaited<ReturnType<typeof agentFor>>;
}

/** The assignment panel GET/POST /api/suggestions/:id/assignments answers with. */
export interface Panel {
  suggestionId: string;
  state: string;
  dueAt: string | null;
  items: Assignment[];
  [k: string]: unknown;
}
export interface Assignment {
  id: string;
  unit: { id: string; name: string };
  role: AssignmentRole;
  status: string;
  dueAt: string;
  returnDueAt: string | null;
  actions: string[];
  [k: string]: unknown;
}

/** An active handling unit (a government department) in the world's county, with a signed-in account. */
export async function handlingUnit(
  t: TestApp,
  w: Pick<SuggestionWorld, 'county'>,
  name = `住建局${uniq()}`,
): Promise<HandlingUnit> {
  const unit = await buildOrganization(t.deps.db, { regionCode: w.county, name });
  const staff = await agentFor(t.app, { role: 'unit_staff', regionCode: w.county, organizationId: unit.id });
  return { id: unit.id, name: unit.name, staff };
}

/** A suggestion of w.lead, submitted alone and accepted by w.office (state 'accepted'). */
export async function acceptedSuggestion(w: SuggestionWorld, body: Record<string, unknown> = {}) {
  const s = await submitted(w, body);
  const accepted = await step(w.office, s.id, 'accept');
  return { ...accepted, id: s.id, number: accepted.number as number, title: accepted.title as string };
}

/** POST /api/suggestions/:id/assignments as w.office; expects 200 and returns the panel. */
export async function assign(
  w: Pick<SuggestionWorld, 'office'>,
  suggestionId: string,
  units: { unitId: string; role: AssignmentRole }[],
  extra: { batchLabel?: string; note?: string } = {},
): Promise<Panel> {
  const res = await w.office.inject({
    method: 'POST',
    url: `/api/suggestions/${suggestionId}/assignments`,
    payload: { units, ...extra },
  });
  expect(res.statusCode, `assign: ${res.body}`).toBe(200);
  return res.json() as Panel;
}

/** The live assignment of a unit in a panel (the newest when it was reassigned to it). */
export function assignmentOf(panel: Panel, unitId: string): Assignment {
  const found = panel.items.filter((a) => a.unit.id === unitId).at(-1);
  if (!found) throw new Error(`no assignment of unit ${unitId}`);
  return found;
}

/** POST /api/suggestion-assignments/:id/accept as the unit; expects 200. */
export async function acceptAs(unit: Pick<HandlingUnit, 'staff'>, assignmentId: string): Promise<Panel> {
  const res = await unit.staff.inject({ method: 'POST', url: `/api/suggestion-assignments/${assignmentId}/accept` });
  expect(res.statusCode, `accept: ${res.body}`).toBe(200);
  return res.json() as Panel;
}

/**
 * A suggestion accepted and assigned to a new lead unit and a new co unit, both signed for
 * (status 'handling'); the suggestion is 'assigned'.
 */
export async function assignedSuggestion(t: TestApp, w: SuggestionWorld, body: Record<string, unknown> = {}) {
  const suggestion = await acceptedSuggestion(w, body);
  const [lead, co] = [await handlingUnit(t, w), await handlingUnit(t, w, `发改局${uniq()}`)];
  const panel = await assign(w, suggestion.id, [
    { unitId: lead.id, role: 'lead' },
    { unitId: co.id, role: 'co' },
  ]);
  await acceptAs(lead, assignmentOf(panel, lead.id).id);
  const after = await acceptAs(co, assignmentOf(panel, co.id).id);
  return {
    suggestion,
    panel: after,
    lead: { ...lead, assignment: assignmentOf(after, lead.id) },
    co: { ...co, assignment: assignmentOf(after, co.id) },
  };
}
