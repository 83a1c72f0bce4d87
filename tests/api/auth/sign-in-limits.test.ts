/**
 * Sign-in limits as an attacker meets them: parallel guesses are counted before the password is
 * hashed, one address cannot lock the owner out, many addresses together still hit the account's
 * cap, and windows end. Counters live in the rate_limits table (shared by all app processes).
 *
 * The contract: 5 tries per account per address, 50 failed tries per account from all addresses,
 * 30 tries per address, each per 15 minutes; a success clears its account+address counter.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrainer } from '../../../src/server/auth/trainers.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { dispatch, startTestApp } from '../support/app.ts';
import { FAST_SCRYPT } from '../support/fixtures.ts';

const PASSWORD = 'correct horse battery';
const WRONG = 'wrong wrong wrong';
const WINDOW_SECONDS = 15 * 60;

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await startTestApp();
});
afterAll(async () => handle.close());

let accounts = 0;
/** A fresh trainer, so each case starts with untouched counters. */
async function newAccount(): Promise<string> {
  const email = `limits${accounts++}@example.com`;
  await createTrainer(handle.db, { email, name: 'Owner', password: PASSWORD }, { scrypt: FAST_SCRYPT });
  return email;
}

const signIn = (email: string, password: string, clientAddress: string) =>
  dispatch('POST', '/api/auth/login', { body: { email, password }, clientAddress });

function expectRateLimited(response: Response): void {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
}

describe('parallel guesses', () => {
  it('evaluate at most 5 of 29 parallel tries (28 wrong, then the right one), the rest get 429', async () => {
    const email = await newAccount();
    const passwords = [...Array<string>(28).fill(WRONG), PASSWORD];
    const responses = await Promise.all(passwords.map((password) => signIn(email, password, '192.0.2.10')));
    const statuses = responses.map((response) => response.status);
    const evaluated = statuses.filter((status) => status !== 429);
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(29 - evaluated.length);
    // The right password came last, after the budget was spent: it must not open the account.
    expect(statuses.at(-1)).toBe(429);
    for (const response of responses.filter((each) => each.status === 429)) expectRateLimited(response);
    expectRateLimited(await signIn(email, PASSWORD, '192.0.2.10'));
  });
});

describe('per account and address', () => {
  it('an attacker using up the budget on their address does not lock the owner out on theirs', async () => {
    const email = await newAccount();
    for (let i = 0; i < 5; i++) expect((await signIn(email, WRONG, '198.51.100.66')).status).toBe(401);
    expectRateLimited(await signIn(email, PASSWORD, '198.51.100.66'));
    expect((await signIn(email, PASSWORD, '192.0.2.20')).status).toBe(200);
  });

  it('a success clears that address’s failures', async () => {
    const email = await newAccount();
    for (let i = 0; i < 4; i++) expect((await signIn(email, WRONG, '192.0.2.30')).status).toBe(401);
    expect((await signIn(email, PASSWORD, '192.0.2.30')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await signIn(email, WRONG, '192.0.2.30')).status).toBe(401);
    expectRateLimited(await signIn(email, WRONG, '192.0.2.30'));
  });

  it('limits unknown emails the same way (no hint which emails have an account)', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('nobody@example.com', WRONG, '192.0.2.40')).status).toBe(401);
    expectRateLimited(await signIn('nobody@example.com', WRONG, '192.0.2.40'));
  });
});

describe('per account, from all addresses', () => {
  it('stops a distributed attack after 50 failures; a success in between gives its try back', async () => {
    const email = await newAccount();
    const address = (i: number) => `203.0.113.${i}`;
    for (let i = 0; i < 49; i++) expect((await signIn(email, WRONG, address(i))).status).toBe(401);
    expect((await signIn(email, PASSWORD, '192.0.2.50')).status).toBe(200);
    expect((await signIn(email, WRONG, address(49))).status).toBe(401);
    expectRateLimited(await signIn(email, WRONG, address(50)));
    expectRateLimited(await signIn(email, PASSWORD, '192.0.2.51'));
  });

  it('a try refused by the account cap does not use up the address’s own budget', async () => {
    const email = await newAccount();
    for (let i = 0; i < 50; i++) expect((await signIn(email, WRONG, `203.0.113.${100 + i}`)).status).toBe(401);
    for (let i = 0; i < 6; i++) expectRateLimited(await signIn(email, PASSWORD, '192.0.2.60'));
    await handle.db.execute(sql`update rate_limits set window_start = window_start - interval '15 minutes' where key = ${`login:account:${email}`}`);
    expect((await signIn(email, PASSWORD, '192.0.2.60')).status).toBe(200);
  });
});

describe('windows', () => {
  it('end after 15 minutes: the locked-out address may try again', async () => {
    const email = await newAccount();
    for (let i = 0; i < 5; i++) expect((await signIn(email, WRONG, '192.0.2.70')).status).toBe(401);
    expectRateLimited(await signIn(email, PASSWORD, '192.0.2.70'));
    // 14 minutes on, still locked; 15 minutes on, free.
    const moveBack = (minutes: number) =>
      handle.db.execute(sql`update rate_limits set window_start = now() - make_interval(mins => ${minutes}) where key like 'login:%' and key like ${`%${email}%`}`);
    await moveBack(14);
    expectRateLimited(await signIn(email, PASSWORD, '192.0.2.70'));
    await moveBack(15);
    expect((await signIn(email, PASSWORD, '192.0.2.70')).status).toBe(200);
  });

  it('are kept in the database, keyed by what they limit', async () => {
    const email = await newAccount();
    expect((await signIn(email, WRONG, '192.0.2.80')).status).toBe(401);
    const { rows } = (await handle.db.execute(sql`select key, count from rate_limits where key like ${`%${email}%`} or key = 'login:ip:192.0.2.80'`)) as unknown as {
      rows: { key: string; count: number }[];
    };
    expect(rows.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: `login:account-ip:${email}|192.0.2.80`, count: 1 },
      { key: `login:account:${email}`, count: 1 },
      { key: 'login:ip:192.0.2.80', count: 1 },
    ]);
  });
});
