import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Executor } from '../db/client.js';
import { defaultMotionMinSigners } from '../modules/suggestions/congresses.rules.js';
import { type CongressLevel, congresses, congressSessions, congressTerms } from '../modules/suggestions/congresses.tables.js';
import type { SuggestionState } from '../modules/suggestions/suggestions.workflow.js';
import { addDays, chinaDate } from '../platform/calendar/calendar.js';
import type { TestApp } from './app.js';
import { buildDeputy, type DeputyOverrides } from './factories.deputies.js';
import { type Agent, agentFor, uniq } from './factories.js';
import { buildOrganization } from './factories.organizations.js';
import { randomCounty } from './factories.stations.js';

type Signed = Awaited<ReturnType<typeof agentFor>>;

export const TERM = 16;
export const today = () => chinaDate(new Date());

/** A county picked at random that has no congress yet, so tests running together never share one. */
export async function countyWithoutCongress(db: Executor, opts: { notIn?: string } = {}) {
  for (;;) {
    const place = await randomCounty(db, opts);
    const [taken] = await db.select({ id: congresses.id }).from(congresses).where(eq(congresses.regionCode, place.county));
    if (!taken) return place;
  }
}

/**
 * A congress written straight to the tables: its current term (16, started two years ago, open-ended),
 * a session open today and a session of last year that has closed.
 */
export async function buildCongress(
  db: Executor,
  o: { regionCode: string; level?: CongressLevel; motionMinSigners?: number; name?: string },
) {
  const level = o.level ?? 'county';
  const [congress] = await db
    .insert(congresses)
    .values({
      regionCode: o.regionCode,
      level,
      name: o.name ?? `测试人民代表大会${uniq()}`,
      motionMinSigners: o.motionMinSigners ?? defaultMotionMinSigners(level),
    })
    .returning();
  if (!congress) throw new Error('congress not created');
  const day = today();
  const [term] = await db
    .insert(congressTerms)
    .values({
      congressId: congress.id,
      regionCode: congress.regionCode,
      number: TERM,
      startsOn: addDays(day, -730),
      endsOn: null,
    })
    .returning();
  if (!term) throw new Error('term not created');
  const [past, session] = await db
    .insert(congressSessions)
    .values([
      {
        congressId: congress.id,
        termId: term.id,
        regionCode: congress.regionCode,
        number: 1,
        opensOn: addDays(day, -400),
        closesOn: addDays(day, -396),
      },
      {
        congressId: congress.id,
        termId: term.id,
        regionCode: congress.regionCode,
        number: 2,
        opensOn: addDays(day, -1),
        closesOn: addDays(day, 3),
      },
    ])
    .returning();
  if (!past || !session) throw new Error('sessions not created');
  return { congress, term, session, pastSession: past };
}

/** A serving mandate of the congress's level, region and term 16, with its person's account signed in. */
export async function deputyAgent(t: TestApp, regionCode: string, o: Partial<DeputyOverrides> = {}) {
  const mandate = await buildDeputy(t.deps.db, t.deps.crypto, { regionCode, level: 'county', term: TERM, ...o });
  const agent = await agentFor(t.app, { role: 'deputy', regionCode, personId: mandate.personId });
  return { mandate: mandate.deputy, name: mandate.name, agent };
}

/**
 * Everyone a suggestion meets, in a county of its own: a congress (threshold 10), a lead deputy with
 * a delegation, nine serving co-signers, a deputy whose mandate ended, a deputy of another congress
 * and one of the same congress's previous term, the office, an office far away, a leader, a special
 * committee with its staff, another committee, a unit and a system administrator.
 */
export interface SuggestionWorld {
  county: string;
  congress: Awaited<ReturnType<typeof buildCongress>>['congress'];
  term: Awaited<ReturnType<typeof buildCongress>>['term'];
  session: Awaited<ReturnType<typeof buildCongress>>['session'];
  pastSession: Awaited<ReturnType<typeof buildCongress>>['pastSession'];
  lead: Awaited<ReturnType<typeof deputyAgent>>;
  cosigners: Awaited<ReturnType<typeof deputyAgent>>[];
  ended: Awaited<ReturnType<typeof buildDeputy>>;
  otherCongress: Awaited<ReturnType<typeof buildDeputy>>;
  previousTerm: Awaited<ReturnType<typeof buildDeputy>>;
  office: Signed;
  farOffice: Signed;
  leader: Signed;
  committee: Awaited<ReturnType<typeof buildOrganization>>;
  committeeStaff: Signed;
  otherCommitteeStaff: Signed;
  unitStaff: Signed;
  sysadmin: Signed;
}

export async function buildSuggestionWorld(t: TestApp, opts: { cosigners?: number } = {}): Promise<SuggestionWorld> {
  const { db, crypto } = t.deps;
  const { county } = await countyWithoutCongress(db);
  const far = await countyWithoutCongress(db, { notIn: county.slice(0, 4) });
  const built = await buildCongress(db, { regionCode: county });
  const lead = await deputyAgent(t, county, { delegation: '第一代表团' });
  const cosigners: Awaited<ReturnType<typeof deputyAgent>>[] = [];
  for (let i = 0; i < (opts.cosigners ?? 9); i++) cosigners.push(await deputyAgent(t, county));
  const ended = await buildDeputy(db, crypto, { regionCode: county, level: 'county', term: TERM, status: 'resigned' });
  const otherCongress = await buildDeputy(db, crypto, { regionCode: far.county, level: 'county', term: TERM });
  const previousTerm = await buildDeputy(db, crypto, { regionCode: county, level: 'county', term: TERM - 1 });
  const committee = await buildOrganization(db, { regionCode: county, kind: 'special_committee', name: `财经委${uniq()}` });
  const otherCommittee = await buildOrganization(db, { regionCode: county, kind: 'special_committee', name: `法制委${uniq()}` });
  const unit = await buildOrganization(db, { regionCode: county, name: `住建局${uniq()}` });
  const [office, farOffice, leader, committeeStaff, otherCommitteeStaff, unitStaff, sysadmin] = await Promise.all([
    agentFor(t.app, { role: 'office_staff', regionCode: county }),
    agentFor(t.app, { role: 'office_staff', regionCode: far.county }),
    agentFor(t.app, { role: 'leader', regionCode: county }),
    agentFor(t.app, { role: 'office_staff', regionCode: county, organizationId: committee.id }),
    agentFor(t.app, { role: 'office_staff', regionCode: county, organizationId: otherCommittee.id }),
    agentFor(t.app, { role: 'unit_staff', regionCode: county, organizationId: unit.id }),
    agentFor(t.app, { role: 'sysadmin', regionCode: '' }),
  ]);
  return {
    county,
    ...built,
    lead,
    cosigners,
    ended,
    otherCongress,
    previousTerm,
    office,
    farOffice,
    leader,
    committee,
    committeeStaff,
    otherCommitteeStaff,
    unitStaff,
    sysadmin,
  };
}

/** A complete text about one matter, unique so that similar-suggestion searches of parallel tests stay apart. */
export const suggestionText = (o: Record<string, unknown> = {}) => ({
  title: `关于维修幸福路路灯的建议${uniq()}`,
  grounds: '幸福路路灯损坏已有三个月，夜间行人和车辆通行存在安全隐患，周边居民多次反映。',
  proposal: '建议城市管理部门尽快组织维修幸福路损坏的路灯，并建立路灯巡查维护机制。',
  ...o,
});

export async function draft(agent: Agent, w: Pick<SuggestionWorld, 'session'>, body: Record<string, unknown> = {}) {
  const res = await agent.inject({
    method: 'POST',
    url: '/api/suggestions',
    payload: { sessionId: w.session.id, ...suggestionText(), ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; state: SuggestionState; [k: string]: unknown };
}

export function act(agent: Agent, id: string, action: string, body: Record<string, unknown> = {}) {
  return agent.inject({ method: 'POST', url: `/api/suggestions/${id}/transitions/${action}`, payload: body });
}

/** Applies an action and expects it to succeed. */
export async function step(agent: Agent, id: string, action: string, body: Record<string, unknown> = {}) {
  const res = await act(agent, id, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as { state: SuggestionState; [k: string]: unknown };
}

export async function answer(agent: Agent, id: string, decision: 'confirm' | 'decline', reason?: string) {
  return agent.inject({ method: 'POST', url: `/api/suggestions/${id}/cosignature`, payload: { decision, reason } });
}

/** A suggestion of the lead deputy, submitted alone, waiting for the office's review. */
export async function submitted(w: SuggestionWorld, body: Record<string, unknown> = {}) {
  const s = await draft(w.lead.agent, w, body);
  await step(w.lead.agent, s.id, 'submit');
  return s;
}
