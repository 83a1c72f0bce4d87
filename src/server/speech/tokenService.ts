import type { SpeechConfig } from './config.ts';

/** Azure issues tokens valid for 10 minutes. */
export const TOKEN_LIFETIME_MS = 10 * 60_000;
/** Reused for 9, so every token handed out still has a minute or more to live. */
export const TOKEN_CACHE_MS = 9 * 60_000;

export type TokenResult =
  | { kind: 'ok'; token: string; region: string; expiresAt: number }
  | { kind: 'upstream-error'; status?: number };

export interface TokenServiceOptions {
  config: SpeechConfig;
  /** The network boundary; tests pass a fake. */
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  timeoutMs?: number;
}

/** Azure's token exchange for a region. */
export function issueTokenUrl(region: string): string {
  return `https://${region}.api.cognitive.microsoft.com/sts/v1.0/issueToken`;
}

/**
 * Exchanges the secret key for short-lived tokens the browser may hold, reusing one token for
 * ~9 minutes and sharing one upstream request between callers that arrive together.
 */
export function createSpeechTokenService({ config, fetch = globalThis.fetch, now = Date.now, timeoutMs = 5000 }: TokenServiceOptions) {
  let cached: { token: string; issuedAt: number } | undefined;
  let pending: Promise<TokenResult> | undefined;

  async function exchange(): Promise<TokenResult> {
    try {
      const response = await fetch(issueTokenUrl(config.region), {
        method: 'POST',
        headers: { 'Ocp-Apim-Subscription-Key': config.key, 'Content-Length': '0' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) return { kind: 'upstream-error', status: response.status };
      const token = (await response.text()).trim();
      if (token === '') return { kind: 'upstream-error', status: response.status };
      const issuedAt = now();
      cached = { token, issuedAt };
      return { kind: 'ok', token, region: config.region, expiresAt: issuedAt + TOKEN_LIFETIME_MS };
    } catch {
      return { kind: 'upstream-error' };
    }
  }

  return {
    async issue(): Promise<TokenResult> {
      if (cached && now() - cached.issuedAt < TOKEN_CACHE_MS) {
        return { kind: 'ok', token: cached.token, region: config.region, expiresAt: cached.issuedAt + TOKEN_LIFETIME_MS };
      }
      pending ??= exchange().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
