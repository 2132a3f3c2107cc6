import { contextOf } from '../../platform/context.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { categoryTree, countNodes, publicCategoryTree, toCategoryItem } from './categories.present.js';
import { listCategories } from './categories.repo.js';
import { createCategory } from './commands/createCategory.js';
import { updateCategory } from './commands/updateCategory.js';
import { routingAccess } from './routing.policy.js';
import {
  CategoryList,
  CategoryNode,
  CategoryQuery,
  CreateCategoryBody,
  PublicCategoryList,
  UpdateCategoryBody,
} from './routing.schema.js';

const tags = ['routing'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export async function categoryRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/opinion-categories',
    {
      config: { access: routingAccess.readCategories },
      schema: {
        tags,
        summary: '意见分类 The opinion category tree',
        description:
          'Every category, active or not, as a two-level tree (`children` under each top-level one); `flat=1` gives one list in the same order. `total` counts the categories at every level.',
        querystring: CategoryQuery,
        response: { 200: CategoryList, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (req) => {
      const rows = await listCategories(db);
      if (req.query.flat) return { items: rows.map(toCategoryItem), total: rows.length };
      const tree = categoryTree(rows);
      return { items: tree, total: countNodes(tree) };
    },
  );

  app.get(
    '/public/opinion-categories',
    {
      config: { access: routingAccess.readPublicCategories, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '可反映的问题分类 The categories a constituent may choose',
        description: 'Active categories only, as a two-level tree; `total` counts the categories at every level.',
        response: { 200: PublicCategoryList, 429: ErrorResponse },
      },
    },
    async (_req, reply) => {
      const tree = publicCategoryTree(await listCategories(db, { activeOnly: true }));
      // The tree changes a few times a year; a few minutes of caching spares the database at rush hour.
      reply.header('cache-control', 'public, max-age=300');
      return { items: tree, total: tree.reduce((n, node) => n + 1 + node.children.length, 0) };
    },
  );

  app.post(
    '/opinion-categories',
    {
      config: { access: routingAccess.writeCategories },
      schema: {
        tags,
        summary: '新建意见分类 Add a category',
        description:
          "A top-level code has no dot; a second-level code is the parent's code, a dot and its own part (`urban.roads`).",
        body: CreateCategoryBody,
        response: { 201: CategoryNode, ...errors },
      },
    },
    async (req, reply) => {
      const created = await createCategory(db, contextOf(req), req.body);
      return reply.status(201).send(toCategoryItem(created));
    },
  );

  app.patch(
    '/opinion-categories/:id',
    {
      config: { access: routingAccess.writeCategories },
      schema: {
        tags,
        summary: '修改、停用或启用意见分类 Edit, deactivate or reactivate a category',
        description: 'The code and the parent cannot change. Deactivating a top-level category deactivates its children.',
        params: IdParams,
        body: UpdateCategoryBody,
        response: { 200: CategoryNode, ...errors },
      },
    },
    async (req) => toCategoryItem(await updateCategory(db, contextOf(req), req.params.id, req.body)),
  );
}
