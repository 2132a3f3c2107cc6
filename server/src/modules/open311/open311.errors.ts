import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, pgErrorCode } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http.js';
import { isTranslated, type Locale, localeOf, translate } from '../../platform/i18n.js';

/** Open311 answers errors as a list: [{ code, description }], code being the HTTP status. */
export const open311Error = (status: number, description: string) => [{ code: status, description }];

const zodMessages = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

function issueText(issue: z.core.$ZodIssue, locale: Locale): string {
  const path = issue.path.map(String).join('.');
  let message = issue.message;
  if (isTranslated(message)) message = translate(message, locale);
  else {
    const formatted = zodMessages[locale](issue as unknown as z.core.$ZodRawIssue);
    message = (typeof formatted === 'string' ? formatted : formatted?.message) ?? message;
  }
  return path ? `${path}: ${message}` : message;
}

const CLIENT_ERRORS: Record<string, { zh: string; en: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    zh: '请求内容过大（description 不能超过 2000 个字）',
    en: 'The request body is too large (description is limited to 2000 characters)',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    zh: '请以 application/x-www-form-urlencoded 或 JSON 提交',
    en: 'Send the request as application/x-www-form-urlencoded or JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { zh: '请求内容不能为空', en: 'The body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { zh: '请求内容长度不正确', en: 'The content length is wrong' },
};

/** Every failure under /open311/v2 in the Open311 shape, in the client's language; never a stack. */
export function installOpen311Errors(app: AppInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, req, reply) => {
    const locale = localeOf(req);
    if (error instanceof AppError) {
      if (error.statusCode === 429 && typeof error.details?.retryAfter === 'number') {
        reply.header('retry-after', error.details.retryAfter);
      }
      return reply.status(error.statusCode).send(open311Error(error.statusCode, error.messageFor(locale)));
    }
    const fe = error as FastifyError & { validation?: unknown };
    if (fe.code === 'FST_ERR_VALIDATION' && Array.isArray(fe.validation)) {
      const issues = fe.validation as unknown as z.core.$ZodIssue[];
      return reply.status(400).send(issues.map((i) => ({ code: 400, description: issueText(i, locale) })));
    }
    const status = fe.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = CLIENT_ERRORS[fe.code ?? ''];
      const description = known
        ? known[locale]
        : status === 429
          ? locale === 'zh'
            ? '请求过于频繁，请稍后再试'
            : 'Too many requests; try again later'
          : fe.message;
      return reply.status(status).send(open311Error(status, description));
    }
    const pg = pgErrorCode(error);
    if (pg === '22P02' || pg === '23514' || pg === '22001') {
      return reply.status(400).send(open311Error(400, locale === 'zh' ? '数据格式不正确' : 'A value has the wrong format'));
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(open311Error(500, locale === 'zh' ? '服务器内部错误，请稍后再试' : 'Internal server error; please try again later'));
  });
}

/** Any other path under /open311/v2: Open311's 404, and a plain word about XML. */
export function open311NotFound(req: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(req);
  const path = req.url.split('?')[0] ?? '';
  if (path.endsWith('.xml')) {
    return reply
      .status(400)
      .send(
        open311Error(
          400,
          locale === 'zh' ? '仅支持 JSON 格式，请将 .xml 换成 .json' : 'Only JSON is served: use .json instead of .xml',
        ),
      );
  }
  return reply
    .status(404)
    .send(open311Error(404, locale === 'zh' ? `接口不存在：${req.method} ${path}` : `No such endpoint: ${req.method} ${path}`));
}
