import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { declareTemplateKey } from '../platform/notify/catalog.js';
import { type Channel, notifications, notificationTemplates, outbox } from '../platform/notify/notify.tables.js';
import type { EmailMessage, EmailProvider, SmsMessage, SmsProvider } from '../platform/notify/providers/types.js';
import { type EmitInput, emit, type Recipient, subscribe } from '../platform/outbox.js';
import { uniq } from './factories.js';

/**
 * A clock decades ahead, for the dispatcher and the sender: rows due by it are not due by the real
 * clock, so the workers of other test files on the shared PostgreSQL never pick this file's rows.
 */
export function testClock() {
  let t = Date.now() + 50 * 365 * 86_400_000;
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

/** An SMS provider whose behaviour is scripted per phone: fail the first n sends (or always), then succeed. */
export class ScriptedSmsProvider implements SmsProvider {
  readonly name = 'scripted';
  readonly sent: SmsMessage[] = [];
  readonly calls = new Map<string, number>();
  private readonly failures = new Map<string, number>();

  failFirst(phone: string, times: number): void {
    this.failures.set(phone, times);
  }

  async send(m: SmsMessage): Promise<{ messageId: string }> {
    const n = (this.calls.get(m.phone) ?? 0) + 1;
    this.calls.set(m.phone, n);
    if (n <= (this.failures.get(m.phone) ?? 0)) throw new Error(`gateway unavailable (call ${n})`);
    this.sent.push(m);
    return { messageId: `scripted-${m.reference}-${n}` };
  }
}

export class CapturingEmailProvider implements EmailProvider {
  readonly name = 'capture';
  readonly sent: EmailMessage[] = [];

  async send(m: EmailMessage): Promise<{ messageId: string }> {
    this.sent.push(m);
    return { messageId: `<${m.reference}@test>` };
  }
}

/** A mobile number nobody else's test uses (so per-phone scripts and lookups stay separate). */
export const uniqMobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/**
 * A topic and template key of the test's own, with templates for every channel in Chinese, and a
 * subscriber that tells whoever the event's payload names.
 */
export async function testEvent(db: Executor, o: { variables?: string[]; subject?: string; body?: string } = {}) {
  const id = uniq('t');
  const topic = `test.${id}`;
  const key = `test.${id}`;
  const variables = o.variables ?? ['code', 'summary'];
  declareTemplateKey({
    key,
    description: { zh: '测试事件', en: 'Test event' },
    variables: Object.fromEntries(variables.map((v) => [v, { zh: v, en: v }])),
  });
  const subject = o.subject ?? '意见 {{code}}';
  const body = o.body ?? '您的意见{{code}}：{{summary}}';
  const channels: Channel[] = ['in_app', 'sms', 'email'];
  await db
    .insert(notificationTemplates)
    .values(
      channels.map((channel) => ({ key, channel, locale: 'zh' as const, subject: channel === 'sms' ? null : subject, body })),
    );
  let failWith: Error | null = null;
  const unsubscribe = subscribe(topic, (event) => {
    if (failWith) throw failWith;
    return (event.payload.recipients as Recipient[]).map((r) => ({ ...r, templateKey: r.templateKey ?? key }));
  });
  return {
    topic,
    key,
    unsubscribe,
    /** Makes the subscriber throw (null: work again), as a subscriber with a bug would. */
    failSubscriber(err: Error | null) {
      failWith = err;
    },
  };
}

/** Emits in a transaction of its own and commits. */
export async function emitCommitted(db: Db, input: Omit<EmitInput, 'payload'> & { recipients: Partial<Recipient>[] }) {
  const { recipients, ...rest } = input;
  return db.transaction((tx) => emit(tx, { ...rest, payload: { recipients } }));
}

export const outboxRow = async (db: Executor, id: number) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0];
export const notificationsOf = (db: Executor, outboxId: number) =>
  db.select().from(notifications).where(eq(notifications.outboxId, outboxId));
