/** What the server's `/api/speech/token` answers when cloud voices are on. */
export interface SpeechToken {
  token: string;
  region: string;
  /** When the token stops working (ms since the epoch). */
  expiresAt: number;
}

/** Reads a token answer; anything else (an error body, a changed format) is no token. */
export function readSpeechToken(body: unknown): SpeechToken | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { token, region, expiresAt } = body as Record<string, unknown>;
  const valid =
    typeof token === 'string' && token !== '' && typeof region === 'string' && /^[a-z0-9-]+$/.test(region) && typeof expiresAt === 'number';
  return valid ? { token, region, expiresAt } : undefined;
}

/** A token asked for again this long before it expires, so no request goes out with a stale one. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/**
 * The cloud voice's credentials, fetched from our server when needed and reused until shortly
 * before they expire. Concurrent callers share one request. The browser never sees a key.
 */
export function createTokenSource(fetchToken: () => Promise<SpeechToken | undefined>, now: () => number = Date.now) {
  let current: SpeechToken | undefined;
  let pending: Promise<SpeechToken> | undefined;
  const fresh = (token: SpeechToken | undefined): token is SpeechToken =>
    token !== undefined && token.expiresAt - TOKEN_REFRESH_MARGIN_MS > now();
  return {
    /** Seeds the source with a token already fetched (the one that showed cloud voices are on). */
    remember(token: SpeechToken): void {
      current = token;
    },
    async credentials(): Promise<{ authorizationToken: string; region: string }> {
      if (!fresh(current)) {
        pending ??= fetchToken()
          .then((token) => {
            if (!token) throw new Error('speech token unavailable');
            current = token;
            return token;
          })
          .finally(() => {
            pending = undefined;
          });
        await pending;
      }
      const token = current!;
      return { authorizationToken: token.token, region: token.region };
    },
  };
}
