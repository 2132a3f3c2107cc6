import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { unauthenticated } from '../../platform/auth/plugin.js';
import { deleteSession, findSession, MAX_SESSION_MS, SESSION_COOKIE, type SessionUser } from '../../platform/auth/session.js';
import { contextOf } from '../../platform/context.js';
import { ErrorResponse } from '../../platform/http.js';
import type { ModuleManifest } from '../index.js';
import { regions } from '../regions/regions.tables.js';
import { ChangePasswordBody, LoginBody, Me } from './auth.schema.js';
import { changePassword } from './commands/changePassword.js';
import { login } from './commands/login.js';

const tags = ['auth'];

export const authModule: ModuleManifest = {
  name: 'auth',
  routes: async (app) => {
    const { db, config } = app.deps;

    const presentMe = async (u: SessionUser, csrfToken: string | null) => {
      const [region] = u.regionCode
        ? await db.select({ name: regions.name }).from(regions).where(eq(regions.code, u.regionCode))
        : [];
      return { ...u, regionName: region?.name ?? null, csrfToken: csrfToken ?? '' };
    };

    app.post(
      '/auth/login',
      {
        config: {
          access: 'public',
          rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' },
        },
        schema: {
          tags,
          summary: '登录 Sign in',
          body: LoginBody,
          response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse, 423: ErrorResponse },
        },
      },
      async (req, reply) => {
        const result = await login(db, contextOf(req), req.body);
        reply.setCookie(SESSION_COOKIE, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: config.cookieSecure,
          maxAge: MAX_SESSION_MS / 1000,
        });
        const found = await findSession(db, result.token);
        if (!found.ok) throw new Error('session vanished after login');
        return presentMe(found.user, found.csrfToken);
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: { tags, summary: '退出 Sign out', response: { 200: z.object({ ok: z.literal(true) }) } },
      },
      async (req, reply) => {
        if (req.sessionId) await deleteSession(db, req.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/me',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: { tags, summary: '当前用户 The signed-in account', response: { 200: Me, 401: ErrorResponse } },
      },
      async (req) => {
        if (!req.user) throw unauthenticated();
        return presentMe(req.user, req.csrfToken);
      },
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: {
          tags,
          summary: '修改密码 Change password',
          body: ChangePasswordBody,
          response: { 200: z.object({ ok: z.literal(true) }), 400: ErrorResponse },
        },
      },
      async (req) => {
        await changePassword(db, { ...contextOf(req), sessionId: req.sessionId ?? '' }, req.body);
        return { ok: true as const };
      },
    );
  },
};
