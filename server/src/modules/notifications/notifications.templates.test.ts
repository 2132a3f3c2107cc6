import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateKeyDefinition } from '../../platform/notify/catalog.js';
import { runOutboxOnce } from '../../platform/notify/index.js';
import { hasMalformedPlaceholder, placeholdersOf, render } from '../../platform/notify/render.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import { emitCommitted, testClock, testEvent } from '../../test/factories.notifications.js';

const OPINION_KEYS = [
  'opinion.submitted',
  'opinion.accepted',
  'opinion.rejected',
  'opinion.transferred',
  'opinion.returned',
  'opinion.replied',
  'opinion.feedback',
  'opinion.due_soon',
  'opinion.overdue',
  'opinion.urged',
  'opinion.supervised',
];

let t: TestApp;
let ev: Awaited<ReturnType<typeof testEvent>>;
const clock = testClock();

beforeAll(async () => {
  t = await createTestApp();
  ev = await testEvent(t.deps.db, { variables: ['code', 'summary', 'reason'] });
});
afterAll(async () => {
  ev?.unsubscribe();
  await t?.close();
});

interface TemplateItem {
  key: string;
  channel: string;
  locale: string;
  subject: string | null;
  body: string;
  declared: boolean;
  variables: { name: string }[];
}

describe('notification templates', () => {
  it('ships a Chinese and an English template per channel for every opinion event, using only declared variables', async () => {
    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    const res = await admin.inject({ method: 'GET', url: '/api/notification-templates' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as TemplateItem[];
    for (const key of OPINION_KEYS) {
      const def = templateKeyDefinition(key);
      expect(def, key).toBeDefined();
      const mine = items.filter((i) => i.key === key);
      expect(mine.map((i) => `${i.channel}/${i.locale}`).sort(), key).toEqual([
        'email/en',
        'email/zh',
        'in_app/en',
        'in_app/zh',
        'sms/en',
        'sms/zh',
      ]);
      for (const tpl of mine) {
        const text = `${tpl.subject ?? ''}\n${tpl.body}`;
        expect(tpl.declared).toBe(true);
        expect(hasMalformedPlaceholder(text)).toBe(false);
        const declared = Object.keys(def?.variables ?? {});
        expect(
          placeholdersOf(text).filter((p) => !declared.includes(p)),
          `${key} ${tpl.channel}/${tpl.locale}`,
        ).toEqual([]);
        expect(() => render(text, Object.fromEntries(declared.map((n) => [n, 'x'])))).not.toThrow();
        if (tpl.channel === 'sms') expect(tpl.subject).toBeNull();
        else expect(tpl.subject).toBeTruthy();
      }
    }
    // The constituent's SMS carry what the loop promises them: the reason, and the tracking code.
    const rejected = items.find((i) => i.key === 'opinion.rejected' && i.channel === 'sms' && i.locale === 'zh');
    expect(placeholdersOf(rejected?.body ?? '')).toEqual(expect.arrayContaining(['code', 'reason']));
    const feedback = items.find((i) => i.key === 'opinion.feedback' && i.channel === 'sms' && i.locale === 'zh');
    expect(placeholdersOf(feedback?.body ?? '')).toEqual(expect.arrayContaining(['code', 'url']));
    expect(
      res
        .json()
        .keys.find((k: { key: string }) => k.key === 'opinion.urged')
        .variables.map((v: { name: string }) => v.name),
    ).toEqual(['code', 'summary', 'dueDate', 'count', 'note']);
  });

  it('is for the system administrator only', async () => {
    for (const role of ['office_staff', 'secadmin', 'auditor'] as const) {
      const agent = await agentFor(t.app, { role, regionCode: '' });
      expect((await agent.inject({ method: 'GET', url: '/api/notification-templates' })).statusCode).toBe(403);
      const put = await agent.inject({
        method: 'PUT',
        url: `/api/notification-templates/${ev.key}/sms/zh`,
        payload: { body: 'x' },
      });
      expect(put.statusCode).toBe(403);
    }
  });

  it('refuses placeholders the event does not declare, malformed braces and channel mismatches', async () => {
    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    const put = (channel: string, payload: object, lang = 'zh') =>
      admin.inject({
        method: 'PUT',
        url: `/api/notification-templates/${ev.key}/${channel}/zh`,
        payload,
        headers: { 'accept-language': lang },
      });

    const unknown = await put('sms', { body: '意见{{code}}，联系{{phone}}，地址{{ address }}' }, 'en');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_PLACEHOLDER' });
    expect(unknown.json().message).toContain('{{phone}}, {{address}}');
    expect(unknown.json().message).toContain('available: {{code}}, {{summary}}, {{reason}}');

    const inSubject = await put('in_app', { subject: '{{title}}', body: '{{code}}' });
    expect(inSubject.json().code).toBe('UNKNOWN_PLACEHOLDER');
    for (const body of ['意见{{code}', '意见{{code}}}', '{{}}', '{{1code}}']) {
      expect((await put('sms', { body })).json().code, body).toBe('MALFORMED_PLACEHOLDER');
    }
    expect((await put('sms', { subject: '标题', body: '{{code}}' })).json().code).toBe('SMS_HAS_NO_SUBJECT');
    expect((await put('email', { body: '<p>{{code}}</p>' })).json().code).toBe('SUBJECT_REQUIRED');
    expect((await put('email', { subject: 's', body: '<p onclick="x()">{{code}}</p>' })).json().code).toBe('UNSAFE_HTML');
    expect((await put('sms', { body: '长'.repeat(501) })).json().code).toBe('TEMPLATE_TOO_LONG');
    expect((await put('sms', { body: '   ' })).statusCode).toBe(400);
    expect((await put('fax', { body: '{{code}}' })).statusCode).toBe(400);
    const undeclared = await admin.inject({
      method: 'PUT',
      url: '/api/notification-templates/opinion.nothing/sms/zh',
      payload: { body: 'x' },
    });
    expect(undeclared.statusCode).toBe(404);
    expect(
      (await admin.inject({ method: 'PUT', url: '/api/notification-templates/Bad%20Key/sms/zh', payload: { body: 'x' } }))
        .statusCode,
    ).toBe(400);
  });

  it('saves a valid edit, audits it, and renders the next message with it', async () => {
    const admin = await agentFor(t.app, { role: 'sysadmin', regionCode: '' });
    const auditor = await agentFor(t.app, { role: 'auditor', regionCode: '' });
    const deputy = await agentFor(t.app, { role: 'deputy' });
    const put = await admin.inject({
      method: 'PUT',
      url: `/api/notification-templates/${ev.key}/in_app/zh`,
      payload: { subject: '新意见 {{ code }}', body: '{{summary}}（理由：{{reason}}）' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      key: ev.key,
      channel: 'in_app',
      locale: 'zh',
      subject: '新意见 {{ code }}',
      declared: true,
    });
    expect(put.json().variables.map((v: { name: string }) => v.name)).toEqual(['code', 'summary', 'reason']);

    // A language the event had no template for yet is added.
    const en = await admin.inject({
      method: 'PUT',
      url: `/api/notification-templates/${ev.key}/in_app/en`,
      payload: { subject: 'New {{code}}', body: '{{summary}}' },
    });
    expect(en.statusCode).toBe(200);

    const trail = await auditor.inject({
      method: 'GET',
      url: `/api/audit-events?entityType=notification_template&entityId=${ev.key}/in_app/zh`,
    });
    expect(trail.json().items[0]).toMatchObject({
      action: 'notification_template.update',
      actorId: admin.user.id,
      before: { subject: '意见 {{code}}', body: '您的意见{{code}}：{{summary}}' },
      after: { subject: '新意见 {{ code }}', body: '{{summary}}（理由：{{reason}}）' },
    });
    const created = await auditor.inject({
      method: 'GET',
      url: `/api/audit-events?entityType=notification_template&entityId=${ev.key}/in_app/en`,
    });
    expect(created.json().items[0]).toMatchObject({ before: null, after: { subject: 'New {{code}}' } });

    await emitCommitted(t.deps.db, {
      topic: ev.topic,
      aggregateType: 'opinion',
      aggregateId: 'tpl',
      recipients: [
        { userId: deputy.user.id, channels: ['in_app'], vars: { code: 'T-9', summary: '井盖缺失', reason: '涉及安全' } },
        {
          userId: admin.user.id,
          channels: ['in_app'],
          locale: 'en',
          vars: { code: 'T-9', summary: 'Manhole cover missing', reason: 'safety' },
        },
      ],
    });
    await runOutboxOnce(t.deps, { now: clock.now(), topics: [ev.topic], log: () => {} });
    const inbox = (await deputy.inject({ method: 'GET', url: '/api/messages' })).json();
    expect(inbox.items[0]).toMatchObject({ subject: '新意见 T-9', body: '井盖缺失（理由：涉及安全）' });
    expect((await admin.inject({ method: 'GET', url: '/api/messages' })).json().items[0]).toMatchObject({
      subject: 'New T-9',
      body: 'Manhole cover missing',
    });
  });
});
