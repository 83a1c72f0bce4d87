/**
 * Rate limits that hold across app processes sharing one database (sign-in, join, resume codes):
 * a fixed window per key in the `rate_limits` table. An attempt is counted by one atomic upsert
 * *before* the slow or secret-revealing work, and the count it returns decides: parallel requests
 * queue on the row's lock, each sees its own count, so no more than `limit` of them pass, in
 * whichever process they land. The database's clock is the only clock, so processes on hosts
 * whose clocks drift still agree on when a window ends.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { rateLimits } from '../db/schema.ts';
import type { RateDecision } from './rateLimit.ts';

export interface SharedLimitOptions {
  /** The key's prefix in the table, e.g. `login:account`; one per limit. */
  name: string;
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
  /** How often this process deletes this limit's expired rows (on a take; 0 on every take). */
  sweepEveryMs?: number;
  /** The process clock for scheduling sweeps only (windows use the database's clock). */
  now?: () => number;
}

export interface SharedRateLimiter {
  readonly name: string;
  readonly limit: number;
  /** Counts one attempt of `subject` and says whether it is within the limit. */
  take(db: Database, subject: string): Promise<RateDecision>;
  /** Forgets `subject` (a successful sign-in clears its account+IP failures). */
  reset(db: Database, subject: string): Promise<void>;
  /** Gives one attempt back (one that turned out not to count: a success, or refused elsewhere). */
  refund(db: Database, subject: string): Promise<void>;
}

export function createSharedRateLimiter({ name, limit, windowMs, sweepEveryMs = 60_000, now = Date.now }: SharedLimitOptions): SharedRateLimiter {
  const windowSeconds = windowMs / 1000;
  const keyOf = (subject: string) => `${name}:${subject}`;
  const windowEnd = sql`${rateLimits.windowStart} + make_interval(secs => ${windowSeconds})`;
  const expired = sql`${windowEnd} <= now()`;
  let lastSweep = -Infinity;

  // Rows of windows that ended are dead weight: any take would restart them anyway.
  const sweep = async (db: Database) => {
    if (now() - lastSweep < sweepEveryMs) return;
    lastSweep = now();
    try {
      await db.delete(rateLimits).where(sql`starts_with(${rateLimits.key}, ${`${name}:`}) and ${expired}`);
    } catch (error) {
      console.error(`[rate-limit] sweeping ${name} failed:`, error);
    }
  };

  return {
    name,
    limit,
    async take(db, subject) {
      await sweep(db);
      const [row] = await db
        .insert(rateLimits)
        .values({ key: keyOf(subject), windowStart: sql`now()`, count: 1 })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
            windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
          },
        })
        .returning({
          count: rateLimits.count,
          retryAfterSeconds: sql<number>`greatest(1, ceil(extract(epoch from ${windowEnd} - now())))::int`,
        });
      if (!row) throw new Error(`rate limit ${name}: the upsert returned no row`);
      return row.count <= limit ? { ok: true } : { ok: false, retryAfterSeconds: row.retryAfterSeconds };
    },
    async reset(db, subject) {
      await db.delete(rateLimits).where(eq(rateLimits.key, keyOf(subject)));
    },
    async refund(db, subject) {
      await db
        .update(rateLimits)
        .set({ count: sql`${rateLimits.count} - 1` })
        .where(sql`${rateLimits.key} = ${keyOf(subject)} and ${rateLimits.count} > 0`);
    },
  };
}
