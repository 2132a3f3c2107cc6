import type { Db, Tx } from '../../db/client.js';
import type { Jobs } from '../../platform/jobs.js';
import type { OpinionDeps } from '../opinions/opinions.deps.js';

type Send = Parameters<Jobs['send']>;

/**
 * Runs opinion commands, which open their own transactions, inside one outer transaction together
 * with the portal's own writes (a case and its photos commit together or not at all). The commands'
 * transactions become savepoints of the outer one.
 *
 * The jobs they queue after "their" commit are held until the outer transaction has committed: the
 * outbox rows are not visible before that, and on PGlite a job queued from inside an open transaction
 * would wait for that transaction forever (one connection, queries queue behind the transaction).
 */
export async function inOneTransaction<T>(deps: OpinionDeps, work: (inner: OpinionDeps, tx: Tx) => Promise<T>): Promise<T> {
  const held: Send[] = [];
  const jobs: Jobs = {
    send: async (...args: Send) => {
      held.push(args);
      return null;
    },
    work: (queue, handler) => deps.jobs.work(queue, handler),
    stop: () => deps.jobs.stop(),
  };
  // A transaction is a database for the commands: its transaction() opens a savepoint.
  const result = await deps.db.transaction((tx) => work({ ...deps, db: tx as unknown as Db, jobs }, tx));
  for (const args of held) {
    try {
      await deps.jobs.send(...args);
    } catch {
      // The outbox rows are committed; the dispatcher's every-minute sweep sends them (platform/outbox.ts).
    }
  }
  return result;
}
