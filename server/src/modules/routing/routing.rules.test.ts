import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import { buildOrganization } from '../../test/factories.organizations.js';
import { buildCategory } from '../../test/factories.routing.js';
import { routingRules } from '../opinions/opinions.tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface Rule {
  id: string;
  categoryId: string;
  regionCode: string;
  unitId: string;
  unitName: string;
  validFrom: string;
  validTo: string | null;
  current: boolean;
  createdBy: string | null;
  endedBy: string | null;
  endedByName: string | null;
}

const NOWHERE = '00000000-0000-4000-8000-000000000000';

describe('routing rules', () => {
  it('replaces the rule in force and keeps the history: two rows, one current', async () => {
    const office = await agentFor(t.app, { role: 'office_staff', regionCode: '230102' });
    const category = await buildCategory(t.deps.db);
    const first = await buildOrganization(t.deps.db, { regionCode: '230102' });
    // A unit of the city may be the default for one of its districts.
    const second = await buildOrganization(t.deps.db, { regionCode: '2301' });
    const put = (unitId: string) =>
      office.inject({
        method: 'PUT',
        url: '/api/routing-rules',
        payload: { categoryId: category.id, regionCode: '230102', unitId },
      });

    const a = await put(first.id);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({
      unitId: first.id,
      unitName: first.name,
      current: true,
      validTo: null,
      createdBy: office.user.id,
    });
    const b = await put(second.id);
    expect(b.statusCode).toBe(200);
    const current = b.json() as Rule;
    expect(current).toMatchObject({ unitId: second.id, unitRegionCode: '2301', regionName: '道里区', current: true });

    const list = (q: string) => office.inject({ method: 'GET', url: `/api/routing-rules?categoryId=${category.id}${q}` });
    const now = (await list('')).json() as { items: Rule[]; total: number };
    expect(now.total).toBe(1);
    expect(now.items.map((r) => r.id)).toEqual([current.id]);

    const history = (await list('&includeHistory=1')).json() as { items: Rule[]; total: number };
    expect(history.total).toBe(2);
    expect(history.items.map((r) => [r.unitId, r.current])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    const ended = history.items[1] as Rule;
    // No gap and no overlap: the old rule ends exactly when the new one starts.
    expect(ended.validTo).toBe(current.validFrom);
    expect(ended).toMatchObject({ endedBy: office.user.id, endedByName: '测试用户' });

    // Setting the unit already in force writes nothing.
    expect((await put(second.id)).json().id).toBe(current.id);
    const rows = await t.deps.db.select().from(routingRules).where(eq(routingRules.categoryId, category.id));
    expect(rows).toHaveLength(2);

    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'routing_rule.set'), eq(auditEvents.entityId, current.id)));
    expect(audit[0]?.before).toMatchObject({ id: ended.id, unitId: first.id });
  });

  it('keeps an office within its region: 230102 cannot set a rule for 230103', async () => {
    const office = await agentFor(t.app, { role: 'office_staff', regionCode: '230102' });
    const category = await buildCategory(t.deps.db);
    const unit = await buildOrganization(t.deps.db, { regionCode: '230103' });
    const res = await office.inject({
      method: 'PUT',
      url: '/api/routing-rules',
      payload: { categoryId: category.id, regionCode: '230103', unitId: unit.id },
    });
    expect(res.statusCode).toBe(403);

    const theirs = await agentFor(t.app, { role: 'office_staff', regionCode: '230103' });
    const set = await theirs.inject({
      method: 'PUT',
      url: '/api/routing-rules',
      payload: { categoryId: category.id, regionCode: '230103', unitId: unit.id },
    });
    expect(set.statusCode).toBe(200);
    // Lists show the reader's subtree only, and an end needs the rule's region in scope.
    const seen = (await office.inject({ method: 'GET', url: `/api/routing-rules?categoryId=${category.id}` })).json();
    expect(seen.total).toBe(0);
    expect((await office.inject({ method: 'DELETE', url: `/api/routing-rules/${set.json().id}` })).statusCode).toBe(403);
    const city = await agentFor(t.app, { role: 'leader', regionCode: '2301' });
    expect((await city.inject({ method: 'GET', url: `/api/routing-rules?categoryId=${category.id}` })).json().total).toBe(1);
    expect(
      (await city.inject({ method: 'GET', url: `/api/routing-rules?categoryId=${category.id}&regionCode=230102` })).json().total,
    ).toBe(0);
    expect(
      (
        await city.inject({
          method: 'PUT',
          url: '/api/routing-rules',
          payload: { categoryId: category.id, regionCode: '230103', unitId: unit.id },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('checks the unit: of the region or above (400), a handling unit (400), active (409)', async () => {
    const office = await agentFor(t.app, { role: 'office_staff', regionCode: '2301' });
    const category = await buildCategory(t.deps.db);
    const put = (unitId: string, regionCode = '230102', categoryId = category.id) =>
      office.inject({
        method: 'PUT',
        url: '/api/routing-rules',
        payload: { categoryId, regionCode, unitId },
        headers: { 'accept-language': 'en' },
      });

    const neighbour = await buildOrganization(t.deps.db, { regionCode: '230103' });
    const outside = await put(neighbour.id);
    expect(outside.json()).toMatchObject({ statusCode: 400, code: 'UNIT_OUTSIDE_REGION' });
    expect(outside.json().message).toContain('230103');
    // A district unit cannot serve the whole city either.
    expect((await put(neighbour.id, '2301')).json()).toMatchObject({ statusCode: 400, code: 'UNIT_OUTSIDE_REGION' });

    const congress = await buildOrganization(t.deps.db, { regionCode: '230102', kind: 'office' });
    expect((await put(congress.id)).json()).toMatchObject({ statusCode: 400, code: 'NOT_A_UNIT' });
    const inactive = await buildOrganization(t.deps.db, { regionCode: '230102', status: 'inactive' });
    expect((await put(inactive.id)).json()).toMatchObject({ statusCode: 409, code: 'UNIT_INACTIVE' });
    expect((await put(NOWHERE)).json()).toMatchObject({ statusCode: 404, code: 'UNIT_NOT_FOUND' });

    const unit = await buildOrganization(t.deps.db, { regionCode: '230102' });
    const retired = await buildCategory(t.deps.db, { active: false });
    expect((await put(unit.id, '230102', retired.id)).json()).toMatchObject({ statusCode: 409, code: 'CATEGORY_INACTIVE' });
    expect((await put(unit.id, '230102', NOWHERE)).json()).toMatchObject({ statusCode: 404, code: 'CATEGORY_NOT_FOUND' });
    expect((await put(unit.id, '230199')).json()).toMatchObject({ statusCode: 404, code: 'REGION_NOT_FOUND' });

    const bad = await office.inject({
      method: 'PUT',
      url: '/api/routing-rules',
      payload: { categoryId: 'x', regionCode: '23010', unitId: unit.id },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['categoryId', 'regionCode']);
    expect(await t.deps.db.select().from(routingRules).where(eq(routingRules.categoryId, category.id))).toHaveLength(0);
  });

  it('ends a rule without a successor and keeps it as history', async () => {
    const office = await agentFor(t.app, { role: 'office_staff', regionCode: '230102' });
    const category = await buildCategory(t.deps.db);
    const unit = await buildOrganization(t.deps.db, { regionCode: '230102' });
    const set = await office.inject({
      method: 'PUT',
      url: '/api/routing-rules',
      payload: { categoryId: category.id, regionCode: '230102', unitId: unit.id },
    });
    const id = set.json().id as string;
    const end = await office.inject({ method: 'DELETE', url: `/api/routing-rules/${id}` });
    expect(end.statusCode).toBe(200);
    expect(end.json()).toMatchObject({ id, current: false, endedBy: office.user.id });
    expect(end.json().validTo).not.toBeNull();

    const again = await office.inject({ method: 'DELETE', url: `/api/routing-rules/${id}` });
    expect(again.json()).toMatchObject({ statusCode: 409, code: 'ROUTING_RULE_ENDED' });
    expect((await office.inject({ method: 'DELETE', url: `/api/routing-rules/${NOWHERE}` })).statusCode).toBe(404);

    const list = (
      await office.inject({ method: 'GET', url: `/api/routing-rules?categoryId=${category.id}&includeHistory=true` })
    ).json();
    expect(list.items.map((r: Rule) => r.id)).toEqual([id]);
    expect((await office.inject({ method: 'GET', url: `/api/routing-rules?categoryId=${category.id}` })).json().total).toBe(0);
    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'routing_rule.ended'), eq(auditEvents.entityId, id)));
    expect(audit).toBeDefined();
  });

  it('lets exactly one of two simultaneous replacements be the current rule', async () => {
    const office = await agentFor(t.app, { role: 'office_staff', regionCode: '230102' });
    const category = await buildCategory(t.deps.db);
    const units = await Promise.all([1, 2, 3].map(() => buildOrganization(t.deps.db, { regionCode: '230102' })));
    const answers = await Promise.all(
      units.map((u) =>
        office.inject({
          method: 'PUT',
          url: '/api/routing-rules',
          payload: { categoryId: category.id, regionCode: '230102', unitId: u.id },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    const rows = await t.deps.db.select().from(routingRules).where(eq(routingRules.categoryId, category.id));
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.validTo === null)).toHaveLength(1);
  });
});
