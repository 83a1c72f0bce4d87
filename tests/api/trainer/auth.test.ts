/**
 * Trainer accounts and sessions: sign-in, rate limits, setup once, sign-out, expiry, cookies.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrainer } from '../../../src/server/auth/trainers.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { sessions, trainers } from '../../../src/server/db/schema.ts';
import { actor, dispatch, startTestApp } from '../support/app.ts';
import { FAST_SCRYPT } from '../support/fixtures.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await startTestApp();
});
afterAll(async () => handle.close());

const PASSWORD = 'correct horse battery';

describe('first trainer setup', () => {
  it('is open while no trainer exists, and only one of two simultaneous setups wins', async () => {
    const session = await actor().get('/api/auth/session');
    expect(await session.json()).toEqual({ trainer: null, learner: null, setupOpen: true });
    const attempts = await Promise.all(
      ['first@example.com', 'second@example.com'].map((email) => actor().post('/api/auth/setup', { email, name: 'Owner', password: PASSWORD })),
    );
    expect(attempts.map((response) => response.status).sort()).toEqual([201, 403]);
    expect(await handle.db.select().from(trainers)).toHaveLength(1);
  });

  it('is closed once a trainer exists', async () => {
    const response = await actor().post('/api/auth/setup', { email: 'late@example.com', name: 'Late', password: PASSWORD });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'setup-closed' });
  });

  it('signs the new trainer in (setup answers with a session cookie)', async () => {
    const [winner] = await handle.db.select().from(trainers);
    const browser = actor();
    const login = await browser.post('/api/auth/login', { email: winner!.email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect((await (await browser.get('/api/auth/session')).json()).trainer.email).toBe(winner!.email);
  });
});

describe('sign-in', () => {
  const email = 'sato@example.com';
  beforeAll(async () => {
    await createTrainer(handle.db, { email, name: 'Sato', password: PASSWORD }, { scrypt: FAST_SCRYPT });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie and stores only the token hash', async () => {
    const response = await dispatch('POST', '/api/auth/login', { body: { email: 'SATO@example.com', password: PASSWORD } });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^ltv_trainer=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await handle.db.select({ tokenHash: sessions.tokenHash }).from(sessions);
    expect(stored.some((row) => row.tokenHash === token)).toBe(false);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
  });

  it('sets Secure over HTTPS', async () => {
    const response = await dispatch('POST', 'https://localhost:4321/api/auth/login', {
      body: { email, password: PASSWORD },
      headers: { origin: 'https://localhost:4321' },
    });
    expect(response.headers.getSetCookie()[0]).toContain('; Secure');
  });

  it('refuses a wrong password or an unknown email with the same 401', async () => {
    for (const body of [{ email, password: 'wrong password!' }, { email: 'nobody@example.com', password: PASSWORD }]) {
      const response = await dispatch('POST', '/api/auth/login', { body });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'invalid-credentials' });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it.each([
    ['not JSON', { rawBody: '{email', headers: { 'content-type': 'application/json' } }, 400, 'invalid-json'],
    ['a form post', { rawBody: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported-media-type'],
    ['a bad email', { body: { email: 'not-an-email', password: 'x' } }, 400, 'invalid-body'],
    ['an unknown field', { body: { email, password: PASSWORD, admin: true } }, 400, 'invalid-body'],
    ['a huge body', { body: { email, password: 'x'.repeat(40_000) } }, 413, 'body-too-large'],
  ] as const)('answers %s with %i and no stack trace', async (_, options, status, code) => {
    const response = await dispatch('POST', '/api/auth/login', options);
    expect(response.status).toBe(status);
    const body = await response.text();
    expect(JSON.parse(body).error).toBe(code);
    expect(body).not.toMatch(/at .*\.ts:\d+|stack/i);
  });

  it('reports field errors by field', async () => {
    const response = await dispatch('POST', '/api/auth/login', { body: { email: 'x', password: '' } });
    const body = await response.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['email', 'password']);
  });

  it('limits tries per email and address (5 per 15 minutes); another address may still sign in', async () => {
    // More cases (parallel tries, the per-account cap, windows): tests/api/auth/sign-in-limits.test.ts.
    const target = 'limited@example.com';
    await createTrainer(handle.db, { email: target, name: 'L', password: PASSWORD }, { scrypt: FAST_SCRYPT });
    const from = (clientAddress: string, password: string) => dispatch('POST', '/api/auth/login', { body: { email: target, password }, clientAddress });
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.50', 'wrong wrong')).status).toBe(401);
    const blocked = await from('203.0.113.50', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('203.0.113.51', PASSWORD)).status).toBe(200);
  });

  it('limits attempts per IP address (30 per 15 minutes)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      // Counted before anything else, so even malformed bodies use up the budget.
      statuses.push((await dispatch('POST', '/api/auth/login', { body: { email: `x${i}` }, clientAddress: '203.0.113.9' })).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('sessions', () => {
  const email = 'kato@example.com';
  beforeAll(async () => {
    await createTrainer(handle.db, { email, name: 'Kato', password: PASSWORD }, { scrypt: FAST_SCRYPT });
  });

  const signedIn = async () => {
    const browser = actor();
    expect((await browser.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    return browser;
  };
  const hashOf = async () => (await handle.db.select().from(sessions).orderBy(sessions.createdAt)).at(-1)!.tokenHash;

  it('ends at sign-out: the same cookie no longer works', async () => {
    const browser = await signedIn();
    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    expect((await browser.get('/api/trainer/cohorts')).status).toBe(200);
    const out = await browser.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().some((line) => line.startsWith('ltv_trainer=;') && line.includes('Max-Age=0'))).toBe(true);
    expect((await dispatch('GET', '/api/trainer/cohorts', {}, cookie)).status).toBe(401);
  });

  it('expires when idle (sliding) and at the absolute limit', async () => {
    const idle = await signedIn();
    await handle.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.tokenHash, await hashOf()));
    expect((await idle.get('/api/trainer/cohorts')).status).toBe(401);

    const old = await signedIn();
    await handle.db.update(sessions).set({ absoluteExpiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.tokenHash, await hashOf()));
    expect((await old.get('/api/trainer/cohorts')).status).toBe(401);
  });

  it('slides the idle expiry forward with use, never past the absolute limit', async () => {
    const browser = await signedIn();
    const tokenHash = await hashOf();
    const soon = new Date(Date.now() + 60_000);
    await handle.db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.tokenHash, tokenHash));
    expect((await browser.get('/api/trainer/cohorts')).status).toBe(200);
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(row!.absoluteExpiresAt.getTime());
  });

  it('replaces the previous session on a new sign-in (no fixation)', async () => {
    const browser = await signedIn();
    const first = await hashOf();
    expect((await browser.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    expect(await handle.db.select().from(sessions).where(eq(sessions.tokenHash, first))).toHaveLength(0);
  });

  it('ignores a forged cookie', async () => {
    expect((await dispatch('GET', '/api/trainer/cohorts', {}, 'ltv_trainer=forged-token-value')).status).toBe(401);
  });
});
