import { speechConfigFrom, type SpeechConfig } from './config.ts';
import { createRateLimiter } from './rateLimit.ts';
import { createSpeechTokenService } from './tokenService.ts';

/** Header a browser sends to ask only whether cloud voices are on (see `probe` below). */
export const PROBE_HEADER = 'x-speech-probe';

export interface TokenEndpointOptions {
  /** Read on every request, so a key set after start-up (or removed) takes effect. */
  env: Record<string, string | undefined>;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** Token requests per IP address per minute. */
  perMinute?: number;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });

/**
 * `GET/POST /api/speech/token`: a 10-minute Azure Speech token, `{ token, region, expiresAt }`,
 * for the cloud voices. The key stays here; the browser only ever sees tokens. Without a key
 * the answer is a 404 saying narration uses the browser's voice. A page that only wants to
 * know whether to offer cloud voices sends `x-speech-probe: 1` and gets a 204 instead of the
 * 404, so every lesson page can ask without an error in the console.
 */
export function createTokenEndpoint({ env, fetch, now = Date.now, perMinute = 30 }: TokenEndpointOptions) {
  const limiter = createRateLimiter({ limit: perMinute, windowMs: 60_000, now });
  let service: ReturnType<typeof createSpeechTokenService> | undefined;
  let serviceConfig: SpeechConfig | undefined;

  const serviceFor = (config: SpeechConfig) => {
    if (!service || serviceConfig?.key !== config.key || serviceConfig.region !== config.region) {
      service = createSpeechTokenService({ config, now, ...(fetch ? { fetch } : {}) });
      serviceConfig = config;
    }
    return service;
  };

  return async function handle(request: Request, clientAddress: string): Promise<Response> {
    const probe = request.headers.get(PROBE_HEADER) === '1';
    const config = speechConfigFrom(env);
    if (!config) {
      if (probe) return new Response(null, { status: 204, headers: { 'cache-control': 'no-store', 'x-speech-cloud': 'off' } });
      return json(404, {
        error: 'cloud-voice-disabled',
        message: 'Cloud voices are not configured on this server. Narration uses the browser’s own voice.',
      });
    }
    const verdict = limiter.take(clientAddress || 'unknown');
    if (!verdict.allowed) {
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
      return json(429, { error: 'rate-limited', message: `Too many token requests. Try again in ${seconds} s.` }, { 'retry-after': String(seconds) });
    }
    const result = await serviceFor(config).issue();
    if (result.kind !== 'ok') {
      return json(502, { error: 'cloud-voice-unavailable', message: 'Cloud voices are unavailable right now. Narration uses the browser’s own voice.' });
    }
    return json(200, { token: result.token, region: result.region, expiresAt: result.expiresAt });
  };
}
