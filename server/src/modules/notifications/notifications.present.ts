import type { Locale } from '../../platform/i18n.js';
import { type TemplateKeyDefinition, templateKeyDefinition } from '../../platform/notify/catalog.js';
import type { notifications, notificationTemplates } from '../../platform/notify/notify.tables.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** z***@example.com: enough to recognise an address, not to harvest it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

export function presentMessage(m: {
  id: string;
  topic: string;
  templateKey: string;
  subject: string | null;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}) {
  return { ...m, readAt: iso(m.readAt), createdAt: m.createdAt.toISOString() };
}

type NotificationRow = typeof notifications.$inferSelect;

function recipientOf(n: NotificationRow, user: { displayName: string | null; username: string | null }): string {
  if (n.channel === 'sms' && n.recipientPhoneMasked) return n.recipientPhoneMasked;
  if (n.channel === 'email' && n.recipientEmail) return maskEmail(n.recipientEmail);
  if (user.username) return `${user.displayName ?? ''}（${user.username}）`;
  return '—';
}

export function presentDelivery(row: { n: NotificationRow; userDisplayName: string | null; username: string | null }) {
  const { n } = row;
  return {
    id: n.id,
    outboxId: n.outboxId,
    topic: n.topic,
    channel: n.channel,
    templateKey: n.templateKey,
    locale: n.locale,
    recipient: recipientOf(n, { displayName: row.userDisplayName, username: row.username }),
    recipientUserId: n.recipientUserId,
    status: n.status,
    attempts: n.attempts,
    lastError: n.lastError,
    nextAttemptAt: iso(n.nextAttemptAt),
    sentAt: iso(n.sentAt),
    provider: n.provider,
    providerMessageId: n.providerMessageId,
    regionCode: n.regionCode,
    createdAt: n.createdAt.toISOString(),
  };
}

const variablesOf = (def: TemplateKeyDefinition | undefined, locale: Locale) =>
  Object.entries(def?.variables ?? {}).map(([name, text]) => ({ name, description: text[locale] }));

export function presentTemplate(t: typeof notificationTemplates.$inferSelect, locale: Locale) {
  const def = templateKeyDefinition(t.key);
  return {
    key: t.key,
    channel: t.channel,
    locale: t.locale,
    subject: t.subject,
    body: t.body,
    declared: def !== undefined,
    variables: variablesOf(def, locale),
    updatedBy: t.updatedBy,
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function presentTemplateKey(def: TemplateKeyDefinition, locale: Locale) {
  return { key: def.key, description: def.description[locale], variables: variablesOf(def, locale) };
}
