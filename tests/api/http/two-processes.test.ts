/**
 * Two real app processes (the built server) sharing one PostgreSQL, as behind a load balancer:
 * the sign-in limit is one limit, whichever process answers. Both see the client as 127.0.0.1,
 * so every try here counts against the same account+address budget of 5.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, httpClient, serverStore, startBuiltServer, type BuiltServer, type ServerStore } from '../support/built.ts';
import { testDatabaseKind } from '../support/database.ts';

const onPostgres = testDatabaseKind() === 'postgres';
const PASSWORD = 'owner password 1';

describe.skipIf(!onPostgres)('two app processes sharing one PostgreSQL (skipped unless LTV_TEST_DB=postgres: an embedded PGlite belongs to one process)', () => {
  let store: ServerStore;
  const servers: BuiltServer[] = [];
  beforeAll(async () => {
    ensureBuilt();
    store = await serverStore('postgres');
    // One after the other: the first migrates the fresh database, the second finds it ready.
    for (let i = 0; i < 2; i++) servers.push(await startBuiltServer(store.env));
    const owner = httpClient(servers[0]!.baseUrl);
    expect((await owner.post('/api/auth/setup', { email: 'owner@example.com', name: 'Owner', password: PASSWORD })).status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await store?.dispose();
  });

  const signIn = (server: BuiltServer, email: string, password: string) => httpClient(server.baseUrl).post('/api/auth/login', { email, password });

  it('the 6th try gets 429 whichever process answers, even with the right password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(servers[i % 2]!, 'owner@example.com', 'wrong password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    for (const server of servers) {
      const refused = await signIn(server, 'owner@example.com', PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('parallel tries spread over both processes: at most 5 evaluated', async () => {
    const tries = Array.from({ length: 16 }, (_, i) => signIn(servers[i % 2]!, 'someone@example.com', 'wrong password'));
    const statuses = (await Promise.all(tries)).map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(11);
  });
});
