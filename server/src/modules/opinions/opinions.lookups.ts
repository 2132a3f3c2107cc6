import DataLoader from 'dataloader';
import type { Executor } from '../../db/client.js';
import { type Account, deputyAccountsOf, officeAccountsOf, stationStaffAccountsOf } from './opinions.notify.repo.js';
import { categoriesByIds, deputyNames, stationsByIds } from './opinions.parties.repo.js';
import { type OpinionRow, opinionsByIds } from './opinions.repo.js';

/**
 * What the subscribers look up about a case — the case, its station, category and deputy, and the
 * accounts to tell — one key at a time, as each event needs it. The dispatcher asks about a batch's
 * events together (platform/notify/dispatch.ts), so the lookups made together are read in one
 * statement for all of them: a burst of new cases cost seven statements per case before.
 *
 * The loaders keep nothing between batches (no cache): one kept for a long-lived executor only
 * gathers the lookups made at the same moment, and never answers with a row read earlier.
 */

const MAX_BATCH = 500;

function loader<V>(fetch: (keys: string[]) => Promise<Map<string, V>>, missing: () => V) {
  return new DataLoader<string, V>(
    async (keys) => {
      const found = await fetch([...new Set(keys)]);
      return keys.map((key) => found.get(key) ?? missing());
    },
    { cache: false, maxBatchSize: MAX_BATCH },
  );
}

const byId = <R extends { id: string }>(rows: R[]) => new Map(rows.map((r) => [r.id, r]));

function loadersFor(db: Executor) {
  return {
    opinion: loader(
      async (ids) => byId(await opinionsByIds(db, ids)),
      () => undefined,
    ),
    station: loader(
      async (ids) => byId(await stationsByIds(db, ids)),
      () => undefined,
    ),
    category: loader(
      async (ids) => byId(await categoriesByIds(db, ids)),
      () => undefined,
    ),
    deputyName: loader(
      (ids) => deputyNames(db, ids),
      () => undefined,
    ),
    deputyAccounts: loader(
      (ids) => deputyAccountsOf(db, ids),
      (): Account[] => [],
    ),
    stationStaffAccounts: loader(
      (ids) => stationStaffAccountsOf(db, ids),
      (): Account[] => [],
    ),
    officeAccounts: loader(
      (codes) => officeAccountsOf(db, codes),
      (): Account[] => [],
    ),
  };
}

const perExecutor = new WeakMap<Executor, ReturnType<typeof loadersFor>>();

function loaders(db: Executor) {
  let found = perExecutor.get(db);
  if (!found) {
    found = loadersFor(db);
    perExecutor.set(db, found);
  }
  return found;
}

const none = <V>(): Promise<V[]> => Promise.resolve([]);

export const lookupOpinion = (db: Executor, id: string): Promise<OpinionRow | undefined> => loaders(db).opinion.load(id);
export const lookupStation = (db: Executor, id: string) => loaders(db).station.load(id);
export const lookupCategory = (db: Executor, id: string) => loaders(db).category.load(id);
export const lookupDeputyName = (db: Executor, id: string) => loaders(db).deputyName.load(id);

/** The accounts of the person behind a deputy mandate (a person has one account for all mandates). */
export const deputyAccounts = (db: Executor, deputyId: string | null): Promise<Account[]> =>
  deputyId ? loaders(db).deputyAccounts.load(deputyId) : none();

export const stationStaffAccounts = (db: Executor, stationId: string | null): Promise<Account[]> =>
  stationId ? loaders(db).stationStaffAccounts.load(stationId) : none();

/** The office accounts of the nearest level above a region that has any (officeAccountsOf). */
export const officeAccountsFor = (db: Executor, regionCode: string): Promise<Account[]> =>
  loaders(db).officeAccounts.load(regionCode);
