/**
 * Limits kept in memory: a fixed window per key (an IP). For cheap per-process budgets only
 * (quiz checks, first-trainer setup): several processes behind a balancer each count separately.
 * Limits that guard secrets (sign-in, invite tokens, resume codes) are counted in the database
 * instead (sharedRateLimit.ts). Expired windows are swept when the map grows, so memory stays
 * bounded by the active keys.
 */
export interface RateLimitOptions {
  /** Events allowed per window. */
  limit: number;
  windowMs: number;
  /** Clock, replaceable in tests. */
  now?: () => number;
  /** Sweep expired windows once this many keys are held. */
  sweepAt?: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Whether one more event of `key` is allowed, without counting it. */
  check(key: string): RateDecision;
  /** Counts one event of `key`. */
  hit(key: string): void;
  /** check, then hit when allowed. */
  take(key: string): RateDecision;
  /** Forgets `key`. */
  reset(key: string): void;
}

export function createRateLimiter({ limit, windowMs, now = Date.now, sweepAt = 10_000 }: RateLimitOptions): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string, at: number) => {
    const window = windows.get(key);
    return window && at - window.start < windowMs ? window : undefined;
  };
  const check = (key: string): RateDecision => {
    const at = now();
    const window = current(key, at);
    if (!window || window.count < limit) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - at) / 1000)) };
  };
  const hit = (key: string) => {
    const at = now();
    if (windows.size >= sweepAt) for (const [other, window] of windows) if (at - window.start >= windowMs) windows.delete(other);
    const window = current(key, at);
    if (window) window.count++;
    else windows.set(key, { start: at, count: 1 });
  };
  return {
    check,
    hit,
    take(key) {
      const decision = check(key);
      if (decision.ok) hit(key);
      return decision;
    },
    reset: (key) => void windows.delete(key),
  };
}
