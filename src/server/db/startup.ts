/**
 * What the server does before its first trainer or learner request: open and migrate the
 * database. Nothing else: the server never creates an account (sample data is an explicit
 * `npm run sample-data`, the first trainer is `/trainer/setup/` or `npm run trainer:create`).
 */
import { getDatabase, type Database } from './index.ts';

/** The database, ready for requests (opened once; a failed open is retried on the next request). */
export function serverReady(): Promise<Database> {
  return getDatabase();
}
