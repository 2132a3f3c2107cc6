import { PassThrough, type Readable } from 'node:stream';
import type { AppDeps } from '../../../app.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { mayReveal } from '../deputies.policy.js';
import { deputyRowsByIds, listDeputyIds } from '../deputies.repo.js';
import type { DeputyFilter } from '../deputies.schema.js';
import { writeExport } from '../roster/workbooks.js';

/**
 * Exports every mandate of a filtered list (not one page) as .xlsx, personal numbers masked.
 * The export is recorded — filter and row count — before the first byte leaves the server.
 */
export async function exportDeputies(
  deps: Pick<AppDeps, 'db' | 'crypto'>,
  ctx: RequestContext,
  filter: DeputyFilter,
): Promise<{ count: number; stream: Readable }> {
  const user = ctx.user!;
  const ids = await listDeputyIds(deps.db, user, filter, { crypto: deps.crypto, personalSearch: mayReveal(user) });
  // The filter may hold a searched phone or ID number: the trail keeps only that a search was made.
  const { q, ...rest } = filter;
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'deputy.export',
      entityType: 'deputy',
      regionCode: user.regionCode || null,
      after: { filter: { ...rest, q: q ? (/\d{6,}/.test(q) ? '[number]' : q) : undefined }, count: ids.length },
    }),
  );
  const stream = new PassThrough();
  writeExport(stream, ids, (chunk) => deputyRowsByIds(deps.db, chunk)).catch((err: unknown) => stream.destroy(err as Error));
  return { count: ids.length, stream };
}
