import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import { modules } from './modules/index.js';
import { authPlugin } from './platform/auth/plugin.js';
import type { Clock } from './platform/clock.js';
import type { FieldCrypto } from './platform/crypto.js';
import { installErrorHandler, sendNotFound, zodValidatorCompiler } from './platform/error-handler.js';
import type { AppInstance } from './platform/http.js';
import type { Jobs } from './platform/jobs.js';
import { nameCacheOf } from './platform/names.js';
import type { NotifyProviders } from './platform/notify/providers/types.js';
import { FixedWindowStore } from './platform/rate-limit.js';
import { installSecurityHeaders } from './platform/security-headers.js';
import { responseSerializerCompiler } from './platform/serializer.js';

export interface AppDeps {
  database: Database;
  db: Db;
  crypto: FieldCrypto;
  config: Config;
  jobs: Jobs;
  /** SMS and email providers; when left out they are made from config.notify. Tests put in their own. */
  notify?: NotifyProviders;
  /** Where commands read the time; the system clock when left out. Tests control it. */
  clock?: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export const webDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web console from web/dist when it exists. */
  serveWeb?: boolean;
  /** Sees every route as it is added, before the modules register theirs (the access-matrix test walks them). */
  onRoute?: (route: RouteOptions) => void;
  /** Check every answer against its Zod contract as well (see platform/serializer.ts); on under Vitest. */
  checkResponses?: boolean;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<AppInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ check: opts.checkResponses ?? process.env.VITEST !== undefined }));
  installErrorHandler(app);

  installSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false, store: FixedWindowStore });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 6, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Lianluo 联络 API',
        description: "人大代表履职服务平台 — the API of the platform for the work of people's congress deputies",
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lianluo_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin);
  const stopNames = await nameCacheOf(deps.db).listen(deps.database);
  app.addHook('onClose', stopNames);
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  for (const mod of modules) await app.register(mod.routes, { prefix: '/api' });

  const serveWeb = opts.serveWeb !== false && existsSync(webDist);
  // wildcard: files are looked up per request, so a rebuilt console is served without a restart.
  if (serveWeb) {
    // preCompressed: the build writes .br and .gz copies of the scripts and styles (web/vite.config.ts).
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: false, preCompressed: true });
    // `/` is the folder itself, which the static plugin refuses (403) without an index file: it is the app too.
    app.get('/', { schema: { hide: true }, config: { access: 'public' } }, (_req, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }
  // The console and the public portal are one single-page app: other GET paths get index.html.
  app.setNotFoundHandler((req, reply) => {
    if (!serveWeb || req.method !== 'GET' || req.url.startsWith('/api/')) return sendNotFound(req, reply);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
