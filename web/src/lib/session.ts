/**
 * The little state the API client needs from the signed-in session. lib/auth writes it; keeping it
 * here rather than in auth.tsx avoids an import cycle between the client and the provider.
 */
let csrfToken = '';
let onUnauthenticated: ((reason: 'expired' | 'unauthenticated') => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function getCsrfToken(): string {
  return csrfToken;
}

/** The auth provider installs a router-aware handler; without one we fall back to a full page load. */
export function setUnauthenticatedHandler(fn: ((reason: 'expired' | 'unauthenticated') => void) | null): void {
  onUnauthenticated = fn;
}

export function signalUnauthenticated(reason: 'expired' | 'unauthenticated'): void {
  if (onUnauthenticated) {
    onUnauthenticated(reason);
    return;
  }
  if (window.location.pathname === '/login') return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}${reason === 'expired' ? '&expired=1' : ''}`);
}
