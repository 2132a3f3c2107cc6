import { type Database, type Db, preparedQuery, uuidArray } from '../db/client.js';
import { listenNotices } from './notices.js';

/**
 * The names a case list shows beside its codes: of categories, regions, stations, deputies and units.
 * Looked up in the database with every page they were half of a list's time there (twenty rows, five
 * lookups each). The process keeps them, but only while it hears the database's change notices: a
 * trigger announces every rename and deletion at commit (migration 0019), from whichever process
 * made it, and the name is forgotten at once. While the channel is not heard nothing is kept and
 * every page looks its names up, in one statement.
 */
export type NameKind = 'category' | 'region' | 'station' | 'deputy' | 'unit';
export const NAMES_CHANNEL = 'lianluo_names';
/** A safety net in case a notice is lost. */
const TTL_MS = 10 * 60_000;
/** Names are short: this many cost a few megabytes. Past it the cache starts again from nothing. */
const MAX_ENTRIES = 100_000;

interface Entry {
  name: string;
  at: number;
  /** A deputy's person, whose rename changes the deputy's name. */
  personId?: string;
}

export type Wanted = Partial<Record<NameKind, readonly (string | null)[]>>;
export type NameOf = (kind: NameKind, id: string | null) => string | null;

const KINDS: readonly NameKind[] = ['category', 'region', 'station', 'deputy', 'unit'];

// Region codes are digits, uuids hex and dashes: both pass as array text without quoting.
const LOOKUP = `
  SELECT 'category' AS kind, id::text AS id, name, NULL::text AS person FROM opinion_categories WHERE id = ANY($1::uuid[])
  UNION ALL SELECT 'region', code::text, name, NULL FROM regions WHERE code = ANY($2::varchar[])
  UNION ALL SELECT 'station', id::text, name, NULL FROM stations WHERE id = ANY($3::uuid[])
  UNION ALL SELECT 'deputy', d.id::text, p.name, p.id::text FROM deputies d JOIN persons p ON p.id = d.person_id
    WHERE d.id = ANY($4::uuid[])
  UNION ALL SELECT 'unit', id::text, name, NULL FROM organizations WHERE id = ANY($5::uuid[])`;

const byKind = <T>(make: () => T): Record<NameKind, T> => ({
  category: make(),
  region: make(),
  station: make(),
  deputy: make(),
  unit: make(),
});

export class NameCache {
  /** Keyed by the id itself, one map per kind: a string's hash is kept with it, a composed key's is computed each time. */
  private readonly entries = byKind(() => new Map<string, Entry>());
  private size = 0;
  /** Set only while the change notices are heard. */
  listening = false;
  /** Counts notices: a lookup that saw one arrive while it ran keeps nothing (it may have read the old name). */
  private notices = 0;
  private started = false;

  get(kind: NameKind, id: string, now = Date.now()): string | undefined {
    if (!this.listening) return undefined;
    const e = this.entries[kind].get(id);
    if (!e) return undefined;
    if (now - e.at > TTL_MS) {
      this.forget(kind, id);
      return undefined;
    }
    return e.name;
  }

  private set(kind: NameKind, id: string, name: string, personId: string | undefined, now: number): void {
    if (this.size >= MAX_ENTRIES) this.clear();
    if (!this.entries[kind].has(id)) this.size++;
    this.entries[kind].set(id, { name, at: now, ...(personId ? { personId } : {}) });
  }

  private forget(kind: NameKind, id: string): void {
    if (this.entries[kind].delete(id)) this.size--;
  }

  private clear(): void {
    for (const kind of KINDS) this.entries[kind].clear();
    this.size = 0;
  }

  /** A notice's payload: `<kind>:<id>`, or `person:<id>` for every deputy who is that person. */
  onNotice(payload: string | undefined): void {
    this.notices++;
    const [kind, id] = payload?.split(':', 2) ?? [];
    if (kind === 'person' && id) {
      for (const [deputyId, e] of this.entries.deputy) if (e.personId === id) this.forget('deputy', deputyId);
    } else if (kind && id && (KINDS as readonly string[]).includes(kind)) {
      this.forget(kind as NameKind, id);
    } else {
      this.clear();
    }
  }

  /** The names of the ids given: from memory, and what it lacks in one statement. */
  async lookup(db: Db, wanted: Wanted): Promise<NameOf> {
    const now = Date.now();
    const found = byKind(() => new Map<string, string>());
    const missing = byKind(() => new Set<string>());
    let anyMissing = false;
    for (const kind of KINDS) {
      for (const id of wanted[kind] ?? []) {
        if (id === null || found[kind].has(id)) continue;
        const name = this.get(kind, id, now);
        if (name === undefined) {
          missing[kind].add(id);
          anyMissing = true;
        } else found[kind].set(id, name);
      }
    }
    if (anyMissing) {
      const noticesBefore = this.notices;
      const rows = await preparedQuery<{ kind: NameKind; id: string; name: string; person: string | null }>(
        db,
        'names-of',
        LOOKUP,
        KINDS.map((k) => uuidArray([...missing[k]])),
      );
      const keep = this.listening && this.notices === noticesBefore;
      for (const r of rows) {
        found[r.kind].set(r.id, r.name);
        if (keep) this.set(r.kind, r.id, r.name, r.person ?? undefined, now);
      }
    }
    return (kind, id) => (id === null ? null : (found[kind].get(id) ?? null));
  }

  /**
   * Hears the change notices of the database (platform/notices.ts); returns what stops hearing them.
   * A second app on the same database (a test's) shares the first one's listener.
   */
  async listen(database: Database): Promise<() => Promise<void>> {
    if (this.started) return async () => {};
    this.started = true;
    const stop = await listenNotices(database, NAMES_CHANNEL, {
      onNotice: (payload) => this.onNotice(payload),
      onListening: (on) => {
        // Whatever changed while nobody listened is unknown: start from nothing.
        this.notices++;
        this.clear();
        this.listening = on;
      },
    });
    return async () => {
      this.started = false;
      await stop();
    };
  }
}

const caches = new WeakMap<object, NameCache>();

/** The name cache of a database: the app listens for it (app.ts); without a listener it keeps nothing. */
export function nameCacheOf(db: Db): NameCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new NameCache();
    caches.set(db, cache);
  }
  return cache;
}
