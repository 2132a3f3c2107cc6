import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateKeyDefinition } from '../../platform/notify/catalog.js';
import { notificationTemplates, outbox } from '../../platform/notify/notify.tables.js';
import { ConsoleSmsProvider } from '../../platform/notify/providers/index.js';
import { placeholdersOf } from '../../platform/notify/render.js';
import { users } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { agentFor } from '../../test/factories.js';
import { uniqMobile } from '../../test/factories.notifications.js';
import {
  deliver as deliverAll,
  maskedPhone,
  notesOf as notesOfCase,
  told as toldOf,
} from '../../test/factories.opinionNotices.js';
import { advance, buildCaseWorld, buildOpinion, type CaseWorld, step } from '../../test/factories.opinions.js';
import { buildStation } from '../../test/factories.stations.js';
import { registerOpinionSubscribers } from './opinions.subscribers.js';

const PUBLIC_URL = 'https://lianluo.example.gov.cn';
const smsLog: string[] = [];
let t: TestApp;
let w: CaseWorld;
const phones = { deputy: uniqMobile(), unit: uniqMobile() };

beforeAll(async () => {
  t = await createTestApp({
    config: { publicUrl: PUBLIC_URL },
    notify: { sms: new ConsoleSmsProvider((fields, msg) => smsLog.push(`${msg} ${JSON.stringify(fields)}`)), email: null },
  });
  registerOpinionSubscribers(t.deps);
  w = await buildCaseWorld(t);
  await t.deps.db.update(users).set({ phone: phones.deputy }).where(eq(users.id, w.deputy.user.id));
  await t.deps.db.update(users).set({ phone: phones.unit }).where(eq(users.id, w.unitStaff.user.id));
});
afterAll(async () => {
  await t?.close();
});

const deliver = (...ids: string[]) => deliverAll(t, ...ids);
const told = (id: string, topic: string) => toldOf(t, id, topic);
const notesOf = (id: string) => notesOfCase(t, id);
const masked = maskedPhone;

describe('the opinion loop tells the right people', () => {
  it('from a new case to re-handling: front line, office, units, leader and the constituent by SMS', async () => {
    const phone = uniqMobile();
    const c = await buildOpinion(t.deps, {
      stationId: w.station.id,
      submitter: { name: '王小明', phone, address: '幸福路 8 号', nameHidden: true },
    });
    await deliver(c.id);

    // A new case: the responsible deputy (in-app and SMS, the account has a number) and the station's staff.
    let got = await told(c.id, 'opinion.submitted');
    expect(got.inApp.sort()).toEqual([w.deputy.user.id, w.stationStaff.user.id].sort());
    expect(got.sms).toEqual([w.deputy.user.id]);
    const inbox = (await w.deputy.inject({ method: 'GET', url: '/api/messages' })).json();
    const message = inbox.items.find((m: { link: string | null }) => m.link === `/opinions/${c.id}`);
    expect(message.body).toContain(c.trackingCode);
    expect(message.body).toContain(w.station.name);
    const sms = got.notes.find((n) => n.channel === 'sms');
    expect(sms).toMatchObject({ status: 'sent', provider: 'console', phoneMasked: masked(phones.deputy) });

    // Accepted: the constituent hears it by SMS with the tracking code, the station and the deputy.
    await step(w.deputy, c.id, 'accept');
    await deliver(c.id);
    got = await told(c.id, 'opinion.accepted');
    expect(got.inApp).toEqual([]);
    expect(got.sms).toEqual([masked(phone)]);
    const accepted = got.notes[0]!;
    expect(accepted).toMatchObject({ status: 'sent', provider: 'console' });
    expect(accepted.body).toContain(c.trackingCode);
    expect(accepted.body).toContain(w.station.name);
    expect(accepted.body).toContain(w.head.name);
    expect(t.deps.crypto.decrypt(accepted.phoneEnc!)).toBe(phone);

    // Escalated: the county's office, not the office of another county.
    await step(w.deputy, c.id, 'escalate');
    await deliver(c.id);
    expect((await told(c.id, 'opinion.escalated')).inApp).toEqual([w.office.user.id]);

    // Transferred: the lead unit's and the co unit's accounts; the office that acted is not told.
    await step(w.office, c.id, 'transfer', { leadUnitId: w.unit.id, coUnitIds: [w.coUnit.id] });
    await deliver(c.id);
    got = await told(c.id, 'opinion.transferred');
    expect(got.inApp.sort()).toEqual([w.unitStaff.user.id, w.coUnitStaff.user.id].sort());
    expect(got.sms).toEqual([w.unitStaff.user.id]);
    expect(got.notes[0]!.vars).toMatchObject({ code: c.trackingCode, unit: w.unit.name });

    // Urged and supervised: the lead unit holds the case now; supervision tells the office and the deputy too.
    expect(
      (await w.office.inject({ method: 'POST', url: `/api/opinions/${c.id}/urge`, payload: { note: '请加快' } })).statusCode,
    ).toBe(200);
    const supervised = await w.leader.inject({
      method: 'POST',
      url: `/api/opinions/${c.id}/supervise`,
      payload: { instruction: '请本周内解决' },
    });
    expect(supervised.statusCode, supervised.body).toBe(200);
    await deliver(c.id);
    got = await told(c.id, 'opinion.urged');
    expect(got.inApp).toEqual([w.unitStaff.user.id]);
    expect(got.notes.find((n) => n.channel === 'in_app')!.vars).toMatchObject({ count: 1, note: '请加快' });
    got = await told(c.id, 'opinion.supervised');
    expect(got.inApp.sort()).toEqual([w.unitStaff.user.id, w.office.user.id, w.deputy.user.id].sort());
    expect(got.notes[0]!.body).toContain('请本周内解决');

    // The unit's acceptance is recorded, not announced; its extension request goes to the office, the decision back.
    await step(w.unitStaff, c.id, 'unit_accept');
    const asked = await w.unitStaff.inject({
      method: 'POST',
      url: `/api/opinions/${c.id}/extensions`,
      payload: { reason: '需协调供电公司', days: 5 },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    await deliver(c.id);
    expect((await told(c.id, 'opinion.unit_accepted')).notes).toEqual([]);
    expect((await told(c.id, 'opinion.extension_requested')).inApp).toEqual([w.office.user.id]);
    await w.office.inject({
      method: 'POST',
      url: `/api/opinions/${c.id}/extensions/${asked.json().id}/decision`,
      payload: { approve: true, note: '同意' },
    });
    await deliver(c.id);
    got = await told(c.id, 'opinion.extension_decided');
    expect(got.inApp).toEqual([w.unitStaff.user.id]);
    expect(got.notes[0]!.vars).toMatchObject({ decision: '已批准' });

    // Replied: the front line who feeds it back, the office, and the supervising leader.
    await step(w.unitStaff, c.id, 'reply', { result: 'resolved', text: '已更换路灯。' });
    await deliver(c.id);
    got = await told(c.id, 'opinion.replied');
    expect(got.inApp.sort()).toEqual([w.deputy.user.id, w.stationStaff.user.id, w.office.user.id, w.leader.user.id].sort());
    expect(got.notes[0]!.vars).toMatchObject({ unit: w.unit.name, result: '已解决' });

    // Fed back: the constituent gets the answer by SMS, with the code and where to read and rate it.
    await step(w.stationStaff, c.id, 'feedback');
    await deliver(c.id);
    got = await told(c.id, 'opinion.feedback');
    expect(got.sms).toEqual([masked(phone)]);
    expect(got.notes[0]!.body).toContain(`${PUBLIC_URL}/track/${c.trackingCode}`);
    expect(got.notes[0]!.body).toContain('已解决');

    // Unsatisfied: the deputy and the office hear it; re-handling goes back to both units.
    await step(w.stationStaff, c.id, 'evaluate', { evaluation: 'unsatisfied', comment: '灯又坏了' });
    await deliver(c.id);
    got = await told(c.id, 'opinion.evaluated');
    expect(got.inApp.sort()).toEqual([w.deputy.user.id, w.office.user.id].sort());
    expect(got.notes[0]!.vars).toMatchObject({ evaluation: '不满意' });
    await step(w.office, c.id, 'rehandle', { note: '请重新处理' });
    await deliver(c.id);
    expect((await told(c.id, 'opinion.rehandled')).inApp.sort()).toEqual([w.unitStaff.user.id, w.coUnitStaff.user.id].sort());

    // The number was never written in clear: not in the outbox, not in the SMS log (masked there).
    const events = await t.deps.db.select().from(outbox).where(eq(outbox.aggregateId, c.id));
    expect(JSON.stringify(events)).not.toContain(phone);
    expect(JSON.stringify(await notesOf(c.id))).not.toContain(phone);
    expect(smsLog.join('\n')).not.toContain(phone);
    if (smsLog.some((l) => l.includes(c.trackingCode))) expect(smsLog.join('\n')).toContain(masked(phone));
  });

  it('tells the constituent why a case is not accepted, and the office why a unit returned one', async () => {
    const phone = uniqMobile();
    const rejected = await buildOpinion(t.deps, {
      stationId: w.station.id,
      submitter: { name: '李', phone, address: null, nameHidden: true },
    });
    await step(w.stationStaff, rejected.id, 'reject', { reason: '该事项正在诉讼中', guidance: '请向法院咨询' });
    const returned = await buildOpinion(t.deps, { stationId: w.station.id, content: '背街小巷积水严重，请尽快疏通。' });
    await advance(w, returned.id, 'transferred');
    await step(w.unitStaff, returned.id, 'unit_return', { reason: '不属于本单位职责' });
    await deliver(rejected.id, returned.id);

    const refusal = await told(rejected.id, 'opinion.rejected');
    expect(refusal.sms).toEqual([masked(phone)]);
    expect(refusal.notes[0]!.body).toContain('该事项正在诉讼中；请向法院咨询');
    // The deputy and the station were told of the new case; the staff member who refused it is not told of the refusal.
    expect(refusal.inApp).toEqual([]);

    // The summary gives up its closing full stop to the template's own.
    const arrived = await told(returned.id, 'opinion.submitted');
    expect(arrived.notes[0]!.body).toContain('背街小巷积水严重，请尽快疏通。请于');
    const back = await told(returned.id, 'opinion.returned');
    expect(back.inApp).toEqual([w.office.user.id]);
    expect(back.notes[0]!.vars).toMatchObject({ unit: w.unit.name, reason: '不属于本单位职责' });
  });

  it('answers each constituent whose case was merged into the one fed back, with their own code', async () => {
    const [phoneA, phoneB] = [uniqMobile(), uniqMobile()];
    const primary = await buildOpinion(t.deps, {
      stationId: w.station.id,
      submitter: { name: '甲', phone: phoneA, address: null, nameHidden: true },
    });
    const dup = await buildOpinion(t.deps, {
      stationId: w.station.id,
      submitter: { name: '乙', phone: phoneB, address: null, nameHidden: true },
    });
    await advance(w, primary.id, 'in_review');
    await step(w.office, dup.id, 'merge', { primaryId: primary.id });
    await step(w.office, primary.id, 'resolve', { result: 'basically_resolved', text: '已协调物业处理' });
    await step(w.stationStaff, primary.id, 'feedback');
    await deliver(primary.id, dup.id);

    const answered = await told(primary.id, 'opinion.feedback');
    expect(answered.sms.sort()).toEqual([masked(phoneA), masked(phoneB)].sort());
    const toDup = answered.notes.find((n) => n.phoneMasked === masked(phoneB))!;
    expect(toDup.vars).toMatchObject({
      code: dup.trackingCode,
      result: '基本解决',
      url: `${PUBLIC_URL}/track/${dup.trackingCode}`,
    });
    // Resolved by the office without a unit: the office account stands for the unit in the notice.
    const replied = await told(primary.id, 'opinion.replied');
    expect(replied.inApp).toContain(w.deputy.user.id);
    expect(replied.inApp).not.toContain(w.office.user.id);
  });

  it('takes the nearest office: a township office hears of its township’s cases instead of the county’s', async () => {
    const township = await agentFor(t.app, { role: 'office_staff', regionCode: w.township });
    try {
      const c = await buildOpinion(t.deps, { stationId: w.station.id });
      await advance(w, c.id, 'in_review');
      await deliver(c.id);
      expect((await told(c.id, 'opinion.escalated')).inApp).toEqual([township.user.id]);
    } finally {
      await t.deps.db.update(users).set({ status: 'disabled' }).where(eq(users.id, township.user.id));
    }
  });

  it("reads a batch's cases together and still tells each case its own front line and office", async () => {
    // One dispatch batch: the lookups of its events are read together (opinions.lookups.ts), and each
    // answer must go back to its own event.
    const farStation = await buildStation(t.deps.db, { regionCode: w.farOffice.user.regionCode });
    const atStation = await buildOpinion(t.deps, { stationId: w.station.id });
    const atOther = await buildOpinion(t.deps, { stationId: w.otherStation.id });
    const atOtherAgain = await buildOpinion(t.deps, { stationId: w.otherStation.id });
    const far = await buildOpinion(t.deps, { stationId: farStation.id });
    const escalated = await buildOpinion(t.deps, { stationId: w.station.id });
    await advance(w, escalated.id, 'in_review');
    await deliver(atStation.id, atOther.id, atOtherAgain.id, far.id, escalated.id);

    const submitted = async (id: string) => (await told(id, 'opinion.submitted')).inApp.sort();
    expect(await submitted(atStation.id)).toEqual([w.deputy.user.id, w.stationStaff.user.id].sort());
    expect(await submitted(atOther.id)).toEqual([w.otherStationStaff.user.id]);
    expect(await submitted(atOtherAgain.id)).toEqual([w.otherStationStaff.user.id]);
    // Nobody at the far station: its county's office, not this county's.
    expect(await submitted(far.id)).toEqual([w.farOffice.user.id]);
    expect((await told(escalated.id, 'opinion.escalated')).inApp).toEqual([w.office.user.id]);
  });

  it('has a template for every channel and language of the events it adds, using only their declared variables', async () => {
    const keys = [
      'opinion.escalated',
      'opinion.extension_requested',
      'opinion.extension_decided',
      'opinion.evaluated',
      'opinion.rehandled',
    ];
    const rows = await t.deps.db.select().from(notificationTemplates).where(inArray(notificationTemplates.key, keys));
    for (const key of keys) {
      const declared = Object.keys(templateKeyDefinition(key)?.variables ?? {});
      expect(declared.length, key).toBeGreaterThan(0);
      const mine = rows.filter((r) => r.key === key);
      expect(mine.map((r) => `${r.channel}/${r.locale}`).sort(), key).toEqual([
        'email/en',
        'email/zh',
        'in_app/en',
        'in_app/zh',
        'sms/en',
        'sms/zh',
      ]);
      for (const r of mine) {
        for (const name of placeholdersOf(`${r.subject ?? ''} ${r.body}`))
          expect(declared, `${key} ${r.channel}/${r.locale}`).toContain(name);
      }
    }
  });
});
