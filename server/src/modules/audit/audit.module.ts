import { ErrorResponse } from '../../platform/http.js';
import type { ModuleManifest } from '../index.js';
import { auditAccess } from './audit.policy.js';
import { listAuditEvents, verifyAuditChain } from './audit.repo.js';
import { AuditList, AuditQuery, ChainReport } from './audit.schema.js';

const tags = ['audit'];

export const auditModule: ModuleManifest = {
  name: 'audit',
  routes: async (app) => {
    const { db } = app.deps;
    app.get(
      '/audit-events',
      {
        config: { access: auditAccess.list },
        schema: {
          tags,
          summary: '审计日志 Audit trail',
          querystring: AuditQuery,
          response: { 200: AuditList, 403: ErrorResponse },
        },
      },
      async (req) => {
        const { items, total } = await listAuditEvents(db, req.query);
        return { total, items: items.map((e) => ({ ...e, at: e.at.toISOString() })) };
      },
    );
    app.get(
      '/audit-events/verify',
      {
        config: { access: auditAccess.verify },
        schema: { tags, summary: '校验审计链 Verify the hash chain', response: { 200: ChainReport } },
      },
      async () => verifyAuditChain(db),
    );
  },
};
