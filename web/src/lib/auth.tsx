import { useQueryClient } from '@tanstack/react-query';
import { Flex, Spin } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api } from './api';
import type { Role } from './policies';
import { setCsrfToken, setUnauthenticatedHandler } from './session';

/** The server's /api/auth/me answer (server/src/modules/auth/auth.schema.ts). */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string | null;
  organizationId: string | null;
  stationId: string | null;
  personId: string | null;
  mustChangePassword: boolean;
  csrfToken: string;
}

export interface AuthState {
  me: Me | null;
  loading: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<Me | null>;
}

const AuthContext = createContext<AuthState | null>(null);

export const CHANGE_PASSWORD_PATH = '/change-password';

/** Where to go after signing in: only paths inside the console, never another origin. */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const apply = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? '');
    setMe(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await api<Me>('/auth/me', { noRedirect: true });
      apply(next);
      return next;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        apply(null);
        return null;
      }
      throw err;
    } finally {
      setLoading(false);
    }
  }, [apply]);

  useEffect(() => {
    refresh().catch(() => {
      // The server is unreachable: show the login page, whose submit will report the error.
      apply(null);
    });
  }, [refresh, apply]);

  // An expired session anywhere sends the user to sign in again and back to where they were.
  useEffect(() => {
    setUnauthenticatedHandler((reason) => {
      apply(null);
      queryClient.clear();
      const here = window.location.pathname + window.location.search;
      if (window.location.pathname === '/login') return;
      const params = new URLSearchParams({ next: here });
      if (reason === 'expired') params.set('expired', '1');
      void navigate(`/login?${params.toString()}`, { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [apply, navigate, queryClient]);

  const login = useCallback(
    async (username: string, password: string) => {
      const next = await api<Me>('/auth/login', { method: 'POST', body: { username, password }, noRedirect: true });
      queryClient.clear();
      apply(next);
      return next;
    },
    [apply, queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api('/auth/logout', { method: 'POST', noRedirect: true });
    } finally {
      apply(null);
      queryClient.clear();
      void navigate('/login', { replace: true });
    }
  }, [apply, navigate, queryClient]);

  const value = useMemo<AuthState>(() => ({ me, loading, login, logout, refresh }), [me, loading, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth() outside <AuthProvider>');
  return ctx;
}

/** The signed-in account, for pages that are only rendered inside <RequireAuth>. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe() outside <RequireAuth>');
  return me;
}

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/**
 * Renders its children for a signed-in account. A generated password must be changed before
 * anything else, as the server refuses every other route until then.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <>{children}</>;
}
