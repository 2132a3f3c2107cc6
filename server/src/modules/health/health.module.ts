import { z } from 'zod';
import type { ModuleManifest } from '../index.js';
import { inboxBacklog } from '../opinions/opinions.inbox.repo.js';

const Health = z.object({
  status: z.literal('ok'),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), version: z.string() }),
  /** Public submissions not yet registered as cases; stuck: those past their last attempt, for a person to look at. */
  intake: z.object({ waiting: z.number().int(), stuck: z.number().int() }),
});

export const healthModule: ModuleManifest = {
  name: 'health',
  routes: async (app) => {
    app.get(
      '/health',
      { config: { access: 'public' }, schema: { tags: ['platform'], summary: '健康检查 Health', response: { 200: Health } } },
      async () => {
        const [row] = await app.deps.database.raw.query<{ v: string }>("SELECT current_setting('server_version') AS v");
        return {
          status: 'ok' as const,
          database: { kind: app.deps.database.kind, version: row?.v ?? '' },
          intake: await inboxBacklog(app.deps.db),
        };
      },
    );
  },
};
