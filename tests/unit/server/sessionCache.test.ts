/**
 * The in-process session cache on its own: what it returns, for how long, and that a forget
 * during a lookup keeps that lookup's result out (it may have read a row that is gone now).
 */
import { describe, expect, it } from 'vitest';
import { SESSION_CACHE_TTL_MS, sessionCache, sessionCacheTtl } from '../../../src/server/auth/sessionCache.ts';
import type { Database } from '../../../src/server/db/client.ts';

const T0 = new Date('2026-12-01T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const learner = { id: 'l1', name: 'Aiko', cohortId: 'c1', cohortName: 'Sales' };
const fresh = () => sessionCache({} as Database);
const remember = (cache: ReturnType<typeof fresh>, expiresInMs = 60_000) =>
  cache.set('hash', { role: 'learner', identity: learner, expiresAt: at(expiresInMs) }, T0, cache.version());

describe('sessionCache', () => {
  it.each([
    // [what, lookup time after caching (ms), session expires after (ms), expected]
    ['a lookup just made', 0, 60_000, learner],
    ['a lookup within the TTL', SESSION_CACHE_TTL_MS - 1, 60_000, learner],
    ['a lookup as old as the TTL', SESSION_CACHE_TTL_MS, 60_000, undefined],
    ['a session that expired within the TTL', 2_000, 1_500, undefined],
    ['a clock that went backwards', -1, 60_000, undefined],
  ])('%s', (_what, afterMs, expiresInMs, expected) => {
    const cache = fresh();
    remember(cache, expiresInMs);
    expect(cache.get('hash', 'learner', at(afterMs))).toEqual(expected);
  });

  it('answers only for the role the session was made for', () => {
    const cache = fresh();
    remember(cache);
    expect(cache.get('hash', 'trainer', T0)).toBeUndefined();
  });

  it('forgets one token at once, and everything on clear', () => {
    const cache = fresh();
    remember(cache);
    cache.set('other', { role: 'learner', identity: learner, expiresAt: at(60_000) }, T0, cache.version());
    cache.forget('hash');
    expect(cache.get('hash', 'learner', T0)).toBeUndefined();
    expect(cache.get('other', 'learner', T0)).toEqual(learner);
    cache.clear();
    expect(cache.get('other', 'learner', T0)).toBeUndefined();
  });

  it('does not keep a lookup that started before a forget', () => {
    const cache = fresh();
    const version = cache.version();
    cache.forget('hash');
    cache.set('hash', { role: 'learner', identity: learner, expiresAt: at(60_000) }, T0, version);
    expect(cache.get('hash', 'learner', T0)).toBeUndefined();
  });

  it('keeps one cache per database handle', () => {
    const db = {} as Database;
    remember(sessionCache(db));
    expect(sessionCache(db).get('hash', 'learner', T0)).toEqual(learner);
    expect(sessionCache({} as Database).get('hash', 'learner', T0)).toBeUndefined();
  });
});

describe('sessionCacheTtl (LTV_SESSION_CACHE_MS)', () => {
  it.each([
    [undefined, 5_000],
    ['', 5_000],
    ['0', 0],
    ['2500', 2_500],
    ['600000', 60_000],
    ['-1', 5_000],
    ['soon', 5_000],
  ])('%j gives %d ms', (value, expected) => {
    expect(sessionCacheTtl({ LTV_SESSION_CACHE_MS: value })).toBe(expected);
  });
});
