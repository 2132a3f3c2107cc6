import type { AppDeps } from '../../../app.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { AppError, conflict, notFound } from '../../../platform/errors.js';
import { RenderError, renderFor } from '../../../platform/notify/compose.js';
import { findTemplate } from '../../../platform/notify/notify.repo.js';
import { providersOf } from '../../../platform/notify/providers/index.js';
import { assertInScope } from '../../../platform/scope.js';
import { findNotificationForUpdate, updateNotification } from '../notifications.repo.js';

/**
 * Gives a delivery that stopped (dead, or skipped for want of a mail server) another round of
 * attempts. It is rendered again from the current template, so a corrected template takes effect.
 */
export async function retryNotification(
  deps: Pick<AppDeps, 'db' | 'config' | 'notify' | 'clock'>,
  ctx: RequestContext,
  id: string,
) {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const row = await findNotificationForUpdate(tx, id);
    if (!row || !ctx.user) throw notFound('通知', 'Notification');
    assertInScope(ctx.user, row.regionCode ?? '');
    if (row.status !== 'dead' && row.status !== 'skipped') {
      throw conflict('NOT_RETRYABLE', {
        zh: '只有发送失败（dead）或被跳过（skipped）的通知可以重发',
        en: 'Only dead or skipped deliveries can be retried',
      });
    }
    if (row.channel === 'sms' && !row.recipientPhoneEnc) {
      throw conflict('NO_ADDRESS', { zh: '该通知没有可接收短信的手机号码', en: 'This delivery has no mobile number to send to' });
    }
    if (row.channel === 'email' && (!row.recipientEmail || !providersOf(deps).email)) {
      throw conflict('NO_ADDRESS', {
        zh: row.recipientEmail ? '未配置邮件服务器（SMTP_URL、SMTP_FROM）' : '该通知没有邮件地址',
        en: row.recipientEmail ? 'No mail server is configured (SMTP_URL, SMTP_FROM)' : 'This delivery has no email address',
      });
    }
    let rendered: { subject: string | null; body: string };
    try {
      rendered = await renderFor((k, c, l) => findTemplate(tx, k, c, l), row.templateKey, row.channel, row.locale, row.vars);
    } catch (err) {
      if (!(err instanceof RenderError)) throw err;
      throw new AppError(409, 'TEMPLATE_RENDER_FAILED', {
        zh: `模板无法生成内容，请先修改模板：${err.message}`,
        en: `The template cannot be rendered; correct it first: ${err.message}`,
      });
    }
    const now = deps.clock?.now() ?? new Date();
    const next =
      row.channel === 'in_app'
        ? { status: 'sent' as const, sentAt: now, provider: 'in_app', nextAttemptAt: null }
        : { status: 'queued' as const, attempts: 0, nextAttemptAt: now };
    await updateNotification(tx, id, { ...rendered, ...next, lastError: null });
    await recordAudit(tx, ctx, {
      action: 'notification.retry',
      entityType: 'notification',
      entityId: id,
      regionCode: row.regionCode,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
      after: { status: next.status },
    });
    return { id, status: next.status, channel: row.channel };
  });
}
