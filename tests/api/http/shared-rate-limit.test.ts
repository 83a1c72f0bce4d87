/**
 * The database-backed limiter itself (src/server/http/sharedRateLimit.ts): one atomic count per
 * try, so parallel takes cannot all pass; windows end on the database's clock; expired rows are
 * swept; reset and refund. Runs on PGlite and PostgreSQL like the rest of the API suite.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { rateLimits } from '../../../src/server/db/schema.ts';
import { createSharedRateLimiter } from '../../../src/server/http/sharedRateLimit.ts';
import { openTestDatabase } from '../support/database.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle.close());

const MINUTE = 60_000;
const countOf = async (key: string) => (await handle.db.select().from(rateLimits).where(eq(rateLimits.key, key)))[0]?.count;
const ageWindow = (key: string, minutes: number) =>
  handle.db.execute(sql`update rate_limits set window_start = now() - make_interval(mins => ${minutes}) where key = ${key}`);

describe('take', () => {
  it('lets exactly `limit` of many parallel tries through, per key', async () => {
    const limiter = createSharedRateLimiter({ name: 'test-parallel', limit: 5, windowMs: 15 * MINUTE });
    const decisions = await Promise.all(Array.from({ length: 20 }, () => limiter.take(handle.db, 'a')));
    expect(decisions.filter((decision) => decision.ok)).toHaveLength(5);
    expect(await countOf('test-parallel:a')).toBe(20);
    expect(await limiter.take(handle.db, 'b')).toEqual({ ok: true });
  });

  it('tells how long until the window ends', async () => {
    const limiter = createSharedRateLimiter({ name: 'test-retry', limit: 1, windowMs: 10 * MINUTE });
    await limiter.take(handle.db, 'a');
    await ageWindow('test-retry:a', 4);
    const refused = await limiter.take(handle.db, 'a');
    expect(refused.ok).toBe(false);
    // 6 minutes left: 360 s, give or take the test's own second.
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(358);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(360);
  });

  it('starts a new window once the old one has ended', async () => {
    const limiter = createSharedRateLimiter({ name: 'test-window', limit: 2, windowMs: 10 * MINUTE });
    for (let i = 0; i < 3; i++) await limiter.take(handle.db, 'a');
    expect((await limiter.take(handle.db, 'a')).ok).toBe(false);
    await ageWindow('test-window:a', 10);
    expect(await limiter.take(handle.db, 'a')).toEqual({ ok: true });
    expect(await countOf('test-window:a')).toBe(1);
  });
});

describe('reset and refund', () => {
  it('reset forgets the key; refund gives one try back, never below zero', async () => {
    const limiter = createSharedRateLimiter({ name: 'test-reset', limit: 2, windowMs: MINUTE });
    for (let i = 0; i < 3; i++) await limiter.take(handle.db, 'a');
    await limiter.refund(handle.db, 'a');
    expect(await countOf('test-reset:a')).toBe(2);
    await limiter.reset(handle.db, 'a');
    expect(await countOf('test-reset:a')).toBeUndefined();
    await limiter.take(handle.db, 'b');
    for (let i = 0; i < 3; i++) await limiter.refund(handle.db, 'b');
    expect(await countOf('test-reset:b')).toBe(0);
  });
});

describe('sweeping', () => {
  it('deletes this limit’s ended windows only, at most once per sweep interval', async () => {
    let clock = 0;
    const limiter = createSharedRateLimiter({ name: 'test-sweep', limit: 5, windowMs: 10 * MINUTE, sweepEveryMs: MINUTE, now: () => clock });
    const other = createSharedRateLimiter({ name: 'test-sweep-other', limit: 5, windowMs: 10 * MINUTE });
    for (const key of ['ended', 'again', 'live']) await limiter.take(handle.db, key);
    await other.take(handle.db, 'ended');
    await ageWindow('test-sweep:ended', 11);
    await ageWindow('test-sweep:again', 11);
    await ageWindow('test-sweep-other:ended', 11);
    clock = 30_000;
    await limiter.take(handle.db, 'live');
    expect(await countOf('test-sweep:ended')).toBe(1); // swept at clock 0 (before aging), not again yet
    clock = 61_000;
    await limiter.take(handle.db, 'live');
    expect(await countOf('test-sweep:ended')).toBeUndefined();
    expect(await countOf('test-sweep:again')).toBeUndefined();
    expect(await countOf('test-sweep:live')).toBe(3);
    expect(await countOf('test-sweep-other:ended')).toBe(1);
  });
});
