import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIdNumber } from '../platform/ids.js';
import type { TestApp } from '../test/app.js';
import { freshApp } from '../test/freshApp.js';
import { type SeedOptions, type SeedResult, seedDemo } from './demo.js';
import { apportion, Random } from './random.js';

/**
 * The demo generator on a fresh database of each kind. The shared PostgreSQL test database holds
 * other tests' rows, and the demo's accounts and codes are fixed, so on PostgreSQL each app here
 * gets a database of its own, dropped afterwards.
 */

// One Harbin district at a fifth of its share of the city demo: ~7 stations, ~300 deputies.
const OPTS: SeedOptions = { scale: 'city', regionCode: '230102', fraction: 0.2 };

let a: TestApp;
let b: TestApp;
let first: SeedResult;
let shown: SeedResult['accounts'] = [];
let opinionsWhenShown: Promise<{ n: number }[]> | undefined;
beforeAll(async () => {
  [a, b] = await Promise.all([freshApp('lianluo_seed_'), freshApp('lianluo_seed_')]);
  first = await seedDemo(a.deps, {
    ...OPTS,
    onAccounts: (accounts) => {
      shown = accounts;
      opinionsWhenShown = rows(a, 'SELECT count(*)::int AS n FROM opinions');
    },
  });
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const rows = async <T>(t: TestApp, query: string) => (await t.database.raw.query<T>(query)) as T[];

describe('demo seed', () => {
  it('creates the demo on the real townships of the district', async () => {
    expect(first.created).toBe(true);
    expect(first.summary).toMatch(/道里区/);
    const stations = await rows<{ code: string; name: string; region_code: string; tier: string }>(
      a,
      'SELECT code, name, region_code, tier FROM stations ORDER BY code',
    );
    expect(stations.length).toBeGreaterThanOrEqual(3);
    for (const s of stations) {
      expect(s.code).toMatch(/^230102-\d{3}$/);
      expect(s.region_code.startsWith('230102')).toBe(true);
    }
    expect(stations.filter((s) => s.tier === 'main')).toHaveLength(1);
    const unknownRegions = await rows<{ n: number }>(
      a,
      'SELECT count(*)::int AS n FROM stations s LEFT JOIN regions r ON r.code = s.region_code WHERE r.code IS NULL',
    );
    expect(unknownRegions[0]?.n).toBe(0);
    const levels = await rows<{ level: string; n: number }>(a, 'SELECT level, count(*)::int AS n FROM deputies GROUP BY level');
    expect(levels.find((l) => l.level === 'township')?.n).toBeGreaterThan(100);
    expect(levels.find((l) => l.level === 'county')?.n).toBeGreaterThan(10);
    const audit = await rows<{ after: { stations: number } }>(a, "SELECT after FROM audit_events WHERE action = 'demo.seed'");
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after.stations).toBe(stations.length);
  });

  it('is deterministic: a second database gets the same codes, names and groupings', async () => {
    const second = await seedDemo(b.deps, OPTS);
    expect(second.created).toBe(true);
    const snapshot = async (t: TestApp) => ({
      stations: await rows(
        t,
        'SELECT code, name, type, tier, region_code, address, hotline, star_level FROM stations ORDER BY code',
      ),
      persons: await rows(
        t,
        'SELECT name, gender, birth_date::text, ethnicity, party, id_number_masked, id_number_hash, phone_masked FROM persons ORDER BY id_number_hash',
      ),
      deputies: await rows(
        t,
        `SELECT p.id_number_hash, d.level, d.congress_region_code, d.region_code, d.status, d.constituency
           FROM deputies d JOIN persons p ON p.id = d.person_id ORDER BY 1, 2`,
      ),
      members: await rows(
        t,
        `SELECT s.code, p.id_number_hash, d.level, m.role FROM station_members m
           JOIN stations s ON s.id = m.station_id JOIN deputies d ON d.id = m.deputy_id JOIN persons p ON p.id = d.person_id
          ORDER BY 1, 2, 3`,
      ),
      organizations: await rows(t, 'SELECT region_code, kind, name, contact_name FROM organizations ORDER BY region_code, name'),
    });
    const [sa, sb] = await Promise.all([snapshot(a), snapshot(b)]);
    expect(sa.persons.length).toBeGreaterThan(100);
    expect(sb).toEqual(sa);
  });

  it('stores valid ID numbers and phones, encrypted and masked', async () => {
    const persons = await rows<{
      id_number_enc: string;
      id_number_masked: string;
      phone_enc: string;
      phone_masked: string;
      birth_date: string;
      gender: string;
    }>(a, 'SELECT id_number_enc, id_number_masked, phone_enc, phone_masked, birth_date::text AS birth_date, gender FROM persons');
    for (const p of persons) {
      const id = a.deps.crypto.decrypt(p.id_number_enc);
      expect(isValidIdNumber(id), id).toBe(true);
      expect(id.slice(0, 6)).toBe('230102');
      expect(id.slice(6, 14)).toBe(p.birth_date.replaceAll('-', ''));
      expect(Number(id[16]) % 2).toBe(p.gender === 'male' ? 1 : 0);
      expect(p.id_number_masked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
      const phone = a.deps.crypto.decrypt(p.phone_enc);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(p.phone_masked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    }
    const dupes = await rows<{ n: number }>(
      a,
      'SELECT count(*)::int AS n FROM (SELECT phone_hash FROM persons GROUP BY 1 HAVING count(*) > 1) x',
    );
    expect(dupes[0]?.n).toBe(0);
  });

  it('groups every serving deputy into one or two stations, with one head per station', async () => {
    const perStation = await rows<{ code: string; heads: number; members: number }>(
      a,
      `SELECT s.code, count(*) FILTER (WHERE m.role = 'head')::int AS heads, count(m.deputy_id)::int AS members
         FROM stations s LEFT JOIN station_members m ON m.station_id = s.id GROUP BY s.code`,
    );
    for (const s of perStation) {
      expect(s.heads, s.code).toBe(1);
      expect(s.members, s.code).toBeGreaterThanOrEqual(1);
    }
    const perDeputy = await rows<{ status: string; n: number }>(
      a,
      `SELECT d.status, count(m.station_id)::int AS n FROM deputies d LEFT JOIN station_members m ON m.deputy_id = d.id GROUP BY d.id, d.status`,
    );
    for (const d of perDeputy) {
      if (d.status === 'serving') expect([1, 2]).toContain(d.n);
      else expect(d.n).toBe(0);
    }
  });

  it('shows the accounts once they are committed, before the opinions: an interrupted start has shown them', async () => {
    expect(shown).toEqual(first.accounts);
    expect((await opinionsWhenShown)?.[0]?.n).toBe(0);
    expect((await rows<{ n: number }>(a, 'SELECT count(*)::int AS n FROM opinions'))[0]?.n).toBeGreaterThan(0);
  });

  it('makes one working account per role, without a forced password change', async () => {
    expect(first.accounts.map((x) => x.role).sort()).toEqual([
      'auditor',
      'deputy',
      'leader',
      'office_staff',
      'secadmin',
      'station_staff',
      'unit_staff',
    ]);
    for (const account of first.accounts) {
      const res = await a.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: account.username, password: account.password },
      });
      expect(res.statusCode, account.username).toBe(200);
      expect(res.json()).toMatchObject({ username: account.username, role: account.role, mustChangePassword: false });
    }
    const linked = await rows<{
      username: string;
      person_id: string | null;
      station_id: string | null;
      organization_id: string | null;
      region_code: string;
    }>(
      a,
      "SELECT username, person_id, station_id, organization_id, region_code FROM users WHERE username LIKE 'demo\\_%' ORDER BY username",
    );
    const by = Object.fromEntries(linked.map((u) => [u.username, u]));
    expect(by.demo_deputy?.person_id).toBeTruthy();
    expect(by.demo_station?.station_id).toBeTruthy();
    expect(by.demo_office).toMatchObject({ region_code: '230102' });
    expect(by.demo_office?.organization_id).toBeTruthy();
    expect(by.demo_unit?.organization_id).toBeTruthy();
  });

  it('changes nothing when run again', async () => {
    const count = () =>
      rows(a, 'SELECT (SELECT count(*) FROM deputies) + (SELECT count(*) FROM stations) + (SELECT count(*) FROM users) AS n');
    const before = await count();
    const again = await seedDemo(a.deps, { scale: 'city' });
    expect(again).toMatchObject({ created: false, accounts: [] });
    expect(await count()).toEqual(before);
  });

  it('refuses a region outside the scale and a bad fraction', async () => {
    await expect(seedDemo(b.deps, { scale: 'city', regionCode: '2302' })).rejects.toThrow(/not inside 2301/);
    await expect(seedDemo(b.deps, { scale: 'city', fraction: 0 })).rejects.toThrow(/fraction/);
  });
});

describe('demo helpers', () => {
  it('repeats the same sequence for the same seed', () => {
    const x = new Random('seed');
    const y = new Random('seed');
    const seqX = Array.from({ length: 20 }, () => x.int(0, 1000));
    expect(Array.from({ length: 20 }, () => y.int(0, 1000))).toEqual(seqX);
    expect(new Random('seed').fork('a').next()).toBe(new Random('seed').fork('a').next());
    expect(new Random('seed').fork('a').next()).not.toBe(new Random('seed').fork('b').next());
  });

  it('apportions exactly the total, with minimums', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [97, 134, 22]).reduce((s, n) => s + n, 0)).toBe(100);
    expect(apportion(5, [100, 1, 1], 1)).toEqual([3, 1, 1]);
    expect(apportion(3, [0, 0, 0])).toEqual([1, 1, 1]);
  });
});
