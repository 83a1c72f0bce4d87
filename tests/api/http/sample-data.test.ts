/**
 * The sample data behind `npm run sample-data`, in process: it goes only into an empty database,
 * a second load changes nothing, its password is random and stored only as a hash, and a reset
 * replaces the password and ends the sample trainer's sessions. (The command itself, over a real
 * data directory and the built server, is in server.test.ts.)
 */
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSignIn, createTrainer } from '../../../src/server/auth/trainers.ts';
import { loadCourse } from '../../../src/server/learner/course.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { cohorts, sessions, trainers } from '../../../src/server/db/schema.ts';
import { createSampleData, resetSamplePassword, SAMPLE_TRAINER, sampleDataAllowed, samplePassword } from '../../../src/server/db/seed.ts';
import { openTestDatabase } from '../support/database.ts';

let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

describe('sample data', () => {
  it('is loaded once, signed in with its random password, stored as a hash', async () => {
    handle = await openTestDatabase();
    const course = await loadCourse();
    const password = samplePassword();
    expect(await createSampleData(handle.db, course, password)).toEqual({ created: true });
    expect(await createSampleData(handle.db, course, samplePassword())).toEqual({ created: false, reason: 'sample-exists' });
    expect((await handle.db.select({ value: count() }).from(cohorts))[0]?.value).toBe(1);
    expect(await checkSignIn(handle.db, SAMPLE_TRAINER.email, password)).not.toBeNull();
    const [row] = await handle.db.select().from(trainers).where(eq(trainers.email, SAMPLE_TRAINER.email));
    expect(row?.passwordHash).not.toContain(password);
  }, 120_000);

  it('never goes into a database that has someone else’s account', async () => {
    handle = await openTestDatabase();
    await createTrainer(handle.db, { email: 'owner@example.com', name: 'Owner', password: 'owner password 1' });
    expect(await createSampleData(handle.db, await loadCourse(), samplePassword())).toEqual({ created: false, reason: 'trainers-exist' });
    expect(await handle.db.select().from(cohorts)).toEqual([]);
  }, 120_000);

  it('gets a new password on reset, and the old one and its sessions stop working', async () => {
    handle = await openTestDatabase();
    expect(await resetSamplePassword(handle.db, samplePassword())).toBe(false);
    const old = samplePassword();
    await createSampleData(handle.db, await loadCourse(), old);
    const [trainer] = await handle.db.select().from(trainers);
    const now = Date.now();
    await handle.db.insert(sessions).values({ tokenHash: 'x', role: 'trainer', trainerId: trainer!.id, expiresAt: new Date(now + 1e6), absoluteExpiresAt: new Date(now + 1e7) });
    const fresh = samplePassword();
    expect(await resetSamplePassword(handle.db, fresh)).toBe(true);
    expect(await checkSignIn(handle.db, SAMPLE_TRAINER.email, old)).toBeNull();
    expect(await checkSignIn(handle.db, SAMPLE_TRAINER.email, fresh)).not.toBeNull();
    expect(await handle.db.select().from(sessions)).toEqual([]);
  }, 120_000);
});

describe('samplePassword', () => {
  it('is four groups of four unambiguous characters, different every time', () => {
    const passwords = Array.from({ length: 50 }, samplePassword);
    for (const password of passwords) expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}(?:-[a-hjkmnp-z2-9]{4}){3}$/);
    expect(new Set(passwords).size).toBe(50);
  });
});

describe('sampleDataAllowed', () => {
  it.each([
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'development' }, true],
    [{}, true],
  ])('%o → %s', (env, allowed) => expect(sampleDataAllowed(env)).toBe(allowed));
});
