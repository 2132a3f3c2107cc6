import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from '../db/client.js';

/**
 * The database's change notices on one channel (LISTEN), for the caches of a process: a trigger
 * announces a change at commit, from whichever process made it. `onListening(true)` comes when the
 * channel is heard, and again after a reconnection; `onListening(false)` when it is lost: whatever
 * changed meanwhile is unknown, so a cache must then forget everything and keep nothing until it hears
 * the channel again.
 */
export interface NoticeHandlers {
  onNotice(payload: string | undefined): void;
  onListening(listening: boolean): void;
}

const RECONNECT_MS = 1_000;

/** Listens on `channel`; returns what stops listening. */
export async function listenNotices(database: Database, channel: string, h: NoticeHandlers): Promise<() => Promise<void>> {
  if (database.pglite) return listenEmbedded(database.pglite, channel, h);
  if (database.pool) return listenPostgres(database.pool, channel, h);
  return async () => {};
}

async function listenEmbedded(pglite: PGlite, channel: string, h: NoticeHandlers): Promise<() => Promise<void>> {
  const unlisten = await pglite.listen(channel, (payload) => h.onNotice(payload));
  h.onListening(true);
  return async () => {
    h.onListening(false);
    await unlisten().catch(() => {});
  };
}

/** A connection of its own, outside the pool: LISTEN belongs to one connection for as long as it lives. */
async function listenPostgres(pool: pg.Pool, channel: string, h: NoticeHandlers): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  const connect = async () => {
    const c = new pg.Client(pool.options);
    client = c;
    const lost = () => {
      if (client !== c) return;
      client = undefined;
      h.onListening(false);
      c.end().catch(() => {});
      if (!stopped) timer = setTimeout(() => void connect(), RECONNECT_MS);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => h.onNotice(n.payload));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch {
      lost();
      return;
    }
    if (!stopped) h.onListening(true);
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    h.onListening(false);
    const c = client;
    client = undefined;
    await c?.end().catch(() => {});
  };
}
