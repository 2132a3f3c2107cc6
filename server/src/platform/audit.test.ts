import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { agentFor, buildUser } from '../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('audit trail', () => {
  it('records logins and is readable by the auditor only', async () => {
    const auditor = await agentFor(t.app, { role: 'auditor', regionCode: '' });
    const office = await agentFor(t.app, { role: 'office_staff' });
    const list = await auditor.inject({
      method: 'GET',
      url: `/api/audit-events?action=auth.login&actor=${office.user.username}`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(1);
    expect(list.json().items[0]).toMatchObject({ action: 'auth.login', actorRole: 'office_staff' });
    for (const role of ['office_staff', 'sysadmin', 'secadmin', 'leader'] as const) {
      const other = await agentFor(t.app, { role, regionCode: '' });
      expect((await other.inject({ method: 'GET', url: '/api/audit-events' })).statusCode).toBe(403);
    }
  });

  it('detects an altered or removed row through the hash chain', async () => {
    const auditor = await agentFor(t.app, { role: 'auditor', regionCode: '' });
    await buildUser(t.deps.db);
    await agentFor(t.app, { role: 'leader' });
    const ok = await auditor.inject({ method: 'GET', url: '/api/audit-events/verify' });
    expect(ok.json()).toMatchObject({ ok: true, brokenAt: null });
    const rows = await t.deps.database.raw.query<{ id: number }>('SELECT id FROM audit_events ORDER BY id DESC LIMIT 2');
    const victim = Number(rows[1]?.id);
    await t.deps.database.raw.query(`UPDATE audit_events SET action = 'auth.logout' WHERE id = $1`, [victim]);
    const altered = await auditor.inject({ method: 'GET', url: '/api/audit-events/verify' });
    expect(altered.json()).toMatchObject({ ok: false, brokenAt: victim, reason: 'content' });
    await t.deps.database.raw.query('DELETE FROM audit_events WHERE id = $1', [victim]);
    const removed = await auditor.inject({ method: 'GET', url: '/api/audit-events/verify' });
    expect(removed.json()).toMatchObject({ ok: false, reason: 'link' });
  });
});
