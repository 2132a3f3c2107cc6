import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { FieldCrypto } from '../../platform/crypto.js';
import type { AppInstance } from '../../platform/http.js';
import type { Jobs } from '../../platform/jobs.js';
import { copyTestDatabase, createTestApp, testDbKind } from '../../test/app.js';
import { type Agent, agentFor, buildUser, uniq } from '../../test/factories.js';

/**
 * "The last active holder of an administrator role" is a fact about the whole installation, so these
 * tests need a database where they alone create accounts: the private PGlite copy of this file, or a
 * copy of the prepared PostgreSQL database of their own.
 */
async function isolatedApp(): Promise<{ app: AppInstance; close: () => Promise<void> }> {
  if (testDbKind() === 'pglite') {
    const t = await createTestApp();
    return { app: t.app, close: t.close };
  }
  const copy = await copyTestDatabase(uniq('users_'));
  const database = await openDatabase({ databaseUrl: copy.url, poolSize: 4 });
  const jobs: Jobs = {
    send: async () => {
      throw new Error('no jobs in this test');
    },
    work: async () => {},
    stop: async () => {},
  };
  const config = { ...loadConfig({}), demo: false, loginRateLimit: 1000, databaseUrl: copy.url };
  const app = await buildApp(
    { database, db: database.db, crypto: new FieldCrypto(Buffer.alloc(32, 7)), config, jobs },
    { serveWeb: false },
  );
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await database.close();
      await copy.drop();
    },
  };
}

let env: Awaited<ReturnType<typeof isolatedApp>>;
let sysadmin: Agent & { user: { id: string } };
let secadmin: Agent & { user: { id: string } };

beforeAll(async () => {
  env = await isolatedApp();
  sysadmin = await agentFor(env.app, { role: 'sysadmin', regionCode: '' });
  secadmin = await agentFor(env.app, { role: 'secadmin', regionCode: '' });
});
afterAll(async () => env?.close());

const demote = (by: Agent, id: string) =>
  by.inject({ method: 'PUT', url: `/api/users/${id}/role`, payload: { role: 'leader', regionCode: '' } });
const setStatus = (id: string, status: 'active' | 'disabled') =>
  sysadmin.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { status } });
const auditorAccount = () => buildUser(env.app.deps.db, { role: 'auditor', regionCode: '' });

describe('an administrator role always keeps an active holder', () => {
  let lastAuditor: string;

  it('refuses to demote the last active auditor, and allows it once there is another', async () => {
    const first = await auditorAccount();
    const refused = await demote(secadmin, first.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('LAST_ADMIN');
    const second = await auditorAccount();
    expect((await demote(secadmin, first.id)).statusCode).toBe(200);
    expect((await demote(secadmin, second.id)).statusCode).toBe(409);
    lastAuditor = second.id;
  });

  it('does not count disabled holders, and refuses to disable the last one', async () => {
    const disabled = await auditorAccount();
    expect((await setStatus(disabled.id, 'disabled')).statusCode).toBe(200);
    expect((await demote(secadmin, lastAuditor)).statusCode).toBe(409);
    const res = await setStatus(lastAuditor, 'disabled');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LAST_ADMIN');
    // A disabled holder may still be demoted: it holds nothing in use.
    expect((await demote(secadmin, disabled.id)).statusCode).toBe(200);
  });

  it('protects the last security and system administrators too', async () => {
    expect((await setStatus(secadmin.user.id, 'disabled')).statusCode).toBe(409);
    expect((await demote(secadmin, sysadmin.user.id)).statusCode).toBe(409);
    const second = await agentFor(env.app, { role: 'secadmin', regionCode: '' });
    expect((await demote(second, secadmin.user.id)).statusCode).toBe(200);
    expect((await setStatus(second.user.id, 'disabled')).statusCode).toBe(409);
    secadmin = second;
  });

  it('lets exactly one of two simultaneous demotions of the last two holders through', async () => {
    const other = await auditorAccount();
    const colleague = await agentFor(env.app, { role: 'secadmin', regionCode: '' });
    const results = await Promise.all([demote(secadmin, lastAuditor), demote(colleague, other.id)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const remaining = await secadmin.inject({ method: 'GET', url: '/api/users?role=auditor&status=active' });
    expect(remaining.json().total).toBe(1);
  });
});
