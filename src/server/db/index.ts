/**
 * The process's database: opened and migrated on first use, from the environment (DATABASE_URL
 * for PostgreSQL, else PGlite in LTV_DATA_DIR, default ./data). Tests install their own with
 * useDatabase.
 */
import { configFromEnv, openDatabase, type Database, type DatabaseConfig, type DatabaseHandle } from './client.ts';
import { migrateDatabase } from './migrate.ts';

export type { Database, DatabaseConfig, DatabaseHandle } from './client.ts';

let current: Promise<DatabaseHandle> | undefined;
/** The database once it is open, for work that should use it only if it is there (openedDatabase). */
let opened: Database | undefined;

/** Opens and migrates a database (what the server does on first use; scripts call it directly). */
export async function openMigratedDatabase(config: DatabaseConfig = configFromEnv()): Promise<DatabaseHandle> {
  const handle = await openDatabase(config);
  try {
    await migrateDatabase(config, handle);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return handle;
}

export function databaseHandle(): Promise<DatabaseHandle> {
  current ??= openMigratedDatabase().then((handle) => {
    opened = handle.db;
    return handle;
  }, (error: unknown) => {
    // Let the next request try again (PostgreSQL may still be starting) instead of failing forever.
    current = undefined;
    throw error;
  });
  return current;
}

export async function getDatabase(): Promise<Database> {
  return (await databaseHandle()).db;
}

/** The database if this process has opened it, else null: never opens one (nor waits for one). */
export function openedDatabase(): Database | null {
  return opened ?? null;
}

/** Replaces the process's database (tests, benchmarks). */
export function useDatabase(handle: DatabaseHandle): void {
  current = Promise.resolve(handle);
  opened = handle.db;
}

export async function closeDatabase(): Promise<void> {
  const handle = current;
  current = undefined;
  opened = undefined;
  if (handle) await (await handle).close();
}
