import type { FastifyRequest } from 'fastify';
import type { SessionUser } from './auth/session.js';
import type { Locale } from './i18n.js';
import { localeOf } from './i18n.js';

/** Who is acting and from where: passed to every command, recorded in the audit trail. */
export interface RequestContext {
  user: SessionUser | null;
  /** For actions without an account (a failed login names the username tried). */
  actorName?: string;
  ip?: string;
  userAgent?: string;
  locale: Locale;
}

export function contextOf(req: FastifyRequest): RequestContext {
  return {
    user: req.user ?? null,
    ip: req.ip,
    userAgent: req.headers['user-agent']?.slice(0, 300),
    locale: localeOf(req),
  };
}

/** For the seed command and jobs: a system actor. */
export function systemContext(name = 'system'): RequestContext {
  return { user: null, actorName: name, locale: 'zh' };
}
