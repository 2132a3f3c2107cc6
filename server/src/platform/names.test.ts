import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { advance, buildCaseWorld, buildOpinion, type CaseWorld } from '../test/factories.opinions.js';
import { NameCache, nameCacheOf } from './names.js';

let t: TestApp;
let w: CaseWorld;
let caseId: string;
let categoryId: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  const [category] = await t.deps.database.raw.query<{ id: string }>(`SELECT id FROM opinion_categories WHERE code = 'urban'`);
  categoryId = category?.id ?? '';
  caseId = (await buildOpinion(t.deps, { stationId: w.station.id, content: '小区路灯坏了，请尽快修复。', categoryId })).id;
  await advance(w, caseId, 'transferred');
});
afterAll(async () => t?.close());

/** What another process does: a change straight in the database, announced only by the trigger's notice. */
const elsewhere = (text: string, values: unknown[]) => t.deps.database.raw.query(text, values);

async function row(): Promise<Record<string, unknown>> {
  const res = await w.office.inject({ method: 'GET', url: `/api/opinions?queue=all&stationId=${w.station.id}` });
  expect(res.statusCode, res.body).toBe(200);
  const item = res.json().items.find((i: { id: string }) => i.id === caseId);
  expect(item).toBeDefined();
  return item;
}

describe('the names of a case list', () => {
  it('keeps the names of a page it showed, while it hears the notices', async () => {
    expect(nameCacheOf(t.deps.db).listening).toBe(true);
    const first = await row();
    expect(first).toMatchObject({ stationName: w.station.name, responsibleDeputyName: w.head.name, leadUnitName: w.unit.name });
    expect(first.categoryName).toBeTruthy();
    expect(first.regionName).toBeTruthy();
    const cache = nameCacheOf(t.deps.db);
    expect(cache.get('station', w.station.id)).toBe(w.station.name);
    expect(cache.get('deputy', w.head.id)).toBe(w.head.name);
    expect(cache.get('unit', w.unit.id)).toBe(w.unit.name);
  });

  it('shows a name changed by another process once the change commits', async () => {
    await row();
    await elsewhere('UPDATE stations SET name = $1 WHERE id = $2', ['更名后的联络站', w.station.id]);
    await elsewhere('UPDATE organizations SET name = $1 WHERE id = $2', ['更名后的主办单位', w.unit.id]);
    await elsewhere('UPDATE opinion_categories SET name = $1 WHERE id = $2', ['更名后的类别', categoryId]);
    await elsewhere('UPDATE regions SET name = $1 WHERE code = $2', ['更名后的镇', (await row()).regionCode]);
    // A deputy's name is their person's.
    await elsewhere('UPDATE persons SET name = $1 WHERE id = (SELECT person_id FROM deputies WHERE id = $2)', [
      '改名代表',
      w.head.id,
    ]);
    // PostgreSQL delivers the notice to the listening connection a moment after the commit.
    await expect
      .poll(async () => {
        const r = await row();
        return [r.stationName, r.leadUnitName, r.categoryName, r.regionName, r.responsibleDeputyName];
      })
      .toEqual(['更名后的联络站', '更名后的主办单位', '更名后的类别', '更名后的镇', '改名代表']);
  });

  it('keeps nothing while it does not hear the notices, and still answers', async () => {
    const cache = new NameCache();
    const name = await cache.lookup(t.deps.db, { station: [w.otherStation.id, null], unit: [w.coUnit.id] });
    expect(name('station', w.otherStation.id)).toBe(w.otherStation.name);
    expect(name('unit', w.coUnit.id)).toBe(w.coUnit.name);
    expect(name('station', null)).toBeNull();
    expect(cache.get('station', w.otherStation.id)).toBeUndefined();
  });

  it('forgets what a notice names, and everything on a notice it cannot read', async () => {
    const cache = nameCacheOf(t.deps.db);
    await row();
    expect(cache.get('unit', w.unit.id)).toBeDefined();
    cache.onNotice(`unit:${w.unit.id}`);
    expect(cache.get('unit', w.unit.id)).toBeUndefined();
    expect(cache.get('station', w.station.id)).toBeDefined();
    cache.onNotice('garbled');
    expect(cache.get('station', w.station.id)).toBeUndefined();
  });
});
