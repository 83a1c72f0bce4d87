/**
 * Rendered narration over HTTP from the built server: content-hashed MP3s are cached for good,
 * manifests briefly and revalidated, and byte ranges are honoured (the static file server does
 * this; these tests hold it to it): `<audio>` seeks with Range, and Safari plays nothing without 206.
 * The files are fixtures written into the build's audio folder, so the test does not depend on
 * `npm run audio` having run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, useBuiltServer } from '../support/built.ts';

const server = useBuiltServer();

const folder = path.join(distDir, 'client/audio/ja');
const mp3Name = '__range-fixture.0123456789abcdef.mp3';
const manifestName = '__range-fixture.json';
/** 1000 bytes, byte i = i mod 256: any slice says where it came from. */
const body = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
const slice = (start: number, endInclusive: number) => body.subarray(start, endInclusive + 1);

beforeAll(() => {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, mp3Name), body);
  writeFileSync(path.join(folder, manifestName), JSON.stringify({ version: 1 }));
});
afterAll(() => {
  rmSync(path.join(folder, mp3Name), { force: true });
  rmSync(path.join(folder, manifestName), { force: true });
});

const mp3Path = `/audio/ja/${mp3Name}`;

describe('cache headers', () => {
  it('a content-hashed MP3 is cached for a year and never revalidated', async () => {
    const response = await fetch(server.baseUrl + mp3Path);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
  });

  it('a manifest is kept briefly and revalidated (it names the current MP3)', async () => {
    const response = await fetch(`${server.baseUrl}/audio/ja/${manifestName}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    expect(response.headers.get('etag')).toBeTruthy();
  });

  it('a missing MP3 is not cached for a year', async () => {
    const response = await fetch(`${server.baseUrl}/audio/ja/missing.0123456789abcdef.mp3`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control') ?? '').not.toContain('immutable');
  });
});

describe('Range', () => {
  it.each([
    { range: 'bytes=0-1', start: 0, end: 1 },
    { range: 'bytes=0-', start: 0, end: 999 },
    { range: 'bytes=500-599', start: 500, end: 599 },
    { range: 'bytes=990-5000', start: 990, end: 999 },
    { range: 'bytes=-10', start: 990, end: 999 },
  ])('$range → 206 with bytes $start-$end', async ({ range, start, end }) => {
    const response = await fetch(server.baseUrl + mp3Path, { headers: { range } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`);
    expect(response.headers.get('content-length')).toBe(String(end - start + 1));
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await response.arrayBuffer()).equals(slice(start, end))).toBe(true);
  });

  it('an unsatisfiable range → 416 naming the length', async () => {
    const response = await fetch(server.baseUrl + mp3Path, { headers: { range: 'bytes=5000-6000' } });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */1000');
    expect(response.headers.get('cache-control') ?? '').not.toContain('immutable');
  });
});

describe('the files that make the app installable and offline', () => {
  it('/sw.js is always revalidated, and its precache list holds no API, quiz or private page', async () => {
    const response = await fetch(`${server.baseUrl}/sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const source = await response.text();
    const urls = [...source.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]!);
    expect(urls).toContain('/lessons/what-is-ltv/');
    expect(urls).toContain('/en/offline/');
    expect(urls.filter((url) => /^\/api\/|\/quiz\/|^\/(?:en\/)?(?:trainer|learn|join)\/|^\/audio\//.test(url))).toEqual([]);
  });

  it('/manifest.webmanifest names the app and its icons, which exist', async () => {
    const response = await fetch(`${server.baseUrl}/manifest.webmanifest`);
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as { name: string; lang: string; start_url: string; display: string; icons: { src: string }[] };
    expect(manifest).toMatchObject({ name: 'LTV Dojo', lang: 'ja', start_url: '/', display: 'standalone' });
    for (const icon of manifest.icons) {
      const image = await fetch(server.baseUrl + icon.src);
      expect(image.status, icon.src).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
    }
  });
});
