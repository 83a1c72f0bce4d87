import { describe, expect, it, vi } from 'vitest';
import { loadCloudEngine, TOKEN_URL } from '../../../src/components/player/engines/cloudLoader.ts';
import type { VoiceEngine } from '../../../src/lib/narration/browser/voiceEngine.ts';
import { createTokenSource, readSpeechToken, TOKEN_REFRESH_MARGIN_MS } from '../../../src/lib/narration/browser/tokenSource.ts';

function memoryStorage() {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
}

const engine = { support: () => 'ready' } as unknown as VoiceEngine;

describe('loadCloudEngine', () => {
  it('asks quietly (probe header), and neither loads the library nor asks again when the server has no key', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    const load = vi.fn(async () => engine);
    const storage = memoryStorage();
    expect(await loadCloudEngine({ fetch, load, storage })).toBeUndefined();
    expect(fetch).toHaveBeenCalledWith(TOKEN_URL, { headers: { accept: 'application/json', 'x-speech-probe': '1' } });
    expect(await loadCloudEngine({ fetch, load, storage })).toBeUndefined();
    expect(fetch).toHaveBeenCalledOnce();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the engine when the server answers with a token, and hands it credentials, not a key', async () => {
    const expiresAt = Date.now() + 600_000;
    const fetch = vi.fn(async () => Response.json({ token: 'tok-1', region: 'japaneast', expiresAt }));
    let credentials: (() => Promise<unknown>) | undefined;
    const load = vi.fn(async (given: () => Promise<unknown>) => {
      credentials = given;
      return engine;
    });
    expect(await loadCloudEngine({ fetch, load, storage: memoryStorage() })).toBe(engine);
    expect(await credentials!()).toEqual({ authorizationToken: 'tok-1', region: 'japaneast' });
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('treats a network failure or an odd answer as no cloud voices', async () => {
    const load = vi.fn(async () => engine);
    const failing = vi.fn(async () => {
      throw new TypeError('offline');
    });
    expect(await loadCloudEngine({ fetch: failing, load, storage: memoryStorage() })).toBeUndefined();
    const odd = vi.fn(async () => Response.json({ token: 42 }));
    expect(await loadCloudEngine({ fetch: odd, load, storage: memoryStorage() })).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
  });
});

describe('token source', () => {
  it('reuses a token until shortly before it expires, then fetches one (shared by callers arriving together)', async () => {
    let now = 1_000_000;
    let issued = 0;
    const fetchToken = vi.fn(async () => ({ token: `t${++issued}`, region: 'japaneast', expiresAt: now + 600_000 }));
    const source = createTokenSource(fetchToken, () => now);
    const [a, b] = await Promise.all([source.credentials(), source.credentials()]);
    expect(a).toEqual({ authorizationToken: 't1', region: 'japaneast' });
    expect(b).toEqual(a);
    now += 600_000 - TOKEN_REFRESH_MARGIN_MS - 1;
    expect((await source.credentials()).authorizationToken).toBe('t1');
    now += 2;
    expect((await source.credentials()).authorizationToken).toBe('t2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('rejects when no token can be had, and tries again next time', async () => {
    const fetchToken = vi.fn().mockResolvedValueOnce(undefined).mockResolvedValueOnce({ token: 't', region: 'r1', expiresAt: Date.now() + 600_000 });
    const source = createTokenSource(fetchToken);
    await expect(source.credentials()).rejects.toThrow();
    await expect(source.credentials()).resolves.toEqual({ authorizationToken: 't', region: 'r1' });
  });

  it.each([
    [{ token: 'abc', region: 'japaneast', expiresAt: 1 }, true],
    [{ token: '', region: 'japaneast', expiresAt: 1 }, false],
    [{ token: 'abc', region: 'evil.com/', expiresAt: 1 }, false],
    [{ error: 'cloud-voice-disabled' }, false],
    [null, false],
  ])('reads %j as a token: %s', (body, valid) => {
    expect(readSpeechToken(body) !== undefined).toBe(valid);
  });
});
