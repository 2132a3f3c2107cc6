import type { Tx } from './client.js';

export interface Failure<T> {
  item: T;
  error: unknown;
}

/**
 * Writes `items` together under one savepoint; should that fail, it is undone and each item is
 * written alone under a savepoint of its own, so that only a failing item is left out and keeps its
 * error. The batch writers (the intake's registrar, the outbox dispatcher) share the fast path of a
 * few statements for many rows without letting one bad row stop the others.
 */
export async function togetherOrAlone<T>(
  tx: Tx,
  items: T[],
  together: (sp: Tx, items: T[]) => Promise<void>,
  alone: (sp: Tx, item: T) => Promise<void>,
): Promise<{ together: boolean; failures: Failure<T>[] }> {
  if (items.length === 0) return { together: true, failures: [] };
  try {
    await tx.transaction((sp) => together(sp, items));
    return { together: true, failures: [] };
  } catch {
    // Tried again item by item, where the failing item's error is kept.
  }
  return { together: false, failures: await eachAlone(tx, items, alone) };
}

/** Each item under a savepoint of its own; the ones that failed, with their errors. */
export async function eachAlone<T>(tx: Tx, items: T[], alone: (sp: Tx, item: T) => Promise<void>): Promise<Failure<T>[]> {
  const failures: Failure<T>[] = [];
  for (const item of items) {
    try {
      await tx.transaction((sp) => alone(sp, item));
    } catch (error) {
      failures.push({ item, error });
    }
  }
  return failures;
}
