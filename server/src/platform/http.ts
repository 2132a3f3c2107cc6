import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tr } from './i18n.js';

/** The Fastify instance a module registers its routes on. */
export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100, tr('搜索词不能超过 100 个字符', 'The search text is limited to 100 characters')).optional(),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const ErrorResponse = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const IdParams = z.object({ id: z.uuid(tr('编号格式不正确', 'The id is not a valid UUID')) });

/** Optional text field: trims, turns '' into null, and limits the length. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tr(`不能超过 ${max} 个字符`, `At most ${max} characters`))
    .nullish()
    .transform((v) => (v ? v : null));

export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, tr('不能为空', 'Required'))
    .max(max, tr(`不能超过 ${max} 个字符`, `At most ${max} characters`));

export const RegionCode = z
  .string()
  .regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/, tr('行政区划代码格式不正确', 'Not a valid region code'));

export const offsetOf = (q: { page: number; pageSize: number }) => (q.page - 1) * q.pageSize;
