import type { AppDeps } from '../../app.js';
import type { SessionUser } from '../../platform/auth/session.js';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { revealDeputy } from './commands/revealDeputy.js';
import { assertDeputyInScope } from './deputies.policy.js';
import { presentDeputyDetail } from './deputies.present.js';
import { findDeputyRow, otherMandates, stationsOfPerson } from './deputies.repo.js';
import type { DeputyDetail } from './deputies.schema.js';

/** A mandate the account may see, or 404/403. */
export async function visibleDeputy(deps: Pick<AppDeps, 'db'>, user: SessionUser, id: string) {
  const row = await findDeputyRow(deps.db, id);
  if (!row) throw notFound('代表', 'Deputy');
  assertDeputyInScope(user, row);
  return row;
}

/** The detail page: the mandate, the person's other mandates, their stations; plain numbers on request. */
export async function deputyDetail(
  deps: Pick<AppDeps, 'db' | 'crypto'>,
  ctx: RequestContext,
  id: string,
  opts: { reveal: boolean },
): Promise<DeputyDetail> {
  const user = ctx.user!;
  const row = await visibleDeputy(deps, user, id);
  const [others, stations, revealed] = await Promise.all([
    otherMandates(deps.db, row.personId, row.id),
    stationsOfPerson(deps.db, row.personId),
    opts.reveal ? revealDeputy(deps, ctx, row) : undefined,
  ]);
  return presentDeputyDetail(user, row, { others, stations, revealed });
}
