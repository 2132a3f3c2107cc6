import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { forbidden, pgErrorCode } from '../../../platform/errors.js';
import { assertInScope } from '../../../platform/scope.js';
import { regionNotFound } from '../../regions/regions.errors.js';
import { findRegion } from '../../regions/regions.repo.js';
import { findCategory } from '../categories.repo.js';
import {
  categoryInactive,
  categoryNotFound,
  notAUnit,
  routingRuleChanged,
  unitInactive,
  unitNotFound,
  unitOutsideRegion,
} from '../routing.errors.js';
import { currentRule, endRule, findUnit, insertRule, lockRuleSlot, type RuleRow } from '../routing.repo.js';
import type { PutRuleBody } from '../routing.schema.js';

export interface SetRuleResult {
  rule: RuleRow;
  /** False when the current rule already named this unit: nothing was written. */
  changed: boolean;
}

/**
 * Makes a unit the default handler of a category in a region. The rule in force ends at this moment
 * and the new one starts at the same moment, so the history has no gap and no overlap; old rules are
 * kept for ever (they explain past transfers).
 */
export async function setRoutingRule(db: Db, ctx: RequestContext, input: PutRuleBody): Promise<SetRuleResult> {
  const user = ctx.user;
  if (!user) throw forbidden();
  // Scope first: a caller learns nothing about regions and units outside their subtree.
  assertInScope(user, input.regionCode);
  try {
    return await db.transaction(async (tx) => {
      // One after another: a transaction's queries share one connection.
      const category = await findCategory(tx, input.categoryId);
      if (!category) throw categoryNotFound(input.categoryId);
      if (!(await findRegion(tx, input.regionCode))) throw regionNotFound(input.regionCode);
      const unit = await findUnit(tx, input.unitId);
      if (!unit) throw unitNotFound(input.unitId);
      if (unit.category !== 'unit') throw notAUnit(unit.name);
      // A unit of the region itself or of a region above it (a city bureau serves its districts).
      if (!input.regionCode.startsWith(unit.regionCode)) throw unitOutsideRegion(unit.name, unit.regionCode, input.regionCode);
      if (unit.status !== 'active') throw unitInactive(unit.name);
      if (!category.active) throw categoryInactive(category.name);

      await lockRuleSlot(tx, input.categoryId, input.regionCode);
      const before = await currentRule(tx, input.categoryId, input.regionCode);
      if (before?.unitId === input.unitId) return { rule: before, changed: false };

      const now = new Date();
      const ended = before ? await endRule(tx, before.id, user.id, now) : undefined;
      const rule = await insertRule(tx, {
        categoryId: input.categoryId,
        regionCode: input.regionCode,
        unitId: input.unitId,
        validFrom: now,
        createdBy: user.id,
      });
      if (!rule) throw new Error('routing rule not inserted');

      await recordAudit(tx, ctx, {
        action: 'routing_rule.set',
        entityType: 'routing_rule',
        entityId: rule.id,
        regionCode: rule.regionCode,
        before: ended ?? null,
        after: rule,
      });
      return { rule, changed: true };
    });
  } catch (err) {
    // Only if a writer bypassed the lock above (the partial unique index is the last line of defence).
    if (pgErrorCode(err) === '23505') throw routingRuleChanged();
    throw err;
  }
}
