import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, forbidden, pgErrorCode } from '../../../platform/errors.js';
import { congressExists } from '../congresses.errors.js';
import { type CongressRow, findCongressByRegion, findRegion, insertCongress } from '../congresses.repo.js';
import { congressLevelOf, defaultCongressName, defaultMotionMinSigners } from '../congresses.rules.js';
import type { CreateCongressInput } from '../congresses.schema.js';
import { assertMayConfigure } from '../suggestions.policy.js';

/** Sets up the people's congress of a region, with the national defaults unless the office gives its own. */
export async function createCongress(db: Db, ctx: RequestContext, input: CreateCongressInput): Promise<CongressRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  assertMayConfigure(user, input.regionCode);
  const region = await findRegion(db, input.regionCode);
  if (!region) throw badRequest('REGION_NOT_FOUND', { zh: '行政区划不存在', en: 'The region does not exist' });
  const level = congressLevelOf(region);
  if (!level.ok) throw badRequest('NO_CONGRESS_HERE', level.text);
  const existing = await findCongressByRegion(db, region.code);
  if (existing) throw congressExists(existing.name);

  const { regionCode: _region, name, ...settings } = input;
  try {
    return await db.transaction(async (tx) => {
      const row = await insertCongress(tx, {
        regionCode: region.code,
        level: level.level,
        name: name ?? defaultCongressName(region.name),
        motionMinSigners: settings.motionMinSigners ?? defaultMotionMinSigners(level.level),
        ...settings,
        createdBy: user.id,
      });
      await recordAudit(tx, ctx, {
        action: 'congress.created',
        entityType: 'congress',
        entityId: row.id,
        regionCode: row.regionCode,
        after: row,
      });
      return row;
    });
  } catch (err) {
    // Two offices set up the same congress at the same moment: the unique region lets one through.
    if (pgErrorCode(err) === '23505') throw congressExists((await findCongressByRegion(db, region.code))?.name ?? '');
    throw err;
  }
}
