import helmet from 'helmet';
import type { AppInstance } from './http.js';

/**
 * The security headers of every answer, by helmet. Its middleware is built once here: the Fastify
 * wrapper (@fastify/helmet 13) built it again for each request, parsing the CSP directives every
 * time, which the bench's profile showed as about a twentieth of a list request's CPU.
 */
export function installSecurityHeaders(app: AppInstance): void {
  const apply = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // helmet 8 throws its errors (at build time, for a bad option) instead of passing them on.
  app.addHook('onRequest', (req, reply, done) => apply(req.raw, reply.raw, () => done()));
}
