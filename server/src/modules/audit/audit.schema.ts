import { z } from 'zod';
import { listOf, PageQuery } from '../../platform/http.js';

export const AuditQuery = PageQuery.extend({
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  hash: z.string(),
});

export const AuditList = listOf(AuditEvent);

export const ChainReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first row whose hash or link does not match, when the chain is broken. */
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
});
