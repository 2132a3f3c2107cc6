import { badRequest, notFound } from '../../platform/errors.js';
import { type TemplateKeyDefinition, templateKeyDefinition } from '../../platform/notify/catalog.js';
import type { Channel } from '../../platform/notify/notify.tables.js';
import { hasMalformedPlaceholder, placeholdersOf } from '../../platform/notify/render.js';
import { BODY_LIMITS } from './notifications.schema.js';

export function declaredKey(key: string): TemplateKeyDefinition {
  const def = templateKeyDefinition(key);
  if (!def) throw notFound(`通知事件 ${key} `, `Notification event ${key}`);
  return def;
}

/**
 * What an edited template must satisfy before it is saved: every {{placeholder}} is a variable the
 * event declares (a typo would otherwise fail every delivery at send time), the braces are well
 * formed, the text fits the channel, and the channels that show a title have one.
 */
export function checkTemplate(def: TemplateKeyDefinition, channel: Channel, t: { subject: string | null; body: string }): void {
  if (channel === 'sms' && t.subject) {
    throw badRequest('SMS_HAS_NO_SUBJECT', {
      zh: '短信模板没有标题，请清空标题',
      en: 'SMS templates have no subject; leave it empty',
    });
  }
  if (channel !== 'sms' && !t.subject) {
    throw badRequest('SUBJECT_REQUIRED', { zh: '站内消息和邮件模板需要标题', en: 'In-app and email templates need a subject' });
  }
  const limit = BODY_LIMITS[channel];
  if ([...t.body].length > limit) {
    throw badRequest('TEMPLATE_TOO_LONG', {
      zh: `该渠道的模板内容不能超过 ${limit} 个字符`,
      en: `Templates for this channel are limited to ${limit} characters`,
    });
  }
  const text = `${t.subject ?? ''}\n${t.body}`;
  if (hasMalformedPlaceholder(text)) {
    throw badRequest('MALFORMED_PLACEHOLDER', {
      zh: '占位符格式不正确：变量应写作 {{变量名}}，如 {{code}}',
      en: 'A placeholder is malformed: write variables as {{name}}, e.g. {{code}}',
    });
  }
  const allowed = Object.keys(def.variables);
  const unknown = placeholdersOf(text).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    const names = unknown.map((n) => `{{${n}}}`).join(', ');
    const known = allowed.map((n) => `{{${n}}}`).join(', ');
    throw badRequest(
      'UNKNOWN_PLACEHOLDER',
      {
        zh: `模板使用了未定义的变量 ${names}；可用变量：${known}`,
        en: `The template uses undeclared variables ${names}; available: ${known}`,
      },
      { unknown, allowed },
    );
  }
  if (channel === 'email' && /<\s*script|javascript\s*:|\son[a-z]+\s*=/i.test(t.body)) {
    throw badRequest('UNSAFE_HTML', { zh: '邮件模板不能包含脚本', en: 'Email templates may not contain scripts' });
  }
}
