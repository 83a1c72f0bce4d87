import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/server/speech/rateLimit.ts';

describe('createRateLimiter', () => {
  it('allows `limit` requests per key per window and says when to come back', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: () => now });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')].map((verdict) => verdict.allowed)).toEqual([true, true, false]);
    now = 400;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 600 });
    expect(limiter.take('b').allowed).toBe(true);
    now = 1000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('stays bounded in memory under a flood of addresses, and still limits the newest', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => now, maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) {
      now = i;
      limiter.take(`198.51.100.${i}`);
    }
    expect(limiter.take('198.51.100.9999').allowed).toBe(false);
  });
});
