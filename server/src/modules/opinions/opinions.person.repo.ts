import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { files } from '../../platform/platform.tables.js';
import { opinionEvents, opinionFiles, opinions } from './opinions.tables.js';

/** All SQL of finding, exporting and erasing one constituent's data (opinions.person.ts). */

/** Beyond this a phone is a switchboard, not a person: the office narrows by region instead. */
export const MAX_CASES_OF_PERSON = 500;

/**
 * The cases whose constituent left this phone (its blind index), within `scope`, newest first.
 * `lock` takes them FOR UPDATE, so an erasure and a transition on the same case do not interleave.
 */
export function casesOfPhone(db: Executor, phoneHash: string, scope: SQL | undefined, opts: { lock?: boolean } = {}) {
  const q = db
    .select()
    .from(opinions)
    .where(and(eq(opinions.submitterPhoneHash, phoneHash), scope))
    .orderBy(desc(opinions.receivedAt), desc(opinions.id))
    .limit(MAX_CASES_OF_PERSON + 1);
  return opts.lock ? q.for('update') : q;
}

export function eventsOfCases(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(opinionEvents)
    .where(inArray(opinionEvents.opinionId, ids))
    .orderBy(opinionEvents.opinionId, opinionEvents.id);
}

export function filesOfCases(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ opinionId: opinionFiles.opinionId, filename: files.filename, kind: opinionFiles.kind })
    .from(opinionFiles)
    .innerJoin(files, eq(files.id, opinionFiles.fileId))
    .where(inArray(opinionFiles.opinionId, ids))
    .orderBy(opinionFiles.opinionId, opinionFiles.createdAt);
}
