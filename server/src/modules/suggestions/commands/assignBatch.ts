import type { RequestContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import type { BatchInput } from '../suggestions.assignment.schema.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { findSuggestion } from '../suggestions.repo.js';
import { assignSuggestion } from './assignSuggestion.js';

export interface BatchItemResult {
  suggestionId: string;
  ok: boolean;
  number: number | null;
  title: string | null;
  status: number | null;
  code: string | null;
  message: string | null;
  details: Record<string, unknown> | null;
}

/**
 * The assignment meeting (交办会): many accepted suggestions assigned at once under one batch label.
 * Each is its own transaction, so one refusal (a suggestion another clerk assigned a moment ago, a
 * unit that is not a handling unit) leaves the others assigned; the answer says what happened to each.
 */
export async function assignBatch(deps: SuggestionDeps, ctx: RequestContext, body: BatchInput) {
  const results: BatchItemResult[] = [];
  for (const item of body.items) {
    try {
      const row = await assignSuggestion(deps, ctx, item.suggestionId, {
        units: item.units,
        batchLabel: body.batchLabel,
        note: body.note,
      });
      results.push({
        suggestionId: row.id,
        ok: true,
        number: row.number,
        title: row.title,
        status: null,
        code: null,
        message: null,
        details: null,
      });
    } catch (err) {
      // Anything else is a fault of ours, not of this item: the whole request fails loudly.
      if (!(err instanceof AppError)) throw err;
      const row = await findSuggestion(deps.db, item.suggestionId);
      // A suggestion the account may not see is named by its id only.
      const visible = row && err.statusCode !== 403 && err.statusCode !== 404;
      results.push({
        suggestionId: item.suggestionId,
        ok: false,
        number: visible ? row.number : null,
        title: visible ? row.title : null,
        status: err.statusCode,
        code: err.code,
        message: err.messageFor(ctx.locale),
        details: err.details ?? null,
      });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { batchLabel: body.batchLabel, succeeded, failed: results.length - succeeded, results };
}
