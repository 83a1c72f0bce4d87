/**
 * Applying the SQL migrations of drizzle/ with drizzle's own migrator, at startup, to either
 * database. Already applied migrations are skipped (drizzle keeps a journal table), so this is
 * safe on every start.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig, DatabaseHandle } from './client.ts';

/** Any number, as long as every instance of the app uses the same one. */
const MIGRATION_LOCK_KEY = 7_310_420;

/**
 * The drizzle/ folder: LTV_MIGRATIONS_DIR, or the first one found walking up from this file (it
 * sits in src/server/db when run from source and in dist/server/... when built), or ./drizzle.
 */
export function migrationsFolder(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.LTV_MIGRATIONS_DIR) return path.resolve(env.LTV_MIGRATIONS_DIR);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'drizzle');
    if (existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('drizzle');
    dir = parent;
  }
}

/** Brings the schema up to date. */
export async function migrateDatabase(config: DatabaseConfig, handle: DatabaseHandle): Promise<void> {
  const folder = migrationsFolder();
  if (config.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // The handle's db is a PgliteDatabase; the common type hides that.
    await migrate(handle.db as Parameters<typeof migrate>[0], { migrationsFolder: folder });
    return;
  }
  // Several app instances may start at once against one PostgreSQL: one migrates, the others
  // wait on the lock, then find nothing left to do. The lock lives on this one connection.
  const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(drizzle({ client }), { migrationsFolder: folder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
