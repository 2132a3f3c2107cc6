import { batchLoader, perExecutor } from '../../db/batch.js';
import type { Executor } from '../../db/client.js';
import { type Account, deputyAccountsOf, officeAccountsOf, stationStaffAccountsOf } from './opinions.notify.repo.js';
import { categoriesByIds, deputyNames, stationsByIds } from './opinions.parties.repo.js';
import { type OpinionRow, opinionsByIds } from './opinions.repo.js';

/**
 * What the subscribers look up about a case — the case, its station, category and deputy, and the
 * accounts to tell — one key at a time, as each event needs it. The dispatcher asks about a batch's
 * events together (platform/notify/dispatch.ts), so the lookups made together are read in one
 * statement for all of them (db/batch.ts): a burst of new cases cost seven statements per case before.
 */

const byId = <R extends { id: string }>(rows: R[]) => new Map(rows.map((r) => [r.id, r]));

const loaders = perExecutor((db) => ({
  opinion: batchLoader(
    async (ids) => byId(await opinionsByIds(db, ids)),
    () => undefined,
  ),
  station: batchLoader(
    async (ids) => byId(await stationsByIds(db, ids)),
    () => undefined,
  ),
  category: batchLoader(
    async (ids) => byId(await categoriesByIds(db, ids)),
    () => undefined,
  ),
  deputyName: batchLoader(
    (ids) => deputyNames(db, ids),
    () => undefined,
  ),
  deputyAccounts: batchLoader(
    (ids) => deputyAccountsOf(db, ids),
    (): Account[] => [],
  ),
  stationStaffAccounts: batchLoader(
    (ids) => stationStaffAccountsOf(db, ids),
    (): Account[] => [],
  ),
  officeAccounts: batchLoader(
    (codes) => officeAccountsOf(db, codes),
    (): Account[] => [],
  ),
}));

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
