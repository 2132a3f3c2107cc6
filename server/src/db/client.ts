import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type ExtractTablesWithRelations, is, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or a transaction inside it. */
export type Executor = Db | Tx;

export const isTransaction = (db: Executor): db is Tx => is(db, PgTransaction);

/**
 * A hot statement as fixed text: on PostgreSQL prepared once per connection under `name` (no parse
 * or plan afterwards, and no query building in drizzle); on PGlite run as it is. A null name plans
 * it for its values each time: for a statement whose best plan depends on them (a range that is a
 * county or a whole province), where a prepared statement's generic plan could be far off. Not
 * inside a transaction: use `textToSql` there.
 */
export async function preparedQuery<T>(db: Db, name: string | null, text: string, values: unknown[]): Promise<T[]> {
  // drizzle keeps the driver's client on the database object: a node-postgres pool or a PGlite instance.
  const client = (db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (client instanceof PGlite) return (await client.query<T>(text, values)).rows;
  const config = name === null ? { text, values } : { name, text, values };
  return (await client.query<T & pg.QueryResultRow>(config)).rows;
}

/** The same fixed text with its $n parameters, as a drizzle SQL for a transaction. */
export function textToSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (let i = 0; i < parts.length; i++) {
    chunks.push(i % 2 === 0 ? sql.raw(parts[i] as string) : sql`${values[Number(parts[i]) - 1]}`);
  }
  return sql.join(chunks);
}

/** The rows of a raw `execute(sql…)`: node-postgres and PGlite both answer `{ rows }`. */
export const resultRows = <T = Record<string, unknown>>(res: unknown): T[] =>
  (Array.isArray(res) ? res : ((res as { rows?: T[] }).rows ?? [])) as T[];

/** A fixed-text statement on the database (prepared, see preparedQuery) or inside a transaction. */
export async function fixedQuery<T>(db: Executor, name: string | null, text: string, values: unknown[]): Promise<T[]> {
  return isTransaction(db) ? resultRows<T>(await db.execute(textToSql(text, values))) : preparedQuery<T>(db, name, text, values);
}

/** A uuid[] parameter as array text: uuids need no quoting, and both drivers take the text form. */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** The few raw operations that drizzle does not cover: multi-statement scripts and COPY-free bulk work. */
export interface RawClient {
  /** Runs a script of one or more statements without parameters. */
  exec(sqlText: string): Promise<void>;
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  raw: RawClient;
  /** The PGlite instance, when embedded (pg-boss and dumps need it). */
  pglite?: PGlite;
  /** The node-postgres pool, when on PostgreSQL. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; undefined means in memory. */
  dataDir?: string;
  /** A PGlite data dump to start from (tests load a prepared one). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts);
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: { pg_trgm },
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    raw: {
      exec: async (text) => {
        await client.exec(text);
      },
      query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client's network error must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    raw: {
      exec: async (text) => {
        await pool.query(text);
      },
      query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params as unknown[])).rows as T[],
    },
    close: () => pool.end(),
  };
}
