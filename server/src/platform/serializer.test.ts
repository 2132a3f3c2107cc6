import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../app.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { compiled, responseSerializerCompiler } from './serializer.js';

describe('answers written from their contract', () => {
  const Row = z.object({
    key: z.string().nullable(),
    count: z.number().int(),
    rate: z.number().nullable(),
    place: z.object({ code: z.string(), name: z.string() }).nullable(),
    tags: z.array(z.string()),
    note: z.string().optional(),
  });

  it('writes what Zod writes, leaving out the fields the contract does not name', () => {
    const write = compiled(Row);
    expect(write).toBeDefined();
    const data = { key: null, count: 3, rate: 0.5, place: null, tags: ['a'], phoneEnc: 'secret', extra: { a: 1 } };
    expect(JSON.parse(write!(data))).toEqual(Row.parse(data));
    const full = { key: 'k', count: 0, rate: null, place: { code: '23', name: '黑龙江省', hidden: 1 }, tags: [], note: '<b>' };
    expect(JSON.parse(write!(full))).toEqual(Row.parse(full));
  });

  it('leaves a contract JSON Schema cannot express to Zod', () => {
    expect(compiled(z.object({ at: z.date() }))).toBeUndefined();
    expect(compiled(z.string().transform((s) => s.length))).toBeUndefined();
  });

  it('when checking, refuses an answer outside the contract, and one the two writers read differently', () => {
    const serialize = responseSerializerCompiler({ check: true })({ schema: Row, method: 'GET', url: '/x' });
    expect(() => serialize({ key: 1, count: 1, rate: null, place: null, tags: [] })).toThrow(/match the schema/);
    // 1.5 is no whole number: Zod refuses it, whereas fast-json-stringify would write 1.
    expect(() => serialize({ key: null, count: 1.5, rate: null, place: null, tags: [] })).toThrow();
    const unchecked = responseSerializerCompiler({ check: false })({ schema: Row, method: 'GET', url: '/x' });
    expect(unchecked({ key: null, count: 2, rate: null, place: null, tags: [], secret: 'x' })).not.toContain('secret');
  });

  describe('every route of the app', () => {
    const contracts: { route: string; status: string; schema: z.ZodType }[] = [];
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
      const app = await buildApp(t.deps, {
        serveWeb: false,
        onRoute: (route: RouteOptions) => {
          const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
          for (const [status, schema] of Object.entries(response)) {
            if (schema instanceof z.ZodType) contracts.push({ route: `${route.method} ${route.url}`, status, schema });
          }
        },
      });
      await app.close();
    });
    afterAll(() => t.close());

    it('has its answers compiled, but for the few its contracts make Zod-only', () => {
      expect(contracts.length).toBeGreaterThan(200);
      const left = contracts.filter((c) => !compiled(c.schema)).map((c) => `${c.route} ${c.status}`);
      expect(left).toEqual([]);
    });
  });
});
