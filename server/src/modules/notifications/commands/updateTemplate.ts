import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import type { Channel, TemplateLocale } from '../../../platform/notify/notify.tables.js';
import { findTemplateForUpdate, saveTemplate } from '../notifications.repo.js';
import { checkTemplate, declaredKey } from '../notifications.rules.js';

export interface UpdateTemplateInput {
  key: string;
  channel: Channel;
  locale: TemplateLocale;
  subject: string | null;
  body: string;
}

/** Saves the wording of an event's template for a channel and language (creating it if that pair had none). */
export async function updateTemplate(db: Db, ctx: RequestContext, input: UpdateTemplateInput) {
  const def = declaredKey(input.key);
  checkTemplate(def, input.channel, input);
  return db.transaction(async (tx) => {
    const before = await findTemplateForUpdate(tx, input.key, input.channel, input.locale);
    const saved = await saveTemplate(tx, { ...input, updatedBy: ctx.user?.id ?? null });
    if (!saved) throw new Error('template not saved');
    await recordAudit(tx, ctx, {
      action: 'notification_template.update',
      entityType: 'notification_template',
      entityId: `${input.key}/${input.channel}/${input.locale}`,
      before: before ? { subject: before.subject, body: before.body } : null,
      after: { subject: saved.subject, body: saved.body },
    });
    return saved;
  });
}
