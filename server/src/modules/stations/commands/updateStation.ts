import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { notFound, pgErrorCode } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text.js';
import { assertRegionInScope } from '../stations.policy.js';
import { lockStation, moveMembersRegion, type StationRow, updateStation as writeStation } from '../stations.repo.js';
import {
  auditView,
  checkCodeFree,
  checkCodeMatchesRegion,
  checkCoordinates,
  checkRegion,
  duplicateCode,
} from '../stations.rules.js';
import type { UpdateStationInput } from '../stations.schema.js';

/**
 * Changes the given fields of a station in the account's subtree. Moving it to another region keeps
 * it in the subtree, and its code must then still start with the new region's county code.
 */
export async function updateStation(db: Db, ctx: RequestContext, id: string, patch: UpdateStationInput): Promise<StationRow> {
  return db.transaction(async (tx) => {
    const before = await lockStation(tx, id);
    if (!before) throw notFound('联络站', 'Station');
    assertRegionInScope(ctx.user, before.regionCode);

    const changes = Object.fromEntries(
      Object.entries(patch).filter(([k, v]) => v !== undefined && before[k as keyof StationRow] !== v),
    ) as Partial<StationRow>;
    if (Object.keys(changes).length === 0) return before;

    const next = { ...before, ...changes };
    if (changes.regionCode !== undefined) await checkRegion(tx, ctx.user, next.regionCode);
    if (changes.code !== undefined || changes.regionCode !== undefined) checkCodeMatchesRegion(next.code, next.regionCode);
    checkCoordinates(next);
    if (changes.code !== undefined) await checkCodeFree(tx, next.code, id);

    let after: StationRow;
    try {
      after = await writeStation(tx, id, {
        ...changes,
        ...(changes.name !== undefined ? pinyinKeys(changes.name) : {}),
        updatedAt: new Date(),
      });
    } catch (err) {
      if (pgErrorCode(err) === '23505') throw duplicateCode(next.code);
      throw err;
    }
    if (changes.regionCode !== undefined) await moveMembersRegion(tx, id, after.regionCode);

    const changed = Object.keys(changes) as (keyof ReturnType<typeof auditView>)[];
    const pick = (s: StationRow) => Object.fromEntries(changed.map((k) => [k, auditView(s)[k]]));
    await recordAudit(tx, ctx, {
      action: 'station.updated',
      entityType: 'station',
      entityId: id,
      regionCode: after.regionCode,
      before: pick(before),
      after: pick(after),
    });
    return after;
  });
}
