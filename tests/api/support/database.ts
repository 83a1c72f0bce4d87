/**
 * The database of an API test file, chosen by LTV_TEST_DB: `pglite` (default, in memory) or
 * `postgres` (a fresh database created on the server of TEST_DATABASE_URL and dropped after).
 * Migrated with the app's own migrator, so the suite also proves the migrations on both.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { openMigratedDatabase } from '../../../src/server/db/index.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.LTV_TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`LTV_TEST_DB must be pglite or postgres (got ${kind})`);
  return kind;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  // Fail loudly: a PostgreSQL run that silently fell back to PGlite would prove nothing.
  if (!url) throw new Error('LTV_TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:54329/postgres)');
  return url;
}

/** A fresh, migrated database; close() also drops it (PostgreSQL). */
export async function openTestDatabase(kind: TestDatabaseKind = testDatabaseKind()): Promise<DatabaseHandle> {
  if (kind === 'pglite') return openMigratedDatabase({ kind: 'pglite', dataDir: 'memory' });
  const admin = adminUrl();
  const name = `ltv_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const handle = await openMigratedDatabase({ kind: 'postgres', url: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
