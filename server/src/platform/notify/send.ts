import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import type { FieldCrypto } from '../crypto.js';
import { emailText } from './compose.js';
import { claimDueNotifications, type NotificationRow, recordSendOutcome } from './notify.repo.js';
import { providersOf } from './providers/index.js';
import { type NotifyProviders, PermanentSendError } from './providers/types.js';

export interface SendDeps {
  db: Db;
  crypto: FieldCrypto;
  config: Pick<Config, 'notify'>;
  notify?: NotifyProviders;
  clock?: Clock;
}

interface Sender {
  db: Db;
  crypto: FieldCrypto;
  notify: NotifyProviders;
}

export interface SendResult {
  sent: number;
  failed: number;
  dead: number;
  skipped: number;
}

/** After the sixth failed attempt a delivery is dead: kept, listed for the administrator, retried only by hand. */
export const MAX_SEND_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 60_000;
/** A provider that does not answer in time counts as a failed attempt. */
const SEND_TIMEOUT_MS = 60_000;
/** Well beyond SEND_TIMEOUT_MS, so a lease never runs out while its row is being sent. */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;
const MAX_PER_RUN = 500;

/** 1, 2, 4, 8, 16 minutes after attempts 1–5: about half an hour of trying before a delivery is dead. */
export const retryDelayMs = (attempts: number) => BACKOFF_BASE_MS * 2 ** (attempts - 1);

/**
 * Sends the due SMS and email deliveries through their providers. Each batch is leased in a short
 * transaction (SKIP LOCKED) and sent outside it; a failure is retried with exponential backoff up to
 * MAX_SEND_ATTEMPTS, then marked dead — never lost, always visible.
 */
export interface SendOptions {
  /** The time of this run (a test moves it to make a backoff run out); by default the dependencies' clock. */
  now?: Date;
  /** Only the deliveries of these topics (a test keeps to its own on a shared database). */
  topics?: readonly string[];
}

export async function runNotificationsOnce(given: SendDeps, opts: SendOptions = {}): Promise<SendResult> {
  const deps: Sender = { db: given.db, crypto: given.crypto, notify: providersOf(given) };
  const clock = () => opts.now ?? given.clock?.now() ?? new Date();
  const result: SendResult = { sent: 0, failed: 0, dead: 0, skipped: 0 };
  let handled = 0;
  while (handled < MAX_PER_RUN) {
    const now = clock();
    const batch = await claimDueNotifications(deps.db, now, BATCH, new Date(now.getTime() + LEASE_MS), opts.topics);
    if (batch.length === 0) break;
    for (const row of batch) {
      const status = await sendOne(deps, row, clock());
      result[status]++;
    }
    handled += batch.length;
  }
  return result;
}

async function sendOne(deps: Sender, row: NotificationRow, now: Date): Promise<keyof SendResult> {
  try {
    const outcome = await deliver(deps, row);
    if (outcome === 'skipped') {
      await recordSendOutcome(deps.db, row, {
        status: 'skipped',
        lastError: 'No mail server is configured (set SMTP_URL and SMTP_FROM)',
        nextAttemptAt: null,
      });
      return 'skipped';
    }
    await recordSendOutcome(deps.db, row, {
      status: 'sent',
      sentAt: now,
      provider: outcome.provider,
      providerMessageId: outcome.messageId,
      lastError: null,
      nextAttemptAt: null,
    });
    return 'sent';
  } catch (err) {
    const message = ((err as Error)?.message ?? String(err)).slice(0, 1000);
    const dead = err instanceof PermanentSendError || row.attempts >= MAX_SEND_ATTEMPTS;
    await recordSendOutcome(deps.db, row, {
      status: dead ? 'dead' : 'failed',
      lastError: message,
      provider: providerName(deps, row),
      nextAttemptAt: dead ? null : new Date(now.getTime() + retryDelayMs(row.attempts)),
    });
    return dead ? 'dead' : 'failed';
  }
}

const providerName = (deps: Sender, row: NotificationRow) =>
  row.channel === 'sms' ? deps.notify.sms.name : (deps.notify.email?.name ?? null);

async function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${SEND_TIMEOUT_MS / 1000} s`)), SEND_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function deliver(deps: Sender, row: NotificationRow): Promise<{ provider: string; messageId: string } | 'skipped'> {
  if (row.channel === 'sms') {
    if (!row.recipientPhoneEnc) throw new PermanentSendError('The delivery has no phone number');
    const provider = deps.notify.sms;
    const { messageId } = await withTimeout(
      provider.send({
        phone: deps.crypto.decrypt(row.recipientPhoneEnc),
        templateKey: row.templateKey,
        params: Object.fromEntries(Object.entries(row.vars).map(([k, v]) => [k, String(v)])),
        text: row.body,
        reference: row.id,
      }),
      `The SMS provider ${provider.name}`,
    );
    return { provider: provider.name, messageId };
  }
  if (row.channel === 'email') {
    // The mail server may have been removed from the configuration since the delivery was queued.
    const provider = deps.notify.email;
    if (!provider) return 'skipped';
    if (!row.recipientEmail) throw new PermanentSendError('The delivery has no email address');
    const { messageId } = await withTimeout(
      provider.send({
        to: row.recipientEmail,
        subject: row.subject ?? '',
        html: row.body,
        text: emailText(row.body),
        reference: row.id,
      }),
      `The mail server`,
    );
    return { provider: provider.name, messageId };
  }
  throw new PermanentSendError('In-app messages are delivered when they are written');
}
