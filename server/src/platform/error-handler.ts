import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, pgErrorCode } from './errors.js';
import { isTranslated, type Locale, localeOf, tr, translate } from './i18n.js';

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

type Issue = z.core.$ZodIssue;

function issueMessage(issue: Issue, locale: Locale): string {
  if (isTranslated(issue.message)) return translate(issue.message, locale);
  const formatted = (locale === 'zh' ? zh : en)(issue as unknown as z.core.$ZodRawIssue);
  const text = typeof formatted === 'string' ? formatted : formatted?.message;
  return text ?? issue.message;
}

const CONTEXT_LABEL: Record<string, { zh: string; en: string }> = {
  body: { zh: '请求内容', en: 'body' },
  querystring: { zh: '查询参数', en: 'query' },
  params: { zh: '路径参数', en: 'path' },
  headers: { zh: '请求头', en: 'headers' },
};

/**
 * One shape for every error: { statusCode, code, message, issues? }, in the client's language.
 * A 5xx never shows its stack or internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, req, reply) => {
    const locale = localeOf(req);
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({
        statusCode: error.statusCode,
        code: error.code,
        message: error.messageFor(locale),
        ...(error.details ?? {}),
      });
    }
    const fe = error as FastifyError & { validation?: unknown; validationContext?: string };
    if (fe.code === 'FST_ERR_VALIDATION' && Array.isArray(fe.validation)) {
      const ctxLabel = CONTEXT_LABEL[fe.validationContext ?? 'body']?.[locale] ?? fe.validationContext;
      const issues = (fe.validation as unknown as Issue[]).map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issueMessage(issue, locale),
      }));
      const first = issues[0];
      const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : '';
      return reply.status(400).send({
        statusCode: 400,
        code: 'VALIDATION',
        message: locale === 'zh' ? `${ctxLabel}有误：${summary}` : `Invalid ${ctxLabel}: ${summary}`,
        issues,
      });
    }
    const status = fe.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known: Record<string, { zh: string; en: string }> = {
        FST_ERR_CTP_BODY_TOO_LARGE: { zh: '请求内容过大', en: 'The request body is too large' },
        FST_ERR_CTP_INVALID_MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
        FST_ERR_CTP_EMPTY_JSON_BODY: { zh: '请求内容不能为空', en: 'The JSON body is empty' },
        FST_REQ_FILE_TOO_LARGE: { zh: '文件过大', en: 'The file is too large' },
        FST_INVALID_MULTIPART_CONTENT_TYPE: { zh: '请以文件上传方式提交', en: 'Send the file as multipart/form-data' },
      };
      const text = known[fe.code ?? ''];
      const message = text
        ? text[locale]
        : status === 429
          ? locale === 'zh'
            ? '请求过于频繁，请稍后再试'
            : 'Too many requests; try again later'
          : fe.message;
      return reply.status(status).send({ statusCode: status, code: fe.code ?? 'BAD_REQUEST', message });
    }
    const pg = pgErrorCode(error);
    // Constraint violations that slipped past validation are the client's fault, not a crash.
    // A NUL that came by a way no validator saw (PostgreSQL refuses it in text and in JSON).
    if (pg === '22021' || pg === '22P05') {
      req.log.warn({ err: error }, 'NUL character in input');
      return reply.status(400).send({ statusCode: 400, code: 'CONTROL_CHARACTER', message: NUL_TEXT[locale] });
    }
    if (pg === '23505' || pg === '23503' || pg === '23514' || pg === '22001' || pg === '22P02') {
      req.log.warn({ err: error }, 'constraint violation');
      const messages: Record<string, { zh: string; en: string }> = {
        '23505': { zh: '记录已存在（唯一性冲突）', en: 'A record with these values already exists' },
        '23503': { zh: '引用的记录不存在或仍被使用', en: 'A referenced record does not exist or is still in use' },
        '23514': { zh: '数据不符合约束条件', en: 'The data violates a constraint' },
        '22001': { zh: '内容过长', en: 'A value is too long' },
        '22P02': { zh: '数据格式不正确', en: 'A value has the wrong format' },
      };
      const status409 = pg === '23505' || pg === '23503';
      return reply.status(status409 ? 409 : 400).send({
        statusCode: status409 ? 409 : 400,
        code: `DB_${pg}`,
        message: (messages[pg] as { zh: string; en: string })[locale],
      });
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      statusCode: 500,
      code: 'INTERNAL',
      message: locale === 'zh' ? '服务器内部错误，请稍后再试' : 'Internal server error; please try again later',
    });
  });
}

export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(req);
  const where = `${req.method} ${req.url.split('?')[0]}`;
  return reply.status(404).send({
    statusCode: 404,
    code: 'ROUTE_NOT_FOUND',
    message: locale === 'zh' ? `接口不存在：${where}` : `No such route: ${where}`,
  });
}

/** Our own Zod validator: keeps the issue list intact so the handler can word it per locale. */
export function zodValidatorCompiler({ schema }: { schema: unknown }) {
  return (data: unknown) => {
    const nul = nulPath(data);
    if (nul) {
      const issue = { code: 'custom', path: nul, message: NUL_MESSAGE, input: undefined };
      return { error: Object.assign(new Error('Validation failed'), { validation: [issue] }) };
    }
    const result = (schema as z.ZodType).safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: Object.assign(new Error('Validation failed'), { validation: result.error.issues }) };
  };
}

/** PostgreSQL's text cannot hold U+0000: such input is refused before it reaches a statement. */
export const NUL_TEXT = {
  zh: '内容含有无法保存的控制字符（U+0000），请删除后再提交',
  en: 'The text contains a NUL character (U+0000), which cannot be stored; remove it and send again',
};
const NUL_MESSAGE = tr(NUL_TEXT.zh, NUL_TEXT.en);

/** The path of the first string holding U+0000 in a request's body, query or parameters. */
export function nulPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value instanceof Uint8Array) return null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulPath(v, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = nulPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}
