import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { normalizeMobile } from './compose.js';
import { AliyunSmsProvider, aliyunParams, envSuffixOf } from './providers/aliyun.js';
import { ConsoleSmsProvider, createNotifyProviders, PermanentSendError, SmtpEmailProvider } from './providers/index.js';
import { escapeHtml, hasMalformedPlaceholder, htmlToText, MissingVariableError, placeholdersOf, render } from './render.js';
import { retryDelayMs } from './send.js';

describe('template rendering', () => {
  it('fills placeholders, tolerating spaces inside the braces, and escapes values for HTML only', () => {
    expect(render('意见{{code}}：{{ summary }}', { code: 'A-1', summary: '<b>路灯</b>' })).toBe('意见A-1：<b>路灯</b>');
    expect(render('<p>{{summary}}</p>', { summary: '<b>"x" & \'y\'</b>' }, { html: true })).toBe(
      '<p>&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</p>',
    );
    expect(render('{{n}} 天', { n: 3 })).toBe('3 天');
    expect(render('{{code}}', { code: '' })).toBe('');
  });

  it('refuses to render a placeholder that has no value, rather than sending a hole', () => {
    expect(() => render('{{code}} {{reason}}', { code: 'A' })).toThrow(MissingVariableError);
    // Inherited properties are not values.
    expect(() => render('{{constructor}}', {})).toThrow(MissingVariableError);
  });

  it('lists placeholders and spots malformed ones', () => {
    expect(placeholdersOf('{{a}} {{ b }} {{a}}')).toEqual(['a', 'b']);
    for (const bad of ['{{a}', '{a}}', '{{}}', '{{1a}}', '{{a b}}', '{{a}}}', '{{{a}}'])
      expect(hasMalformedPlaceholder(bad), bad).toBe(true);
    for (const good of ['{{a}}', 'p { color: red }', '无占位符']) expect(hasMalformedPlaceholder(good), good).toBe(false);
  });

  it('derives the text part of an email from its HTML', () => {
    expect(htmlToText('<p>第一段 &amp; 说明</p><p>第二段<br>换行 &lt;x&gt;</p>')).toBe('第一段 & 说明\n第二段\n换行 <x>');
    expect(escapeHtml('<a href="x">')).toBe('&lt;a href=&quot;x&quot;&gt;');
  });
});

describe('addresses and retries', () => {
  it('accepts Chinese mobile numbers in the usual spellings and nothing else', () => {
    expect(normalizeMobile('138 0013 8000')).toBe('13800138000');
    expect(normalizeMobile('+86-138-0013-8000')).toBe('13800138000');
    expect(normalizeMobile('0451-86661234')).toBeNull();
    expect(normalizeMobile('12800138000')).toBeNull();
  });

  it('backs off exponentially: 1, 2, 4, 8, 16 minutes', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16]);
  });
});

describe('providers from the configuration', () => {
  it('uses the console for SMS and no email when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.notify).toEqual({ sms: { provider: 'console' }, email: null });
    const providers = createNotifyProviders(config.notify);
    expect(providers.sms).toBeInstanceOf(ConsoleSmsProvider);
    expect(providers.email).toBeNull();
  });

  it('uses Alibaba Cloud with per-event template codes, and SMTP, when they are configured', () => {
    const config = loadConfig({
      ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-test',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
      ALIYUN_SMS_SIGN_NAME: '联络平台',
      ALIYUN_SMS_TEMPLATE_OPINION_ACCEPTED: 'SMS_100000001',
      ALIYUN_SMS_TEMPLATE_OPINION_DUE_SOON: ' SMS_100000002 ',
      SMTP_URL: 'smtps://notify:pw@mail.example.gov.cn:465',
      SMTP_FROM: '联络平台 <notify@example.gov.cn>',
    });
    expect(config.notify.sms).toMatchObject({
      provider: 'aliyun',
      signName: '联络平台',
      endpoint: 'dysmsapi.aliyuncs.com',
      templateCodes: { OPINION_ACCEPTED: 'SMS_100000001', OPINION_DUE_SOON: 'SMS_100000002' },
    });
    const providers = createNotifyProviders(config.notify);
    expect(providers.sms).toBeInstanceOf(AliyunSmsProvider);
    expect(providers.email).toBeInstanceOf(SmtpEmailProvider);
  });

  it('refuses half a configuration', () => {
    expect(() => loadConfig({ ALIYUN_SMS_ACCESS_KEY_ID: 'only-the-id' })).toThrow(/ALIYUN_SMS_ACCESS_KEY_SECRET/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.cn' })).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.cn', SMTP_FROM: 'a@b.cn' })).toThrow(/SMTP_URL/);
  });

  it('maps template keys to Alibaba Cloud template codes and fits the parameters to its limits', async () => {
    expect(envSuffixOf('opinion.due_soon')).toBe('OPINION_DUE_SOON');
    expect(aliyunParams({ code: 'HRB-1', note: '', summary: '长'.repeat(40) })).toEqual({
      code: 'HRB-1',
      note: '-',
      summary: `${'长'.repeat(34)}…`,
    });
    const provider = new AliyunSmsProvider({
      accessKeyId: 'id',
      accessKeySecret: 's',
      signName: '联络',
      endpoint: 'dysmsapi.aliyuncs.com',
      templateCodes: {},
    });
    // Without an approved template the carrier cannot deliver: no network call, and no pointless retries.
    await expect(
      provider.send({ phone: '13800138000', templateKey: 'opinion.urged', params: {}, text: 'x', reference: 'r' }),
    ).rejects.toThrow(PermanentSendError);
    await expect(
      provider.send({ phone: '13800138000', templateKey: 'opinion.urged', params: {}, text: 'x', reference: 'r' }),
    ).rejects.toThrow('ALIYUN_SMS_TEMPLATE_OPINION_URGED');
  });
});
