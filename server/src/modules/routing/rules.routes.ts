import { unauthenticated } from '../../platform/auth/plugin.js';
import { contextOf } from '../../platform/context.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { localeOf } from '../../platform/i18n.js';
import { assertInScope } from '../../platform/scope.js';
import { endRoutingRule } from './commands/endRoutingRule.js';
import { setRoutingRule } from './commands/setRoutingRule.js';
import { routingRuleNotFound } from './routing.errors.js';
import { routingAccess, similarCasesRegion } from './routing.policy.js';
import { toRuleItem, toSuggestionItem } from './routing.present.js';
import { findRuleWithNames, listRules, suggestUnits } from './routing.repo.js';
import { PutRuleBody, RuleItem, RuleList, RuleQuery, SuggestionList, SuggestionQuery } from './routing.schema.js';

const tags = ['routing'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function ruleRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps;

  /** The rule as it is now, with its names; a rule the command just wrote always exists. */
  async function present(id: string) {
    const row = await findRuleWithNames(db, id);
    if (!row) throw routingRuleNotFound(id);
    return toRuleItem(row);
  }

  app.get(
    '/routing-rules',
    {
      config: { access: routingAccess.listRules },
      schema: {
        tags,
        summary: '承办规则 Default handling units by category and region',
        description:
          "Rules of the caller's region subtree; `regionCode` narrows to a region and those below it. Current rules only unless `includeHistory=1`.",
        querystring: RuleQuery,
        response: { 200: RuleList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req) => {
      if (!req.user) throw unauthenticated();
      const { rows, total } = await listRules(db, req.query, req.user.regionCode);
      return { items: rows.map(toRuleItem), total };
    },
  );

  app.put(
    '/routing-rules',
    {
      config: { access: routingAccess.writeRules },
      schema: {
        tags,
        summary: '设置承办规则 Set the default unit of a category in a region',
        description:
          'Ends the current rule of the category and region, if any, and starts the new one at the same moment. The unit must be an active handling unit of the region or of a region above it. Setting the unit already in force changes nothing.',
        body: PutRuleBody,
        response: { 200: RuleItem, ...errors },
      },
    },
    async (req) => {
      const { rule } = await setRoutingRule(db, contextOf(req), req.body);
      return present(rule.id);
    },
  );

  app.delete(
    '/routing-rules/:id',
    {
      config: { access: routingAccess.writeRules },
      schema: {
        tags,
        summary: '停止承办规则 End a routing rule',
        description: 'The rule stays in the history with its end time.',
        params: IdParams,
        response: { 200: RuleItem, ...errors },
      },
    },
    async (req) => {
      const ended = await endRoutingRule(db, contextOf(req), req.params.id);
      return present(ended.id);
    },
  );

  app.get(
    '/routing/suggestions',
    {
      config: { access: routingAccess.suggest },
      schema: {
        tags,
        summary: '推荐承办单位 Units to propose when transferring a case',
        description:
          "First the routing rules that apply to the case's region (the most specific region first; a second-level category falls back to its parent), then the units that led similar past cases (matched on the words of `text`, ranked by relevance and recency).",
        querystring: SuggestionQuery,
        response: { 200: SuggestionList, ...errors },
      },
    },
    async (req) => {
      if (!req.user) throw unauthenticated();
      const { regionCode, categoryId, text, limit } = req.query;
      assertInScope(req.user, regionCode);
      const items = await suggestUnits(db, {
        regionCode,
        categoryId,
        text,
        limit,
        similarRegionCode: similarCasesRegion(req.user, regionCode),
      });
      const locale = localeOf(req);
      return { items: items.map((s) => toSuggestionItem(s, locale)), total: items.length };
    },
  );
}
