/**
 * Opening the database: embedded PGlite in a data directory by default, PostgreSQL when a URL is
 * given. Both speak the same SQL, so one drizzle schema and one set of migrations serve both;
 * callers get the common drizzle type and never learn which one they hold.
 */
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './dataDirLock.ts';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseConfig =
  /** PostgreSQL at this URL (`postgres://user:pass@host:5432/db`). */
  | { kind: 'postgres'; url: string; maxConnections?: number }
  /** PGlite persisted in this directory, or in memory when dataDir is 'memory'. */
  | { kind: 'pglite'; dataDir: string };

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseConfig['kind'];
  /** Closes the pool or the embedded database; the handle is unusable afterwards. */
  close(): Promise<void>;
}

/** Opens a database; the schema is not touched (see migrate.ts). */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
    const pool = new pg.Pool({ connectionString: config.url, max: config.maxConnections ?? 10 });
    // An idle client losing its connection must not take the server down with it.
    pool.on('error', (error) => console.error('[db] idle PostgreSQL client error:', error.message));
    const db = drizzle({ client: pool, schema }) as unknown as Database;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const [{ PGlite }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  if (config.dataDir === 'memory') {
    const client = await PGlite.create();
    return { db: drizzle({ client, schema }) as unknown as Database, kind: 'pglite', close: () => client.close() };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const release = lockDataDir(config.dataDir);
  try {
    const client = await PGlite.create(config.dataDir);
    const close = async () => {
      await client.close();
      release();
    };
    return { db: drizzle({ client, schema }) as unknown as Database, kind: 'pglite', close };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * The configuration the environment asks for: DATABASE_URL selects PostgreSQL; otherwise PGlite
 * in LTV_DATA_DIR (default ./data, relative to where the server was started).
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: env.LTV_DATA_DIR?.trim() || './data' };
}
