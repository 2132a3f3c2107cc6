import { expect } from 'vitest';
import type { AppDeps } from '../app.js';
import { createOpinion } from '../modules/opinions/commands/createOpinion.js';
import { CreateOpinionBody, type CreateOpinionInput } from '../modules/opinions/opinions.schema.js';
import type { OpinionState } from '../modules/opinions/opinions.workflow.js';
import { stationMembers } from '../modules/stations/stations.tables.js';
import { systemContext } from '../platform/context.js';
import type { TestApp } from './app.js';
import { type Agent, agentFor, uniq } from './factories.js';
import { buildOrganization } from './factories.organizations.js';
import { buildDeputy, buildStation, randomCounty } from './factories.stations.js';

type Signed = Awaited<ReturnType<typeof agentFor>>;

/**
 * Everyone a case meets, in a county of its own: a station with a head deputy (the default
 * responsible deputy) and a second member, station staff, the county's office and a leader, a lead
 * unit and a co unit with their accounts — and outsiders of each kind for the refusals.
 */
export interface CaseWorld {
  county: string;
  township: string;
  station: Awaited<ReturnType<typeof buildStation>>;
  otherStation: Awaited<ReturnType<typeof buildStation>>;
  head: Awaited<ReturnType<typeof buildDeputy>>;
  member: Awaited<ReturnType<typeof buildDeputy>>;
  /** The head deputy's account. */
  deputy: Signed;
  /** A deputy of the same station who is not responsible for its cases. */
  otherDeputy: Signed;
  stationStaff: Signed;
  otherStationStaff: Signed;
  office: Signed;
  /** Office staff of another county. */
  farOffice: Signed;
  leader: Signed;
  unit: Awaited<ReturnType<typeof buildOrganization>>;
  coUnit: Awaited<ReturnType<typeof buildOrganization>>;
  unitStaff: Signed;
  coUnitStaff: Signed;
  /** A congress body: not a handling unit. */
  congressBody: Awaited<ReturnType<typeof buildOrganization>>;
}

export async function buildCaseWorld(t: TestApp): Promise<CaseWorld> {
  const { db, crypto } = t.deps;
  const { county, township } = await randomCounty(db);
  const far = await randomCounty(db, { notIn: county.slice(0, 4) });
  const station = await buildStation(db, { regionCode: township });
  const otherStation = await buildStation(db, { regionCode: township });
  const head = await buildDeputy(db, crypto, { regionCode: county });
  const member = await buildDeputy(db, crypto, { regionCode: county });
  await db.insert(stationMembers).values([
    { stationId: station.id, deputyId: head.id, regionCode: station.regionCode, role: 'head' },
    { stationId: station.id, deputyId: member.id, regionCode: station.regionCode, role: 'member' },
  ]);
  const unit = await buildOrganization(db, { regionCode: county, name: `${county}住建局${uniq()}` });
  const coUnit = await buildOrganization(db, { regionCode: county, name: `${county}城管局${uniq()}` });
  const congressBody = await buildOrganization(db, { regionCode: county, kind: 'office' });
  const [deputy, otherDeputy, stationStaff, otherStationStaff, office, farOffice, leader, unitStaff, coUnitStaff] =
    await Promise.all([
      agentFor(t.app, { role: 'deputy', regionCode: county, personId: head.personId }),
      agentFor(t.app, { role: 'deputy', regionCode: county, personId: member.personId }),
      agentFor(t.app, { role: 'station_staff', regionCode: township, stationId: station.id }),
      agentFor(t.app, { role: 'station_staff', regionCode: township, stationId: otherStation.id }),
      agentFor(t.app, { role: 'office_staff', regionCode: county }),
      agentFor(t.app, { role: 'office_staff', regionCode: far.county }),
      agentFor(t.app, { role: 'leader', regionCode: county }),
      agentFor(t.app, { role: 'unit_staff', regionCode: county, organizationId: unit.id }),
      agentFor(t.app, { role: 'unit_staff', regionCode: county, organizationId: coUnit.id }),
    ]);
  return {
    county,
    township,
    station,
    otherStation,
    head,
    member,
    deputy,
    otherDeputy,
    stationStaff,
    otherStationStaff,
    office,
    farOffice,
    leader,
    unit,
    coUnit,
    unitStaff,
    coUnitStaff,
    congressBody,
  };
}

/** A case as the public portal makes it (through the command, so it has its event, tokens and deadline). */
export async function buildOpinion(deps: AppDeps, o: Partial<CreateOpinionInput> & { stationId: string }) {
  const input = CreateOpinionBody.parse({
    channel: 'qr',
    content: `小区门口的路灯坏了一个月，晚上出行不安全。${uniq()}`,
    submitter: { name: '王小明', phone: '13912345678', address: '幸福路 8 号' },
    consentShare: true,
    ...o,
  });
  const { opinion } = await createOpinion(deps, systemContext('test'), input, { as: 'public' });
  return opinion;
}

export async function act(agent: Agent, id: string, action: string, body: Record<string, unknown> = {}) {
  return agent.inject({ method: 'POST', url: `/api/opinions/${id}/transitions/${action}`, payload: body });
}

/** Applies an action and expects it to succeed. */
export async function step(agent: Agent, id: string, action: string, body: Record<string, unknown> = {}) {
  const res = await act(agent, id, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as { state: OpinionState; [k: string]: unknown };
}

/** Walks a fresh case along the main path of DESIGN §3.1 until it reaches `target`. */
export async function advance(w: CaseWorld, id: string, target: OpinionState): Promise<void> {
  const path: [OpinionState, () => Promise<unknown>][] = [
    ['accepted', () => step(w.deputy, id, 'accept')],
    ['in_review', () => step(w.deputy, id, 'escalate')],
    ['transferred', () => step(w.office, id, 'transfer', { leadUnitId: w.unit.id, coUnitIds: [w.coUnit.id] })],
    ['handling', () => step(w.unitStaff, id, 'unit_accept')],
    ['replied', () => step(w.unitStaff, id, 'reply', { result: 'resolved', text: '已更换路灯。' })],
    ['awaiting_evaluation', () => step(w.stationStaff, id, 'feedback')],
  ];
  for (const [state, go] of path) {
    await go();
    if (state === target) return;
  }
  throw new Error(`advance: ${target} is not on the main path`);
}
