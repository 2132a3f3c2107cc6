import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildDeputy } from '../../test/factories.deputies.js';
import { type Agent, agentFor, uniq } from '../../test/factories.js';

/**
 * The search of migration 0009: the mandate's copies of the person's name keys must follow every
 * change of the person, and short Chinese names must be found through the name grams.
 */
let t: TestApp;
let office: Agent;
const group = uniq('检索组');

beforeAll(async () => {
  t = await createTestApp();
  office = await agentFor(t.app, { role: 'office_staff', regionCode: '2301' });
  const build = (name: string, o: { level?: 'county' | 'municipal' | 'township'; regionCode?: string } = {}) =>
    buildDeputy(t.deps.db, t.deps.crypto, { name, deputyGroup: group, regionCode: o.regionCode ?? '230102', level: o.level });
  await build('王芳');
  await build('王芳芳', { level: 'municipal' });
  await build('欧阳修文');
  await build('阿依古丽·买买提');
  await build('100%满意');
  await build('李四', { regionCode: '230102001', level: 'township' });
});
afterAll(async () => t?.close());

async function search(q: string, extra = '') {
  const res = await office.inject({
    method: 'GET',
    url: `/api/deputies?deputyGroup=${encodeURIComponent(group)}&q=${encodeURIComponent(q)}${extra}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { items: { name: string }[]; total: number };
  return { names: body.items.map((i) => i.name), total: body.total };
}

describe('deputy search', () => {
  it('finds one- and two-character names and longer substrings, and takes LIKE wildcards literally', async () => {
    expect((await search('芳')).names).toEqual(['王芳', '王芳芳']);
    expect((await search('王芳')).names).toEqual(['王芳', '王芳芳']);
    expect((await search('芳芳')).names).toEqual(['王芳芳']);
    expect((await search('阳修文')).names).toEqual(['欧阳修文']);
    expect((await search('·买')).names).toEqual(['阿依古丽·买买提']);
    expect((await search('%')).names).toEqual(['100%满意']);
    expect((await search('_')).total).toBe(0);
    expect((await search('芳王')).total).toBe(0);
  });

  it('pages and sorts a search like the list, and counts past the last page', async () => {
    expect((await search('wang')).names).toEqual(['王芳', '王芳芳']);
    expect((await search('wf', '&sort=level')).names).toEqual(['王芳芳', '王芳']);
    expect((await search('王', '&sort=-name')).names).toEqual(['王芳芳', '王芳']);
    expect(await search('王', '&pageSize=1&page=2')).toEqual({ names: ['王芳芳'], total: 2 });
    expect(await search('王', '&pageSize=1&page=5')).toEqual({ names: [], total: 2 });
    expect(await search('王', '&level=municipal')).toEqual({ names: ['王芳芳'], total: 1 });
    expect((await search('li', '&regionCode=230102001')).names).toEqual(['李四']);
  });

  it('follows a renamed person: new name, pinyin and initials are found, the old ones are not', async () => {
    const d = await buildDeputy(t.deps.db, t.deps.crypto, { name: '赵敏', deputyGroup: group, regionCode: '230102' });
    await buildDeputy(t.deps.db, t.deps.crypto, { personId: d.personId, regionCode: '230102', level: 'municipal' });
    const renamed = await office.inject({ method: 'PATCH', url: `/api/deputies/${d.deputy.id}`, payload: { name: '钱敏' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await search('钱敏')).total).toBe(1);
    expect((await search('qianmin')).total).toBe(1);
    expect((await search('qm')).total).toBe(1);
    expect((await search('赵')).total).toBe(0);
    expect((await search('zhaomin')).total).toBe(0);
    // Both mandates of the person carry the new keys, the one outside the group too.
    const rows = await t.deps.database.raw.query<{ person_name: string; person_initials: string; sort_key: string }>(
      'SELECT person_name, person_initials, sort_key FROM deputies WHERE person_id = $1',
      [d.personId],
    );
    expect(rows).toEqual([
      { person_name: '钱敏', person_initials: 'qm', sort_key: 'qianmin 钱敏' },
      { person_name: '钱敏', person_initials: 'qm', sort_key: 'qianmin 钱敏' },
    ]);
  });
});
