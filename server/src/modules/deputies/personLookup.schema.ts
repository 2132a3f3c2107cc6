import { z } from 'zod';
import { listOf, PageQuery, RegionCode } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { DEPUTY_LEVELS } from './deputies.tables.js';

const blank = (v: unknown) => (v === '' ? undefined : v);

export const PersonLookupQuery = z.object({
  q: z.preprocess(blank, PageQuery.shape.q),
  /** The region of the account being made: only persons it may be linked to are offered. */
  regionCode: z.preprocess(blank, RegionCode.optional()),
  page: PageQuery.shape.page,
  pageSize: z.coerce
    .number(tr('每页条数应为数字', 'The page size must be a number'))
    .int()
    .min(1, tr('每页至少 1 条', 'At least 1 per page'))
    .max(50, tr('每页最多 50 条', 'At most 50 per page'))
    .default(20),
});
export type PersonLookupQuery = z.infer<typeof PersonLookupQuery>;

/** A person as the account administrators may see one: the name and where the person serves, nothing personal. */
export const PersonLookupItem = z.object({
  id: z.string(),
  name: z.string(),
  /** An account is already linked to this person (a person has at most one). */
  hasAccount: z.boolean(),
  mandates: z.array(z.object({ level: z.enum(DEPUTY_LEVELS), regionCode: z.string(), regionName: z.string().nullable() })),
});
export type PersonLookupItem = z.infer<typeof PersonLookupItem>;

export const PersonLookupList = listOf(PersonLookupItem);
