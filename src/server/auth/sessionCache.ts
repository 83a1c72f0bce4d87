/**
 * Session lookups remembered for a few seconds, per database handle. Every trainer and learner
 * request starts with its session; without this, a class submitting at once spends a database
 * round trip per request on the same few hundred rows.
 *
 * Freshness: a sign-out, a replaced session or an expiry seen by this process forgets the entry
 * at once (sessions.ts calls forget). A change this process does not see (another server process
 * on the same PostgreSQL, a row deleted by hand) takes effect within SESSION_CACHE_TTL_MS. Expiry
 * times are checked on every hit, so a cached session never outlives its idle or absolute limit.
 */
import type { Database } from '../db/client.ts';
import type { SessionRole } from '../http/cookies.ts';

const DEFAULT_TTL_MS = 5_000;
/** A longer TTL would let a change made by another process lag too long. */
const MAX_TTL_MS = 60_000;

/** LTV_SESSION_CACHE_MS: 0 turns the cache off; unset or unreadable means 5 s; at most 60 s. */
export function sessionCacheTtl(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.LTV_SESSION_CACHE_MS?.trim();
  const value = raw ? Number(raw) : NaN;
  return Number.isFinite(value) && value >= 0 ? Math.min(value, MAX_TTL_MS) : DEFAULT_TTL_MS;
}

/** How long a looked-up session is trusted without asking the database again. */
export const SESSION_CACHE_TTL_MS = sessionCacheTtl(process.env);

/** Enough for every open session of a large course; the oldest entry goes first beyond it. */
const MAX_ENTRIES = 10_000;

interface Entry {
  role: SessionRole;
  identity: object;
  /** The earlier of the idle and the absolute expiry, as last read or slid. */
  expiresAt: number;
  checkedAt: number;
}

export interface CachedSession {
  role: SessionRole;
  identity: object;
  expiresAt: Date;
}

export interface SessionCache {
  /** The identity cached for this token hash and role, or undefined (ask the database). */
  get(tokenHash: string, role: SessionRole, now: Date): object | undefined;
  /** A counter that moves on every forget: take it before a lookup and hand it to set. */
  version(): number;
  /** Remembers a lookup, unless something was forgotten since `version` (it may be stale). */
  set(tokenHash: string, session: CachedSession, now: Date, version: number): void;
  forget(tokenHash: string): void;
  clear(): void;
}

function createSessionCache(): SessionCache {
  const entries = new Map<string, Entry>();
  let generation = 0;
  return {
    get(tokenHash, role, now) {
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      const at = now.getTime();
      const age = at - entry.checkedAt;
      // A clock that went backwards (tests pass `now`) is a miss too.
      if (entry.role !== role || age < 0 || age >= SESSION_CACHE_TTL_MS || at >= entry.expiresAt) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.identity;
    },
    version: () => generation,
    set(tokenHash, session, now, version) {
      if (version !== generation || SESSION_CACHE_TTL_MS === 0) return;
      entries.delete(tokenHash);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(tokenHash, { role: session.role, identity: session.identity, expiresAt: session.expiresAt.getTime(), checkedAt: now.getTime() });
    },
    forget(tokenHash) {
      generation++;
      entries.delete(tokenHash);
    },
    clear() {
      generation++;
      entries.clear();
    },
  };
}

const caches = new WeakMap<Database, SessionCache>();

/** The cache of this database handle (a test's fresh database starts with an empty one). */
export function sessionCache(db: Database): SessionCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = createSessionCache();
    caches.set(db, cache);
  }
  return cache;
}
