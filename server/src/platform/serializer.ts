import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import { ResponseSerializationError, serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

type Serializer = (data: unknown) => string;
type JsonSchema = Record<string, unknown>;

/**
 * Answers are written by fast-json-stringify, compiled from each route's Zod contract
 * (docs/decisions.md, "Answers written from their contract"): checking a breakdown's twenty rows of
 * thirty figures with Zod, then stringifying the copy it made, was a quarter of the request's CPU.
 * Like Zod's parse, the compiled writer leaves out every field the contract does not name, so
 * nothing undeclared reaches a client. A contract JSON Schema cannot express (a transform, a date)
 * keeps Zod's serializer.
 *
 * With `check` (the tests), every answer is also parsed by Zod as before, and what the compiled
 * writer wrote must equal Zod's output: a contract the two read differently fails a test, not a user.
 */
export function responseSerializerCompiler(opts: { check: boolean }) {
  return (route: { schema: unknown; method: string; url: string; httpStatus?: string }): Serializer => {
    const schema = route.schema instanceof z.ZodType ? route.schema : undefined;
    const write = schema ? compiled(schema) : undefined;
    if (!schema || !write) return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
    if (!opts.check) return write;
    return (data) => {
      const result = schema.safeEncode(data);
      if (!result.success) throw new ResponseSerializationError(route.method, route.url, { cause: result.error });
      const text = write(data);
      if (!isDeepStrictEqual(JSON.parse(text), JSON.parse(JSON.stringify(result.data)))) {
        throw new Error(`the compiled answer of ${route.method} ${route.url} differs from its Zod contract: ${text}`);
      }
      return text;
    };
  };
}

/** The writer of a contract, or undefined when JSON Schema cannot say what Zod would write. */
export function compiled(schema: ZodType): Serializer | undefined {
  try {
    const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw', cycles: 'throw', reused: 'inline' });
    return fastJson(nullables(json) as Parameters<typeof fastJson>[0]);
  } catch {
    return undefined;
  }
}

/**
 * Zod writes `x.nullable()` as anyOf [x, null]; fast-json-stringify picks an anyOf branch by running a
 * validator on each value, but writes `nullable: true` with a plain check.
 */
function nullables(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullables);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = nullables(v);
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullAt = anyOf.findIndex((s: JsonSchema) => s.type === 'null' && Object.keys(s).length === 1);
    const other = anyOf[1 - nullAt] as JsonSchema | undefined;
    if (nullAt >= 0 && other && typeof other.type === 'string' && !('anyOf' in other) && !('oneOf' in other)) {
      const { anyOf: _, ...rest } = out;
      return { ...rest, ...other, nullable: true };
    }
  }
  return out;
}
