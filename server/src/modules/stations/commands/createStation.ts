import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { pgErrorCode } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text.js';
import { insertStation, type StationRow } from '../stations.repo.js';
import { auditView, checkCodeFree, checkCodeMatchesRegion, checkRegion, duplicateCode } from '../stations.rules.js';
import type { CreateStationInput } from '../stations.schema.js';

/** Registers a station in a region of the account's subtree under a code of that region's county. */
export async function createStation(db: Db, ctx: RequestContext, input: CreateStationInput): Promise<StationRow> {
  await checkRegion(db, ctx.user, input.regionCode);
  checkCodeMatchesRegion(input.code, input.regionCode);
  return db.transaction(async (tx) => {
    await checkCodeFree(tx, input.code);
    let row: StationRow;
    try {
      row = await insertStation(tx, { ...input, ...pinyinKeys(input.name) });
    } catch (err) {
      // Two offices taking the same code at once: the unique index decides, the loser gets the same 409.
      if (pgErrorCode(err) === '23505') throw duplicateCode(input.code);
      throw err;
    }
    await recordAudit(tx, ctx, {
      action: 'station.created',
      entityType: 'station',
      entityId: row.id,
      regionCode: row.regionCode,
      after: auditView(row),
    });
    return row;
  });
}
