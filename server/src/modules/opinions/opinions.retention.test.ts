import { and, desc, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { fixedClock } from '../../platform/clock.js';
import { notifications } from '../../platform/notify/notify.tables.js';
import { auditEvents } from '../../platform/platform.tables.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { uniqMobile } from '../../test/factories.notifications.js';
import { deliver, maskedPhone, notesOf } from '../../test/factories.opinionNotices.js';
import { advance, buildCaseWorld, buildOpinion, type CaseWorld, step } from '../../test/factories.opinions.js';
import { runRetentionOnce } from './opinions.retention.js';
import { registerOpinionSubscribers } from './opinions.subscribers.js';
import { opinions } from './opinions.tables.js';

const DAY = 24 * 60 * 60 * 1000;
// Messages are stamped by the database's clock, so this test's clock starts at the real time.
const clock = fixedClock(new Date());
let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp({ clock, config: { opinionRetentionDays: 30, messageRetentionDays: 10 } });
  registerOpinionSubscribers(t.deps);
  w = await buildCaseWorld(t);
});
afterAll(async () => {
  await t?.close();
});

/** Kept to this file's county: other test files' cases on a shared database are not ours. */
const retain = () => runRetentionOnce(t.deps, { regionCode: w.county });
const rowOf = async (id: string) => (await t.deps.db.select().from(opinions).where(eq(opinions.id, id)))[0]!;
const withConstituent = (phone: string) =>
  buildOpinion(t.deps, {
    stationId: w.station.id,
    submitter: { name: '王小明', phone, address: '幸福路 8 号', nameHidden: false },
  });
const reject = (id: string) => step(w.stationStaff, id, 'reject', { reason: '属于诉讼事项', guidance: '请向法院咨询' });

describe('retention of personal data', () => {
  it('anonymises the constituent of a case closed longer than the retention period, and nothing else', async () => {
    const phone = uniqMobile();
    const old = await withConstituent(phone);
    await reject(old.id);
    await deliver(t, old.id);
    const [sms] = (await notesOf(t, old.id)).filter((n) => n.channel === 'sms');
    expect(sms).toMatchObject({ phoneMasked: maskedPhone(phone), status: 'sent' });

    // Merged into a case still open: its constituent will hear the primary's answer, so it is kept.
    const primary = await withConstituent(uniqMobile());
    const merged = await withConstituent(uniqMobile());
    await advance(w, primary.id, 'in_review');
    await step(w.office, merged.id, 'merge', { primaryId: primary.id });
    const open = await withConstituent(uniqMobile());

    clock.advance(20 * DAY);
    const recent = await withConstituent(uniqMobile());
    await reject(recent.id);

    clock.advance(11 * DAY); // the first case has been closed 31 days, the second 11
    expect(await retain()).toMatchObject({ anonymized: 1 });

    const gone = await rowOf(old.id);
    expect(gone).toMatchObject({
      submitterNameEnc: null,
      submitterNameMasked: null,
      submitterPhoneEnc: null,
      submitterPhoneHash: null,
      submitterPhoneMasked: null,
      submitterAddressEnc: null,
      state: 'rejected',
    });
    expect(gone.anonymizedAt?.toISOString()).toBe(clock.now().toISOString());
    // The case, its content and its timeline stay; the timeline says what happened.
    const seen = (await w.office.inject({ method: 'GET', url: `/api/opinions/${old.id}` })).json();
    expect(seen.submitter).toMatchObject({ name: null, phone: null, address: null });
    expect(seen.content).toBe(old.content);
    const timeline = (await w.office.inject({ method: 'GET', url: `/api/opinions/${old.id}/timeline` })).json();
    expect(timeline.items.at(-1)).toMatchObject({ action: 'anonymize', actorRole: 'system', label: { zh: '个人信息匿名化' } });
    // The SMS that carried the number keeps its record, not the number.
    const [scrubbed] = (await notesOf(t, old.id)).filter((n) => n.channel === 'sms');
    expect(scrubbed).toMatchObject({ id: sms!.id, phoneEnc: null, phoneMasked: null, status: 'sent' });
    expect(JSON.stringify(await notesOf(t, old.id))).not.toContain(maskedPhone(phone));
    const [key] = await t.deps.db
      .select({ key: notifications.recipientKey })
      .from(notifications)
      .where(eq(notifications.id, sms!.id));
    expect(key?.key).toBe(`phone:anonymized:${sms!.id}`);

    for (const kept of [primary, merged, open, recent]) {
      const row = await rowOf(kept.id);
      expect(row.anonymizedAt).toBeNull();
      expect(row.submitterPhoneEnc).not.toBeNull();
    }
    expect(await retain()).toMatchObject({ anonymized: 0 });

    // Twenty days on, the second rejected case's time has come too; the merged one still waits for its primary.
    clock.advance(20 * DAY);
    expect(await retain()).toMatchObject({ anonymized: 1 });
    expect((await rowOf(recent.id)).anonymizedAt).not.toBeNull();
    expect((await rowOf(merged.id)).anonymizedAt).toBeNull();
  });

  it('deletes read in-app messages past their retention period, and keeps unread and recent ones', async () => {
    const first = await withConstituent(uniqMobile());
    const second = await withConstituent(uniqMobile());
    await deliver(t, first.id, second.id);
    const inbox = (await w.deputy.inject({ method: 'GET', url: '/api/messages?pageSize=100' })).json();
    const mine = (id: string) => inbox.items.find((m: { link: string }) => m.link === `/opinions/${id}`);
    for (const id of [first.id, second.id]) {
      const read = await w.deputy.inject({ method: 'POST', url: `/api/messages/${mine(id).id}/read` });
      expect(read.statusCode, read.body).toBe(200);
    }
    clock.advance(11 * DAY);
    // The second was written five days ago, as the test's clock counts: within the ten days kept.
    await t.deps.db
      .update(notifications)
      .set({ createdAt: new Date(clock.now().getTime() - 5 * DAY) })
      .where(eq(notifications.id, mine(second.id).id));
    expect(await retain()).toMatchObject({ messagesDeleted: 1 });
    const left = await t.deps.db
      .select({ id: notifications.id, userId: notifications.recipientUserId })
      .from(notifications)
      .where(inArray(notifications.id, [mine(first.id).id, mine(second.id).id]));
    expect(left.map((n) => n.id)).toEqual([mine(second.id).id]);
    // The station staff's copy of the same event was never read: it stays.
    const unread = (await notesOf(t, first.id)).filter((n) => n.channel === 'in_app' && n.userId === w.stationStaff.user.id);
    expect(unread).toHaveLength(1);

    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'notifications.purge_read'), like(auditEvents.regionCode, `${w.county}%`)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit?.after).toMatchObject({ deleted: 1, retentionDays: 10 });
    expect(await retain()).toMatchObject({ messagesDeleted: 0 });
  });

  it('reads both periods from the settings, with defaults of three years and half a year', () => {
    expect(loadConfig({})).toMatchObject({ opinionRetentionDays: 1095, messageRetentionDays: 180 });
    expect(loadConfig({ LIANLUO_OPINION_RETENTION_DAYS: '730', LIANLUO_MESSAGE_RETENTION_DAYS: '30' })).toMatchObject({
      opinionRetentionDays: 730,
      messageRetentionDays: 30,
    });
    expect(() => loadConfig({ LIANLUO_OPINION_RETENTION_DAYS: '0' })).toThrow(/LIANLUO_OPINION_RETENTION_DAYS/);
    expect(() => loadConfig({ LIANLUO_MESSAGE_RETENTION_DAYS: 'a year' })).toThrow(/LIANLUO_MESSAGE_RETENTION_DAYS/);
  });
});
