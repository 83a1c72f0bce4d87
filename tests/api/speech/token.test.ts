import { describe, expect, it, vi } from 'vitest';
import { createTokenEndpoint, PROBE_HEADER } from '../../../src/server/speech/endpoint.ts';
import { issueTokenUrl, TOKEN_CACHE_MS, TOKEN_LIFETIME_MS } from '../../../src/server/speech/tokenService.ts';

const KEY = 'secret-key-0123456789abcdef';
const ENABLED = { AZURE_SPEECH_KEY: KEY, AZURE_SPEECH_REGION: 'japaneast' };

/** Azure's token exchange at the network boundary: answers with numbered tokens and records calls. */
function fakeAzure(respond: (call: number) => Response = (call) => new Response(`token-${call}`, { status: 200 })) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return respond(calls.length);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const get = (headers: Record<string, string> = {}) => new Request('http://localhost/api/speech/token', { headers });

describe('without a key', () => {
  it.each([
    ['nothing set', {}],
    ['only a region', { AZURE_SPEECH_REGION: 'japaneast' }],
    ['a region that is not a host name part', { AZURE_SPEECH_KEY: KEY, AZURE_SPEECH_REGION: 'japan east.evil.com/' }],
  ])('%s: 404 JSON saying narration uses the browser voice, never a key', async (_, env) => {
    const azure = fakeAzure();
    const endpoint = createTokenEndpoint({ env, fetch: azure.fetch });
    for (const method of ['GET', 'POST']) {
      const response = await endpoint(new Request('http://localhost/api/speech/token', { method }), '203.0.113.5');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = await response.json();
      expect(body).toEqual({ error: 'cloud-voice-disabled', message: expect.stringContaining('browser') });
      expect(JSON.stringify(body)).not.toContain(KEY);
    }
    expect(azure.calls).toEqual([]);
  });

  it('answers a probe with a quiet 204, so pages can ask without a console error', async () => {
    const endpoint = createTokenEndpoint({ env: {}, fetch: fakeAzure().fetch });
    const response = await endpoint(get({ [PROBE_HEADER]: '1' }), '203.0.113.5');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });
});

describe('with a key', () => {
  it('exchanges the key for a token at the region’s issueToken URL and returns only the token', async () => {
    const azure = fakeAzure();
    const now = 1_700_000_000_000;
    const endpoint = createTokenEndpoint({ env: ENABLED, fetch: azure.fetch, now: () => now });
    const response = await endpoint(get(), '203.0.113.5');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ token: 'token-1', region: 'japaneast', expiresAt: now + TOKEN_LIFETIME_MS });
    expect(text).not.toContain(KEY);
    expect(azure.calls).toHaveLength(1);
    expect(azure.calls[0]!.url).toBe(issueTokenUrl('japaneast'));
    expect(azure.calls[0]!.url).toBe('https://japaneast.api.cognitive.microsoft.com/sts/v1.0/issueToken');
    expect(azure.calls[0]!.init?.method).toBe('POST');
    expect(new Headers(azure.calls[0]!.init?.headers).get('Ocp-Apim-Subscription-Key')).toBe(KEY);
  });

  it('reuses a token for about 9 minutes, then asks Azure again', async () => {
    const azure = fakeAzure();
    let now = 1_700_000_000_000;
    const endpoint = createTokenEndpoint({ env: ENABLED, fetch: azure.fetch, now: () => now });
    const first = await (await endpoint(get(), '198.51.100.1')).json();
    now += TOKEN_CACHE_MS - 1000;
    const second = await (await endpoint(get(), '198.51.100.2')).json();
    expect(second).toEqual(first);
    expect(azure.calls).toHaveLength(1);
    now += 2000;
    const third = await (await endpoint(get(), '198.51.100.3')).json();
    expect(third.token).toBe('token-2');
    expect(third.expiresAt).toBe(now + TOKEN_LIFETIME_MS);
    expect(azure.calls).toHaveLength(2);
  });

  it('shares one upstream request between callers arriving together', async () => {
    const azure = fakeAzure();
    const endpoint = createTokenEndpoint({ env: ENABLED, fetch: azure.fetch });
    const answers = await Promise.all([1, 2, 3].map((n) => endpoint(get(), `192.0.2.${n}`).then((r) => r.json())));
    expect(new Set(answers.map((answer) => answer.token))).toEqual(new Set(['token-1']));
    expect(azure.calls).toHaveLength(1);
  });

  it('gives a probe the token too: the page learns cloud voices are on and can start with it', async () => {
    const endpoint = createTokenEndpoint({ env: ENABLED, fetch: fakeAzure().fetch });
    const response = await endpoint(get({ [PROBE_HEADER]: '1' }), '203.0.113.5');
    expect(response.status).toBe(200);
    expect((await response.json()).token).toBe('token-1');
  });

  it('says 502 without details when Azure refuses, and tries again on the next request', async () => {
    const azure = fakeAzure((call) => (call === 1 ? new Response('Unauthorized', { status: 401 }) : new Response('token-ok')));
    const endpoint = createTokenEndpoint({ env: ENABLED, fetch: azure.fetch });
    const failed = await endpoint(get(), '203.0.113.5');
    expect(failed.status).toBe(502);
    const body = await failed.text();
    expect(body).not.toContain(KEY);
    expect(body).not.toContain('Unauthorized');
    expect((await (await endpoint(get(), '203.0.113.5')).json()).token).toBe('token-ok');
  });

  it('says 502 when the network fails', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof globalThis.fetch;
    const endpoint = createTokenEndpoint({ env: ENABLED, fetch });
    expect((await endpoint(get(), '203.0.113.5')).status).toBe(502);
  });
});

describe('rate limit per IP address', () => {
  it('refuses the request over the limit with 429 and Retry-After, per address, until the minute is over', async () => {
    let now = 1_700_000_000_000;
    const endpoint = createTokenEndpoint({ env: ENABLED, fetch: fakeAzure().fetch, now: () => now, perMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await endpoint(get(), '203.0.113.9')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await endpoint(get(), '203.0.113.9');
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await refused.json()).error).toBe('rate-limited');
    expect((await endpoint(get(), '203.0.113.10')).status).toBe(200);
    now += 60_000;
    expect((await endpoint(get(), '203.0.113.9')).status).toBe(200);
  });
});
