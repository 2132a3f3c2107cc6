import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { files } from '../../platform/platform.tables.js';
import { opinionFiles } from '../opinions/opinions.tables.js';

/** The portal's own SQL; the case itself is read and written through the opinions module's repo and commands. */

/** evaluation_solved (migration 0008) is the portal's column: the opinions table definition does not carry it. */
export async function setEvaluationSolved(db: Executor, opinionId: string, solved: boolean): Promise<void> {
  await db.execute(sql`UPDATE opinions SET evaluation_solved = ${solved} WHERE id = ${opinionId}`);
}

/** One photo the constituent sent with the case, with its bytes. */
export async function findCasePhoto(db: Executor, opinionId: string, fileId: string) {
  const [row] = await db
    .select({ filename: files.filename, mimeType: files.mimeType, content: files.content, sha256: files.sha256 })
    .from(opinionFiles)
    .innerJoin(files, eq(files.id, opinionFiles.fileId))
    .where(and(eq(opinionFiles.opinionId, opinionId), eq(opinionFiles.fileId, fileId), eq(opinionFiles.kind, 'photo')));
  return row;
}
