import DataLoader from 'dataloader';
import type { Executor } from './client.js';

/**
 * Lookups by key that are read together when they are asked for together: the dispatcher composes a
 * batch's events at once, and what each asks for alone becomes one `… IN (…)` statement per kind.
 * Nothing is kept between batches (no cache), so a loader kept for a long-lived executor never
 * answers with a row read earlier.
 */
export function batchLoader<V>(fetch: (keys: string[]) => Promise<Map<string, V>>, missing: () => V) {
  return new DataLoader<string, V>(
    async (keys) => {
      const found = await fetch([...new Set(keys)]);
      return keys.map((key) => found.get(key) ?? missing());
    },
    { cache: false, maxBatchSize: 500 },
  );
}

/** One set of loaders per executor (a transaction, a savepoint), made when first asked for. */
export function perExecutor<T>(make: (db: Executor) => T): (db: Executor) => T {
  const made = new WeakMap<Executor, T>();
  return (db) => {
    let found = made.get(db);
    if (!found) {
      found = make(db);
      made.set(db, found);
    }
    return found;
  };
}
