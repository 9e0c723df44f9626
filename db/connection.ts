import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database>;

// Dates come back as JavaScript Dates (timestamptz) and `date` columns as plain
// 'YYYY-MM-DD' strings, so a date of birth never shifts with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export interface ConnectOptions {
  max?: number;
  applicationName?: string;
}

// Kept on globalThis: the server bundle and the Remix build each carry a copy of this
// file, and a Db made by one must still be found by the other.
const POOLS = Symbol.for('prevention-platform.pools');
const pools: WeakMap<Db, pg.Pool> = ((globalThis as Record<symbol, unknown>)[POOLS] as WeakMap<Db, pg.Pool> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[POOLS] = new WeakMap<Db, pg.Pool>()) as WeakMap<Db, pg.Pool>;

/** One pool for the whole process. */
export function connect(url: string, options: ConnectOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'prevention-platform',
    idleTimeoutMillis: 30_000,
  });
  // An idle connection that drops (a database restart) is replaced by the pool; it must not crash the process.
  pool.on('error', (error) => console.error(`[database] idle connection lost: ${error.message}`));
  // A query on a broken connection fails on its own; the connection's own error event must not crash the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/**
 * The pg pool behind a Db, for the few libraries that speak to PostgreSQL themselves
 * (the sign-in throttle and the job queue), so the process still has one pool.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('This database handle was not made by connect().');
  return pool;
}

/** True when the database answers a trivial query within the pool's limits. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
