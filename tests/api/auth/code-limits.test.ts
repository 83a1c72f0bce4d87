/**
 * Invite tokens and resume codes are secrets too: their per-address limits are counted in the
 * shared rate_limits table, so they hold across app processes and against parallel guesses.
 * 20 resume tries per address per 15 minutes; 200 joins per address per 10 minutes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { dispatch, startTestApp } from '../support/app.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await startTestApp();
});
afterAll(async () => handle.close());

const countOf = async (key: string) => {
  const { rows } = (await handle.db.execute(sql`select count from rate_limits where key = ${key}`)) as unknown as { rows: { count: number }[] };
  return rows[0]?.count;
};

describe.each([
  { path: '/api/auth/resume', body: { code: 'AAAA-BBBB-CCCC' }, refused: 401, key: 'resume', limit: 20 },
  { path: '/api/auth/join', body: { token: 'x'.repeat(32), name: 'Guess' }, refused: 404, key: 'join', limit: 200 },
])('$path', ({ path, body, refused, key, limit }) => {
  it(`evaluates at most ${limit} parallel tries per address, counted in the database`, async () => {
    const clientAddress = `198.51.100.${limit % 256}`;
    const responses = await Promise.all(Array.from({ length: limit + 5 }, () => dispatch('POST', path, { body, clientAddress })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === refused)).toHaveLength(limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    expect(Number(responses.find((response) => response.status === 429)?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await countOf(`${key}:ip:${clientAddress}`)).toBe(limit + 5);
  });
});
