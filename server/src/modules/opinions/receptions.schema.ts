import { z } from 'zod';
import { listOf, optionalText, PageQuery } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { Uuid } from './opinions.schema.js';

const Day = z.iso.date(tr('日期格式应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'));

export const CreateReceptionBody = z.object({
  stationId: Uuid('联络站编号', 'The station id'),
  receivedOn: Day,
  /** The deputies on duty. */
  deputyIds: z
    .array(Uuid('代表编号', 'A deputy id'))
    .max(30, tr('值班代表最多 30 名', 'At most 30 deputies on duty'))
    .default([]),
  staffNames: optionalText(200),
  visitorCount: z
    .number({ error: tr('来访人数应为 0 到 100000 的整数', 'The visitor count must be a whole number from 0 to 100000') })
    .int(tr('来访人数应为 0 到 100000 的整数', 'The visitor count must be a whole number from 0 to 100000'))
    .min(0, tr('来访人数应为 0 到 100000 的整数', 'The visitor count must be a whole number from 0 to 100000'))
    .max(100_000, tr('来访人数应为 0 到 100000 的整数', 'The visitor count must be a whole number from 0 to 100000'))
    .default(0),
  summary: optionalText(2000),
});
export type CreateReceptionInput = z.infer<typeof CreateReceptionBody>;

export const ReceptionQuery = PageQuery.extend({
  stationId: Uuid('联络站编号', 'The station id').optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type ReceptionQueryInput = z.infer<typeof ReceptionQuery>;

export const ReceptionItem = z.object({
  id: z.string(),
  station: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  regionCode: z.string(),
  receivedOn: z.string(),
  deputies: z.array(z.object({ id: z.string(), name: z.string() })),
  staffNames: z.string().nullable(),
  visitorCount: z.number().int(),
  summary: z.string().nullable(),
  /** Opinions recorded against this reception. */
  opinionCount: z.number().int(),
  createdAt: z.string(),
});
export const ReceptionList = listOf(ReceptionItem);
