export interface RateLimiterOptions {
  /** Requests allowed per key in one window. */
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Keys remembered at most; expired ones are dropped first, so memory stays bounded. */
  maxKeys?: number;
}

export interface RateVerdict {
  allowed: boolean;
  /** When refused: how long until the window opens again. */
  retryAfterMs: number;
}

/** A fixed-window limiter per key (the client's IP address), held in memory. */
export function createRateLimiter({ limit, windowMs, now = Date.now, maxKeys = 10_000 }: RateLimiterOptions) {
  const windows = new Map<string, { startedAt: number; count: number }>();

  function prune(at: number): void {
    for (const [key, window] of windows) if (at - window.startedAt >= windowMs) windows.delete(key);
    // Still full (a flood of fresh keys): forget the oldest rather than grow without end.
    while (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
  }

  return {
    take(key: string): RateVerdict {
      const at = now();
      let window = windows.get(key);
      if (!window || at - window.startedAt >= windowMs) {
        if (!window && windows.size >= maxKeys) prune(at);
        window = { startedAt: at, count: 0 };
        windows.set(key, window);
      }
      if (window.count >= limit) return { allowed: false, retryAfterMs: window.startedAt + windowMs - at };
      window.count++;
      return { allowed: true, retryAfterMs: 0 };
    },
  };
}
