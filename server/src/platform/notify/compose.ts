import { batchLoader, perExecutor } from '../../db/batch.js';
import type { Executor } from '../../db/client.js';
import { type FieldCrypto, maskPhone } from '../crypto.js';
import type { Recipient } from '../outbox.js';
import { templateKeyDefinition } from './catalog.js';
import { findTemplate, type NewNotification, phonesOfUsers, type TemplateRow } from './notify.repo.js';
import type { Channel, TemplateLocale, TemplateVars } from './notify.tables.js';
import type { NotifyProviders } from './providers/types.js';
import { htmlToText, render } from './render.js';

const MOBILE_RE = /^1[3-9]\d{9}$/;

/** 138 0013 8000, +86-138-0013-8000 → 13800138000; anything else is not a Chinese mobile number. */
export function normalizeMobile(phone: string): string | null {
  const digits = phone.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return MOBILE_RE.test(digits) ? digits : null;
}

export interface Rendered {
  subject: string | null;
  body: string;
}

export class RenderError extends Error {}

/** The template of a key for a channel, filled in. Email bodies are HTML with escaped values; the others plain text. */
export async function renderFor(
  lookup: TemplateLookup,
  key: string,
  channel: Channel,
  locale: TemplateLocale,
  vars: TemplateVars,
): Promise<Rendered> {
  const template = await lookup(key, channel, locale);
  if (!template) throw new RenderError(`No ${channel} template for ${key} (${locale})`);
  try {
    return {
      subject: template.subject === null ? null : render(template.subject, vars),
      body: render(template.body, vars, { html: channel === 'email' }),
    };
  } catch (err) {
    throw new RenderError((err as Error).message);
  }
}

export const emailText = (html: string) => htmlToText(html);

export type TemplateLookup = (key: string, channel: Channel, locale: TemplateLocale) => Promise<TemplateRow | undefined>;

/** Reads each template once per dispatch: an event to a hundred deputies needs one query, not a hundred. */
export function templateLookup(db: Executor): TemplateLookup {
  const seen = new Map<string, Promise<TemplateRow | undefined>>();
  return (key, channel, locale) => {
    const id = `${key}\u0000${channel}\u0000${locale}`;
    let found = seen.get(id);
    if (!found) {
      found = findTemplate(db, key, channel, locale);
      seen.set(id, found);
    }
    return found;
  };
}

/** An account's mobile number; a dispatch batch's SMS recipients' numbers are read together (db/batch.ts). */
const phones = perExecutor((db) =>
  batchLoader(
    (ids) => phonesOfUsers(db, ids),
    (): string | null | undefined => undefined,
  ),
);
const phoneOfUser = (db: Executor, userId: string) => phones(db).load(userId);

interface ComposeDeps {
  crypto: FieldCrypto;
  notify: NotifyProviders;
}

interface Base {
  outboxId: number;
  topic: string;
  regionCode: string | null;
}

/**
 * The notification rows for one recipient, one per channel. A recipient the channel cannot reach
 * (no mobile number, no mail server) gets a 'skipped' row that says why; a template that cannot be
 * rendered gives a 'dead' row with the error — nothing disappears silently.
 */
export async function composeRows(
  db: Executor,
  deps: ComposeDeps,
  lookup: TemplateLookup,
  base: Base,
  r: Recipient,
  now: Date,
): Promise<NewNotification[]> {
  checkRecipient(r);
  const locale: TemplateLocale = r.locale ?? 'zh';
  const rows: NewNotification[] = [];
  for (const channel of new Set(r.channels)) {
    const row: NewNotification = {
      ...base,
      channel,
      recipientKey: '',
      recipientUserId: r.userId ?? null,
      templateKey: r.templateKey,
      locale,
      vars: r.vars,
      link: r.link ?? null,
      body: '',
      status: 'queued',
      nextAttemptAt: now,
    };
    const skip = await address(db, deps, channel, r, row);
    if (skip) {
      rows.push({ ...row, status: 'skipped', lastError: skip, nextAttemptAt: null });
      continue;
    }
    try {
      Object.assign(row, await renderFor(lookup, r.templateKey, channel, locale, r.vars));
    } catch (err) {
      if (!(err instanceof RenderError)) throw err;
      rows.push({ ...row, status: 'dead', lastError: err.message, nextAttemptAt: null });
      continue;
    }
    // An in-app message is delivered by being written.
    if (channel === 'in_app') Object.assign(row, { status: 'sent', sentAt: now, provider: 'in_app', nextAttemptAt: null });
    rows.push(row);
  }
  return rows;
}

/** Fills in who receives the row; returns the reason when the channel cannot reach the recipient. */
async function address(
  db: Executor,
  deps: ComposeDeps,
  channel: Channel,
  r: Recipient,
  row: NewNotification,
): Promise<string | null> {
  if (channel === 'in_app') {
    row.recipientKey = `user:${r.userId}`;
    return null;
  }
  if (channel === 'sms') {
    const given = r.phone ?? (r.userId ? await phoneOfUser(db, r.userId) : null);
    const mobile = given ? normalizeMobile(given) : null;
    if (!mobile) {
      row.recipientKey = r.userId ? `user:${r.userId}` : `phone:invalid:${deps.crypto.blindIndex(given ?? '')}`;
      return given ? 'Not a mobile number that can receive SMS' : 'The recipient has no mobile number';
    }
    row.recipientKey = `phone:${deps.crypto.blindIndex(mobile)}`;
    row.recipientPhoneEnc = deps.crypto.encrypt(mobile);
    row.recipientPhoneMasked = maskPhone(mobile);
    return null;
  }
  const email = r.email?.trim().toLowerCase();
  row.recipientKey = email ? `email:${email}` : `user:${r.userId}`;
  if (!email) return 'The recipient has no email address';
  row.recipientEmail = email;
  if (!deps.notify.email) return 'No mail server is configured (set SMTP_URL and SMTP_FROM)';
  return null;
}

/** A malformed recipient is a bug in the subscriber: it fails the dispatch loudly (and is retried) rather than guessing. */
function checkRecipient(r: Recipient): void {
  if (!templateKeyDefinition(r.templateKey)) throw new Error(`Undeclared template key: ${r.templateKey}`);
  if (r.channels.length === 0) throw new Error(`No channel for a ${r.templateKey} recipient`);
  if (r.channels.includes('in_app') && !r.userId) throw new Error(`An in-app ${r.templateKey} recipient needs a userId`);
  if (r.channels.includes('sms') && !r.userId && !r.phone)
    throw new Error(`An SMS ${r.templateKey} recipient needs a userId or a phone`);
  if (r.channels.includes('email') && !r.userId && !r.email)
    throw new Error(`An email ${r.templateKey} recipient needs a userId or an email`);
}
