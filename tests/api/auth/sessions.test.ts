/**
 * Session lookups are cached in the process for SESSION_CACHE_TTL_MS. These tests pin down what
 * must still take effect at once (sign-out, a replaced session, expiry, a deleted learner once its
 * deletion is announced) and what may lag by the TTL (a row removed behind the process's back,
 * as another server process would).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_CACHE_TTL_MS } from '../../../src/server/auth/sessionCache.ts';
import { createSession, forgetCachedSessions, learnerFromToken, trainerFromToken } from '../../../src/server/auth/sessions.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { learners, sessions } from '../../../src/server/db/schema.ts';
import { startTestApp } from '../support/app.ts';
import { joinAs, side, signedInTrainer, type Side } from '../support/fixtures.ts';

let handle: DatabaseHandle;
let a: Side;
beforeAll(async () => {
  handle = await startTestApp();
  a = await side(handle.db, 'A');
});
afterAll(async () => handle.close());

const later = (ms: number, from = new Date()) => new Date(from.getTime() + ms);
const newLearner = (name: string) => joinAs(a.invitePath, name);
const learnerToken = (learner: { cookies: Map<string, string> }) => learner.cookies.get('ltv_learner')!;

describe('cached session lookups', () => {
  it('answer from the cache within the TTL, and from the database after it', async () => {
    const { learner, learnerId } = await newLearner('Cached');
    const token = learnerToken(learner);
    const now = new Date();
    expect((await learnerFromToken(handle.db, token, now))?.id).toBe(learnerId);
    // Removed behind the process's back, as another server process or an operator would.
    await handle.db.delete(sessions).where(eq(sessions.learnerId, learnerId));
    expect((await learnerFromToken(handle.db, token, later(SESSION_CACHE_TTL_MS - 1, now)))?.id).toBe(learnerId);
    expect(await learnerFromToken(handle.db, token, later(SESSION_CACHE_TTL_MS, now))).toBeNull();
  });

  it('end at sign-out at once, also for the old cookie sent again (another tab)', async () => {
    const { learner } = await newLearner('Leaving');
    const token = learnerToken(learner);
    expect((await learner.get('/api/learner/assignments')).status).toBe(200);
    expect((await learner.post('/api/auth/logout?role=learner')).status).toBe(200);
    expect(await learnerFromToken(handle.db, token)).toBeNull();
    expect((await learner.get('/api/learner/assignments', { headers: { cookie: `ltv_learner=${token}` } })).status).toBe(401);
  });

  it('end when the session is replaced (resume on the same browser)', async () => {
    const { learner, resumeCode } = await newLearner('Resuming');
    const before = learnerToken(learner);
    expect(await learnerFromToken(handle.db, before)).not.toBeNull();
    expect((await learner.post('/api/auth/resume', { code: resumeCode })).status).toBe(200);
    expect(learnerToken(learner)).not.toBe(before);
    expect(await learnerFromToken(handle.db, before)).toBeNull();
  });

  it('refuse a cached session once its absolute limit has passed', async () => {
    const { learnerId } = await newLearner('Expiring');
    const now = new Date();
    const { token } = await createSession(handle.db, { role: 'learner', learnerId }, now);
    // Two seconds of its absolute lifetime left, thirty days of idle time.
    await handle.db.update(sessions).set({ absoluteExpiresAt: later(2_000, now) }).where(eq(sessions.learnerId, learnerId));
    expect(await learnerFromToken(handle.db, token, now)).not.toBeNull();
    expect(await learnerFromToken(handle.db, token, later(3_000, now))).toBeNull();
  });

  it('refuse a deleted learner at once when the deletion is announced, and within the TTL otherwise', async () => {
    const announced = await newLearner('Removed');
    const unannounced = await newLearner('Removed quietly');
    const now = new Date();
    for (const { learner } of [announced, unannounced]) expect(await learnerFromToken(handle.db, learnerToken(learner), now)).not.toBeNull();
    await handle.db.delete(learners).where(eq(learners.id, announced.learnerId));
    forgetCachedSessions(handle.db);
    expect(await learnerFromToken(handle.db, learnerToken(announced.learner), now)).toBeNull();
    await handle.db.delete(learners).where(eq(learners.id, unannounced.learnerId));
    expect(await learnerFromToken(handle.db, learnerToken(unannounced.learner), later(SESSION_CACHE_TTL_MS, now))).toBeNull();
  });

  it('keep trainer and learner sessions apart', async () => {
    const { trainer } = await signedInTrainer(handle.db);
    const token = trainer.cookies.get('ltv_trainer')!;
    expect(await trainerFromToken(handle.db, token)).not.toBeNull();
    expect(await learnerFromToken(handle.db, token)).toBeNull();
  });

  it('slide the idle expiry at most every few minutes, not on every request', async () => {
    const { learner, learnerId } = await newLearner('Sliding');
    const token = learnerToken(learner);
    const read = async () => (await handle.db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.learnerId, learnerId)))[0]!.expiresAt.getTime();
    const created = await read();
    const now = new Date();
    await learnerFromToken(handle.db, token, later(60_000, now));
    expect(await read()).toBe(created);
    await learnerFromToken(handle.db, token, later(10 * 60_000, now));
    expect(await read()).toBeGreaterThan(created);
  });
});
