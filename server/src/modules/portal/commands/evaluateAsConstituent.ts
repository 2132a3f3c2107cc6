import type { RequestContext } from '../../../platform/context.js';
import { evaluateOpinion } from '../../opinions/commands/evaluateOpinion.js';
import type { OpinionDeps } from '../../opinions/opinions.deps.js';
import type { OpinionRow } from '../../opinions/opinions.repo.js';
import type { Evaluation } from '../../opinions/opinions.workflow.js';
import { setEvaluationSolved } from '../portal.repo.js';
import { inOneTransaction } from '../portal.tx.js';

/**
 * 满意度测评 by the constituent on the portal, once the answer was fed back: the opinions module's
 * evaluateOpinion (409 with the reason when the case is not awaiting an evaluation), and whether the
 * matter was solved, in the same transaction.
 */
export function evaluateAsConstituent(
  deps: OpinionDeps,
  ctx: RequestContext,
  row: OpinionRow,
  body: { evaluation: Evaluation; comment: string | null; solved?: boolean | null },
): Promise<OpinionRow> {
  return inOneTransaction(deps, async (inner, tx) => {
    const updated = await evaluateOpinion(
      inner,
      { ...ctx, user: null },
      row.id,
      { evaluation: body.evaluation, comment: body.comment },
      { as: 'public' },
    );
    if (body.solved != null) await setEvaluationSolved(tx, row.id, body.solved);
    return updated;
  });
}
