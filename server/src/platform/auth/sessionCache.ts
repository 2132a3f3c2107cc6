import type { Database } from '../../db/client.js';
import { listenNotices } from '../notices.js';

/**
 * Every authenticated request looked its session up in the database: on these machines a round
 * trip costs more than the lookup, and a list page made three of them. The cache keeps a session's
 * row for a few seconds, and only while the process hears the database's change notices: a trigger
 * on `sessions` and `users` (migration 0017) announces every change, from any process, at commit,
 * so a session ended or a user disabled anywhere stops working here at once. While the listener is
 * down (not yet connected, or lost) nothing is cached. The code that ends sessions or changes a user
 * in this process also forgets them itself, so its next request never depends on the notice's timing.
 */
export const SESSION_CHANNEL = 'lianluo_auth';
/** A safety net in case a notice is lost: no entry is trusted longer than this. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  row: T;
  userId: string;
  at: number;
}

export class SessionCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Set only while the change notices are heard. */
  listening = false;

  get(id: string, now = Date.now()): T | undefined {
    if (!this.listening) return undefined;
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (now - e.at > TTL_MS) {
      this.entries.delete(id);
      return undefined;
    }
    return e.row;
  }

  set(id: string, userId: string, row: T, now = Date.now()): void {
    if (!this.listening) return;
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(id);
    this.entries.set(id, { row, userId, at: now });
  }

  update(id: string, change: (row: T) => T): void {
    const e = this.entries.get(id);
    if (e) e.row = change(e.row);
  }

  forgetSession(id: string): void {
    this.entries.delete(id);
  }

  forgetUser(userId: string): void {
    for (const [id, e] of this.entries) if (e.userId === userId) this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }

  /** A notice's payload: `s:<session id>` or `u:<user id>`. */
  onNotice(payload: string | undefined): void {
    if (payload?.startsWith('s:')) this.forgetSession(payload.slice(2));
    else if (payload?.startsWith('u:')) this.forgetUser(payload.slice(2));
    else this.clear();
  }

  /** Hears the change notices of the database (platform/notices.ts); returns what stops hearing them. */
  listen(database: Database): Promise<() => Promise<void>> {
    return listenNotices(database, SESSION_CHANNEL, {
      onNotice: (payload) => this.onNotice(payload),
      onListening: (on) => {
        // Whatever changed while nobody listened is unknown: start from nothing.
        this.clear();
        this.listening = on;
      },
    });
  }
}

/** Every cache of the process, so that code ending a session need not know which app holds it. */
const caches = new Set<SessionCache<unknown>>();

export function registerSessionCache(cache: SessionCache<unknown>): () => void {
  caches.add(cache);
  return () => caches.delete(cache);
}

export const forgetCachedSession = (id: string) => {
  for (const c of caches) c.forgetSession(id);
};

export const forgetCachedUser = (userId: string) => {
  for (const c of caches) c.forgetUser(userId);
};
