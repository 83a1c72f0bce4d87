/**
 * The process's database: opened and migrated on first use, from the environment (DATABASE_URL
 * for PostgreSQL, else PGlite in LTV_DATA_DIR, default ./data). Tests install their own with
 * useDatabase.
 */
import { configFromEnv, openDatabase, type Database, type DatabaseConfig, type DatabaseHandle } from './client.ts';
import { migrateDatabase } from './migrate.ts';

export type { Database, DatabaseConfig, DatabaseHandle } from './client.ts';

let current: Promise<DatabaseHandle> | undefined;

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
  current ??= openMigratedDatabase().catch((error: unknown) => {
    // Let the next request try again (PostgreSQL may still be starting) instead of failing forever.
    current = undefined;
    throw error;
  });
  return current;
}

export async function getDatabase(): Promise<Database> {
  return (await databaseHandle()).db;
}

/** Replaces the process's database (tests, benchmarks). */
export function useDatabase(handle: DatabaseHandle): void {
  current = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const handle = current;
  current = undefined;
  if (handle) await (await handle).close();
}
