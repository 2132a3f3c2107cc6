import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinyinKeys } from '../../platform/text.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildDeputy } from '../../test/factories.deputies.js';
import { type Agent, agentFor, uniq } from '../../test/factories.js';

let t: TestApp;
let sysadmin: Agent;
/** Two Han characters no other test's names share, so the search answers are this file's persons only. */
let family: string;
let red: Awaited<ReturnType<typeof buildDeputy>>;
let orchid: Awaited<ReturnType<typeof buildDeputy>>;
let plum: Awaited<ReturnType<typeof buildDeputy>>;

interface Item {
  id: string;
  name: string;
  hasAccount: boolean;
  mandates: { level: string; regionCode: string; regionName: string | null }[];
}

// Rare characters with a known pinyin, none of them in other tests' names.
const RARE = '鬯龠夔饕餮魑魅魍魉耄耋饔飧彧韪赟骉犇淼燚';
const hanChar = () => [...RARE][randomInt(RARE.length)] as string;

beforeAll(async () => {
  t = await createTestApp();
  sysadmin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
  family = hanChar() + hanChar();
  const db = t.deps.db;
  const crypto = t.deps.crypto;
  red = await buildDeputy(db, crypto, { name: `${family}红`, regionCode: '230102', level: 'county' });
  await buildDeputy(db, crypto, { personId: red.personId, regionCode: '230102', level: 'municipal' });
  orchid = await buildDeputy(db, crypto, { name: `${family}兰`, regionCode: '230103', level: 'county' });
  plum = await buildDeputy(db, crypto, { name: `${family}梅`, regionCode: '230102', level: 'county', status: 'ended' });
});
afterAll(async () => t?.close());

async function lookup(agent: Agent, query: Record<string, string>) {
  const res = await agent.inject({ method: 'GET', url: `/api/persons/lookup?${new URLSearchParams(query)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number };
}
const ours = (r: { items: Item[] }) => r.items.filter((i) => i.name.startsWith(family)).map((i) => i.name);

describe('person lookup for linking deputy accounts', () => {
  it('finds serving persons by a name substring, pinyin or initials, with names and mandates only', async () => {
    const byFamily = await lookup(sysadmin, { q: family });
    expect(byFamily.total).toBe(2);
    expect(byFamily.items.map((i) => i.name).sort()).toEqual([`${family}兰`, `${family}红`].sort());
    const first = byFamily.items.find((i) => i.id === red.personId);
    expect(Object.keys(first ?? {}).sort()).toEqual(['hasAccount', 'id', 'mandates', 'name']);
    expect(first?.hasAccount).toBe(false);
    expect(first?.mandates).toEqual([
      { level: 'municipal', regionCode: '230102', regionName: '道里区' },
      { level: 'county', regionCode: '230102', regionName: '道里区' },
    ]);
    const body = JSON.stringify(byFamily);
    for (const secret of [red.phone, red.idNumber, orchid.phone, orchid.idNumber]) expect(body).not.toContain(secret);
    expect(body).not.toMatch(/\*\*\*\*/);

    // One character: too short for trigrams, found through the name grams.
    expect(ours(await lookup(sysadmin, { q: '红', pageSize: '50', regionCode: '230102' }))).toContain(`${family}红`);
    const keys = pinyinKeys(`${family}红`);
    expect(ours(await lookup(sysadmin, { q: keys.namePinyin }))).toEqual([`${family}红`]);
    expect(ours(await lookup(sysadmin, { q: keys.nameInitials.toUpperCase(), pageSize: '50' }))).toContain(`${family}红`);
    // A person whose mandates all ended is not offered.
    expect(ours(await lookup(sysadmin, { q: `${family}梅` }))).toEqual([]);
    expect((await lookup(sysadmin, { q: plum.name })).total).toBe(0);
  });

  it('offers only the persons an account of the chosen region, inside the caller’s own, may be linked to', async () => {
    expect(ours(await lookup(sysadmin, { q: family, regionCode: '230103' }))).toEqual([`${family}兰`]);
    const district = await agentFor(t.app, { role: 'secadmin', regionCode: '230102' });
    expect(ours(await lookup(district, { q: family }))).toEqual([`${family}红`]);
    expect((await lookup(district, { q: family, regionCode: '230103' })).total).toBe(0);
  });

  it('marks a person who has an account once the account form has linked one', async () => {
    const created = await sysadmin.inject({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: uniq('dep.'),
        displayName: orchid.name,
        role: 'deputy',
        regionCode: '230103',
        personId: orchid.personId,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().user).toMatchObject({ personId: orchid.personId, personName: orchid.name });
    const after = await lookup(sysadmin, { q: family });
    expect(after.items.find((i) => i.id === orchid.personId)?.hasAccount).toBe(true);
    expect(after.items.find((i) => i.id === red.personId)?.hasAccount).toBe(false);
  });

  it('answers the account administrators only, and refuses bad input with a clear message', async () => {
    for (const role of ['office_staff', 'deputy', 'leader', 'auditor'] as const) {
      const agent = await agentFor(t.app, { role, regionCode: '' });
      const res = await agent.inject({ method: 'GET', url: `/api/persons/lookup?q=${encodeURIComponent(family)}` });
      expect(res.statusCode, role).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/persons/lookup' })).statusCode).toBe(401);
    const secadmin = await agentFor(t.app, { role: 'secadmin', regionCode: '' });
    expect((await secadmin.inject({ method: 'GET', url: '/api/persons/lookup' })).statusCode).toBe(200);

    const tooMany = await sysadmin.inject({
      method: 'GET',
      url: '/api/persons/lookup?pageSize=500',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toMatch(/50/);
    const badRegion = await sysadmin.inject({
      method: 'GET',
      url: '/api/persons/lookup?regionCode=abc',
      headers: { 'accept-language': 'en' },
    });
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.json().message).toMatch(/region code/);
    expect((await sysadmin.inject({ method: 'GET', url: `/api/persons/lookup?q=${'王'.repeat(101)}` })).statusCode).toBe(400);
  });
});
