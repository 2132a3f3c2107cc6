import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { type Agent, agentFor, uniq } from '../../test/factories.js';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
});
afterAll(async () => t?.close());

interface Node {
  id: string;
  code: string;
  parentId: string | null;
  name: string;
  nameEn: string | null;
  active: boolean;
  children?: Node[];
}

const post = (payload: Record<string, unknown>, agent: Agent = admin) =>
  agent.inject({ method: 'POST', url: '/api/opinion-categories', payload });
const patch = (id: string, payload: Record<string, unknown>, agent: Agent = admin) =>
  agent.inject({ method: 'PATCH', url: `/api/opinion-categories/${id}`, payload });

async function createPair() {
  const code = uniq('c');
  const top = await post({ code, name: `分类${code}`, nameEn: `Category ${code}`, sortOrder: 500 });
  expect(top.statusCode).toBe(201);
  const child = await post({ code: `${code}.lights`, parentId: top.json().id, name: '路灯', nameEn: 'Street lights' });
  expect(child.statusCode).toBe(201);
  return { top: top.json() as Node, child: child.json() as Node };
}

describe('opinion categories', () => {
  it('serves the seeded two-level tree to any account, and a flat list', async () => {
    const deputy = await agentFor(t.app, { role: 'deputy' });
    const res = await deputy.inject({ method: 'GET', url: '/api/opinion-categories' });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json() as { items: Node[]; total: number };
    const urban = items.find((c) => c.code === 'urban');
    expect(urban).toMatchObject({
      name: '城市建设与管理',
      nameEn: 'Urban construction and management',
      active: true,
      parentId: null,
    });
    expect(urban?.children?.map((c) => c.code)).toEqual(['urban.roads', 'urban.sanitation', 'urban.greening']);
    expect(items.every((c) => c.parentId === null)).toBe(true);
    expect(total).toBe(items.reduce((n, c) => n + 1 + (c.children?.length ?? 0), 0));

    const flat = (await deputy.inject({ method: 'GET', url: '/api/opinion-categories?flat=1' })).json() as {
      items: Node[];
      total: number;
    };
    expect(flat.total).toBe(total);
    expect(flat.items).toHaveLength(total);
    expect(flat.items.find((c) => c.code === 'urban.roads')?.parentId).toBe(urban?.id);
    expect(flat.items.every((c) => c.children === undefined)).toBe(true);

    expect((await deputy.inject({ method: 'GET', url: '/api/opinion-categories?flat=yes' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/opinion-categories' })).statusCode).toBe(401);
  });

  it('lets the system administrator add a top-level category and a child, audited', async () => {
    const { top, child } = await createPair();
    expect(top).toMatchObject({ parentId: null, active: true, nameEn: `Category ${top.code}` });
    expect(child).toMatchObject({ code: `${top.code}.lights`, parentId: top.id, name: '路灯' });

    const tree = (await admin.inject({ method: 'GET', url: '/api/opinion-categories' })).json() as { items: Node[] };
    expect(tree.items.find((c) => c.id === top.id)?.children?.map((c) => c.id)).toEqual([child.id]);

    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, child.id), eq(auditEvents.action, 'opinion_category.created')));
    expect(audit).toHaveLength(1);
  });

  it('refuses other roles', async () => {
    for (const role of ['office_staff', 'secadmin', 'leader'] as const) {
      const agent = await agentFor(t.app, { role, regionCode: '' });
      expect((await post({ code: uniq('c'), name: 'x' }, agent)).statusCode).toBe(403);
    }
  });

  it('validates codes, names and the two-level limit with clear messages', async () => {
    const { top, child } = await createPair();
    const en = { 'accept-language': 'en' };
    for (const code of ['Urban', '1abc', 'a.b.c', 'a-b', '', 'x'.repeat(33), 'a.']) {
      const res = await admin.inject({
        method: 'POST',
        url: '/api/opinion-categories',
        payload: { code, name: '名称' },
        headers: en,
      });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().issues[0].path).toBe('code');
    }
    const longName = await post({ code: uniq('c'), name: '长'.repeat(31) });
    expect(longName.statusCode).toBe(400);
    expect(longName.json().issues[0]).toMatchObject({ path: 'name', message: expect.stringContaining('30') });

    expect((await post({ code: top.code, name: '重复' })).json()).toMatchObject({
      statusCode: 409,
      code: 'DUPLICATE_CATEGORY_CODE',
    });
    expect((await post({ code: uniq('c'), name: top.name })).json()).toMatchObject({
      statusCode: 409,
      code: 'DUPLICATE_CATEGORY_NAME',
    });
    const missing = await post({ code: `${top.code}.x`, parentId: '00000000-0000-4000-8000-000000000000', name: '孤儿' });
    expect(missing.json()).toMatchObject({ statusCode: 404, code: 'PARENT_CATEGORY_NOT_FOUND' });
    const deep = await post({ code: `${top.code}.deeper`, parentId: child.id, name: '三级' });
    expect(deep.json()).toMatchObject({ statusCode: 400, code: 'CATEGORY_TOO_DEEP' });
    const elsewhere = await post({ code: 'other.lights2', parentId: top.id, name: '别处' });
    expect(elsewhere.json()).toMatchObject({ statusCode: 400, code: 'CATEGORY_CODE_NOT_UNDER_PARENT' });
    const dotted = await admin.inject({
      method: 'POST',
      url: '/api/opinion-categories',
      payload: { code: `${uniq('c')}.x`, name: '无上级' },
      headers: en,
    });
    expect(dotted.json()).toMatchObject({ statusCode: 400, code: 'CATEGORY_CODE_NEEDS_PARENT' });
    expect(dotted.json().message).toContain('second-level');
  });

  it('edits, deactivates with the children and reactivates, never deletes', async () => {
    const { top, child } = await createPair();
    const renamed = await patch(child.id, { name: '路灯照明', sortOrder: 3, nameEn: null });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '路灯照明', sortOrder: 3, nameEn: null, code: child.code });

    const off = await patch(top.id, { active: false });
    expect(off.json()).toMatchObject({ active: false });
    const flat = (await admin.inject({ method: 'GET', url: '/api/opinion-categories?flat=true' })).json() as { items: Node[] };
    expect(flat.items.find((c) => c.id === child.id)?.active).toBe(false);
    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, top.id), eq(auditEvents.action, 'opinion_category.deactivated')));
    expect(audit?.after).toMatchObject({ deactivatedChildren: [child.code] });

    const orphan = await patch(child.id, { active: true });
    expect(orphan.json()).toMatchObject({ statusCode: 409, code: 'PARENT_CATEGORY_INACTIVE' });
    const under = await post({ code: `${top.code}.new`, parentId: top.id, name: '新的' });
    expect(under.json()).toMatchObject({ statusCode: 409, code: 'PARENT_CATEGORY_INACTIVE' });

    expect((await patch(top.id, { active: true })).json()).toMatchObject({ active: true });
    expect((await patch(child.id, { active: true })).json()).toMatchObject({ active: true });

    expect((await patch(top.id, {})).statusCode).toBe(400);
    expect((await patch('00000000-0000-4000-8000-000000000000', { name: 'x' })).json()).toMatchObject({
      code: 'CATEGORY_NOT_FOUND',
    });
    expect((await admin.inject({ method: 'DELETE', url: `/api/opinion-categories/${top.id}` })).statusCode).toBe(404);
  });

  it('shows the public only the active tree, without an account', async () => {
    const { top, child } = await createPair();
    const other = await createPair();
    await patch(other.child.id, { active: false });
    await patch(top.id, { active: false });

    const res = await t.app.inject({ method: 'GET', url: '/api/public/opinion-categories' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('max-age');
    const { items, total } = res.json() as { items: (Node & { children: Node[] })[]; total: number };
    const ids = JSON.stringify(items);
    expect(ids).not.toContain(top.id);
    expect(ids).not.toContain(child.id);
    expect(ids).not.toContain(other.child.id);
    const shown = items.find((c) => c.id === other.top.id);
    expect(shown).toEqual({
      id: other.top.id,
      code: other.top.code,
      name: other.top.name,
      nameEn: other.top.nameEn,
      description: null,
      children: [],
    });
    expect(items.find((c) => c.code === 'urban')?.children.map((c) => c.code)).toContain('urban.roads');
    expect(total).toBe(items.reduce((n, c) => n + 1 + c.children.length, 0));
  });
});
