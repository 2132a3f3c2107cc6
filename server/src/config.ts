import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === '1' || v === 'true'));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LIANLUO_ADMIN_PASSWORD: z.string().optional(),
  LIANLUO_DEMO: flag,
  LIANLUO_DATA_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'LIANLUO_DATA_KEY must be 64 hex characters')
    .optional(),
  LIANLUO_COOKIE_SECURE: flag,
  LIANLUO_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  // The origin printed into station QR codes and cards (https://lianluo.example.gov.cn); without it, the request's own.
  LIANLUO_PUBLIC_URL: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'LIANLUO_PUBLIC_URL must be an http(s) URL' })])
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, '') : undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Retention (DESIGN §7, PIPL): how long a closed case keeps its constituent's name, phone and
  // address, and how long read in-app messages are kept.
  LIANLUO_OPINION_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(1095),
  LIANLUO_MESSAGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(180),
  // Notifications. SMS goes through Alibaba Cloud when its key, secret and signature are all set, and is
  // written to the server log otherwise; each event's SMS template code comes from ALIYUN_SMS_TEMPLATE_<KEY>
  // (ALIYUN_SMS_TEMPLATE_OPINION_ACCEPTED for opinion.accepted). Email goes out by SMTP when SMTP_URL is set.
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().trim().optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().trim().optional(),
  ALIYUN_SMS_SIGN_NAME: z.string().trim().optional(),
  ALIYUN_SMS_ENDPOINT: z.string().trim().default('dysmsapi.aliyuncs.com'),
  SMTP_URL: z
    .union([z.literal(''), z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' })])
    .optional(),
  SMTP_FROM: z.string().trim().optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  dataKeyHex: string | undefined;
  cookieSecure: boolean;
  loginRateLimit: number;
  logLevel: string;
  /** Origin of the public pages (no trailing slash), or undefined to use the request's protocol and host. */
  publicUrl: string | undefined;
  notify: NotifyConfig;
  /** Days after closing before a case's constituent details are anonymised. */
  opinionRetentionDays: number;
  /** Days before read in-app messages are deleted. */
  messageRetentionDays: number;
}

export interface NotifyConfig {
  sms:
    | { provider: 'console' }
    | {
        provider: 'aliyun';
        accessKeyId: string;
        accessKeySecret: string;
        signName: string;
        endpoint: string;
        /** Template codes by template key suffix (OPINION_ACCEPTED), as the SMS console approved them. */
        templateCodes: Record<string, string>;
      };
  /** null: no mail server, so email deliveries are marked skipped with the reason. */
  email: { url: string; from: string } | null;
}

const ALIYUN_TEMPLATE_PREFIX = 'ALIYUN_SMS_TEMPLATE_';

function notifyConfigOf(e: z.infer<typeof EnvSchema>, env: NodeJS.ProcessEnv): NotifyConfig {
  const problems: string[] = [];
  const aliyun = [e.ALIYUN_SMS_ACCESS_KEY_ID, e.ALIYUN_SMS_ACCESS_KEY_SECRET, e.ALIYUN_SMS_SIGN_NAME];
  if (aliyun.some(Boolean) && !aliyun.every(Boolean)) {
    problems.push('ALIYUN_SMS_ACCESS_KEY_ID, ALIYUN_SMS_ACCESS_KEY_SECRET and ALIYUN_SMS_SIGN_NAME are needed together');
  }
  if (e.SMTP_URL && !e.SMTP_FROM) problems.push('SMTP_FROM (the sender address) is needed with SMTP_URL');
  if (problems.length) throw new Error(`Invalid environment:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const templateCodes: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(ALIYUN_TEMPLATE_PREFIX) && value?.trim())
      templateCodes[name.slice(ALIYUN_TEMPLATE_PREFIX.length)] = value.trim();
  }
  return {
    sms: aliyun.every(Boolean)
      ? {
          provider: 'aliyun',
          accessKeyId: e.ALIYUN_SMS_ACCESS_KEY_ID as string,
          accessKeySecret: e.ALIYUN_SMS_ACCESS_KEY_SECRET as string,
          signName: e.ALIYUN_SMS_SIGN_NAME as string,
          endpoint: e.ALIYUN_SMS_ENDPOINT,
          templateCodes,
        }
      : { provider: 'console' },
    email: e.SMTP_URL && e.SMTP_FROM ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.LIANLUO_ADMIN_PASSWORD || undefined,
    demo: e.LIANLUO_DEMO ?? true,
    dataKeyHex: e.LIANLUO_DATA_KEY,
    cookieSecure: e.LIANLUO_COOKIE_SECURE ?? false,
    loginRateLimit: e.LIANLUO_LOGIN_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.LIANLUO_PUBLIC_URL,
    notify: notifyConfigOf(e, env),
    opinionRetentionDays: e.LIANLUO_OPINION_RETENTION_DAYS,
    messageRetentionDays: e.LIANLUO_MESSAGE_RETENTION_DAYS,
  };
}
