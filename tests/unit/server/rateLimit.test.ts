import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/server/http/rateLimit.ts';

describe('createRateLimiter', () => {
  it('allows `limit` events per window, then says when to retry', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limiter.take('ip')).toEqual({ ok: true });
    expect(limiter.take('ip')).toEqual({ ok: true });
    now = 15_000;
    expect(limiter.take('ip')).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(limiter.take('other')).toEqual({ ok: true });
    now = 60_000;
    expect(limiter.take('ip')).toEqual({ ok: true });
  });

  it('check does not count; hit does; reset forgets', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => 0 });
    expect(limiter.check('a').ok).toBe(true);
    expect(limiter.check('a').ok).toBe(true);
    limiter.hit('a');
    expect(limiter.check('a').ok).toBe(false);
    limiter.reset('a');
    expect(limiter.check('a').ok).toBe(true);
  });

  it('sweeps expired windows so memory stays bounded', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 10, now: () => now, sweepAt: 3 });
    for (const key of ['a', 'b', 'c']) limiter.hit(key);
    now = 20;
    limiter.hit('d');
    // 'a' was swept: a fresh window, so one more is allowed.
    expect(limiter.check('a').ok).toBe(true);
  });
});
