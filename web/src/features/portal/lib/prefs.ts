import { useSyncExternalStore } from 'react';

const LARGE_TEXT_KEY = 'lianluo.portal.largeText';
const listeners = new Set<() => void>();

function readLargeText(): boolean {
  try {
    return localStorage.getItem(LARGE_TEXT_KEY) === '1';
  } catch {
    return false;
  }
}

let largeText = readLargeText();

function subscribe(fn: () => void) {
  listeners.add(fn);
  // Another tab of the same phone changing the mode changes it here too.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== LARGE_TEXT_KEY) return;
    largeText = readLargeText();
    fn();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('storage', onStorage);
  };
}

export function setLargeText(on: boolean): void {
  largeText = on;
  try {
    localStorage.setItem(LARGE_TEXT_KEY, on ? '1' : '0');
  } catch {
    // private mode: the choice lasts for this page only
  }
  for (const fn of listeners) fn();
}

/** 大字模式: kept on this phone so an elderly visitor sets it once. */
export function useLargeText(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => largeText,
    () => false,
  );
}

/**
 * A key for one filling of the form. crypto.randomUUID exists only on HTTPS pages; a station
 * server reached over plain HTTP on a local network still has getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const LAST4_PREFIX = 'lianluo.portal.last4.';

/** The last 4 digits given for a case, for this browser tab only: a reload keeps the page, a closed tab forgets. */
export function rememberLast4(code: string, last4: string): void {
  try {
    sessionStorage.setItem(LAST4_PREFIX + code, last4);
  } catch {
    // without storage the page asks again after a reload
  }
}

export function recallLast4(code: string): string | null {
  try {
    return sessionStorage.getItem(LAST4_PREFIX + code);
  } catch {
    return null;
  }
}

export function forgetLast4(code: string): void {
  try {
    sessionStorage.removeItem(LAST4_PREFIX + code);
  } catch {
    // nothing stored
  }
}

/** Copies text; the Clipboard API needs HTTPS, so plain HTTP falls back to a selected text area. */
export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the old way
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
