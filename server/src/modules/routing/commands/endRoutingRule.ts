import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { forbidden } from '../../../platform/errors.js';
import { assertInScope } from '../../../platform/scope.js';
import { routingRuleEnded, routingRuleNotFound } from '../routing.errors.js';
import { endRule, findRule, lockRuleSlot, type RuleRow } from '../routing.repo.js';

/**
 * Ends a rule without a successor: cases of that category in that region fall back to the rule of the
 * region above, or to the office's own choice. The row stays as history.
 */
export async function endRoutingRule(db: Db, ctx: RequestContext, id: string): Promise<RuleRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  return db.transaction(async (tx) => {
    const rule = await findRule(tx, id);
    if (!rule) throw routingRuleNotFound(id);
    assertInScope(user, rule.regionCode);
    await lockRuleSlot(tx, rule.categoryId, rule.regionCode);
    // The guarded update decides: a rule ended or replaced meanwhile is history and stays as it is.
    const ended = await endRule(tx, id, user.id, new Date());
    if (!ended) throw routingRuleEnded();
    await recordAudit(tx, ctx, {
      action: 'routing_rule.ended',
      entityType: 'routing_rule',
      entityId: id,
      regionCode: ended.regionCode,
      before: rule,
      after: ended,
    });
    return ended;
  });
}
