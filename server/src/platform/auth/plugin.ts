import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, forbidden } from '../errors.js';
import type { Access } from './roles.js';
import { findSession, SESSION_COOKIE, type SessionRow, type SessionUser } from './session.js';
import { registerSessionCache, SessionCache } from './sessionCache.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    /** The sessions this app has looked up lately (sessionCache.ts). */
    sessionCache: SessionCache<SessionRow>;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Routes a user with a generated password may still call (me, change password, logout). */
    allowPendingPasswordChange?: boolean;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' });

/**
 * Every /api route must declare who may call it; a route without `config.access` fails at start-up,
 * so no route can be left unauthorized by omission.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  const cache = new SessionCache<SessionRow>();
  app.decorate('sessionCache', cache);
  const unregister = registerSessionCache(cache as SessionCache<unknown>);
  const stopListening = await cache.listen(app.deps.database);
  app.addHook('onClose', async () => {
    unregister();
    await stopListening();
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (route.method === 'HEAD' || route.method === 'OPTIONS') return;
    if (!route.config?.access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
  });

  // Before validation: a caller without the right to a route learns nothing, not even its body's shape.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const found = await findSession(app.deps.db, token, new Date(), cache);
      if (found.ok) {
        req.user = found.user;
        req.sessionId = found.sessionId;
        req.csrfToken = found.csrfToken;
      } else if (access !== 'public' && found.reason === 'expired') {
        throw new AppError(401, 'SESSION_EXPIRED', {
          zh: '会话已超时，请重新登录',
          en: 'Your session has expired; please sign in again',
        });
      }
    }
    if (access === 'public') return;
    if (!req.user) throw unauthenticated();
    if (UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== req.csrfToken) {
      throw new AppError(403, 'CSRF', {
        zh: '请求缺少有效的安全令牌，请刷新页面后重试',
        en: 'The request lacks a valid CSRF token; reload the page and try again',
      });
    }
    if (req.user.mustChangePassword && !req.routeOptions.config?.allowPendingPasswordChange) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', {
        zh: '首次登录或密码已重置，请先修改密码',
        en: 'Please change your password first',
      });
    }
    if (access !== 'authenticated' && !access.includes(req.user.role)) throw forbidden();
  });
});
