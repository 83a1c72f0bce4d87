/**
 * Every response of the built server carries the security headers, whoever produced it: the
 * prerendered pages and assets the adapter serves as files (the middleware never sees them), the
 * prerendered 404 page, and on-demand pages. Each HTML page's CSP allows its own inline scripts
 * (prerendered pages share one policy with those of the whole build, for the client-side router);
 * trainer pages are never cached; hashed assets are cached for good.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from '../../../src/server/http/securityHeaders.ts';
import { distDir, useBuiltServer } from '../support/built.ts';

const server = useBuiltServer();

/** The scripts a browser would run inline: no src, and no type or type="module" (Astro writes no others). */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script((?: type="module")?)>([\s\S]*?)<\/script>/g)].map((match) => match[2] as string).filter((body) => body.trim());
const sha256 = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;

function someScriptAsset(): string {
  const script = readdirSync(path.join(distDir, 'client/_astro')).find((name) => name.endsWith('.js'));
  if (!script) throw new Error('the build has no /_astro/*.js');
  return `/_astro/${script}`;
}

const html = [
  { name: 'home (ja)', path: '/', status: 200 },
  { name: 'home (en)', path: '/en/', status: 200 },
  { name: 'a lesson', path: '/lessons/what-is-ltv/', status: 200 },
  { name: 'a lesson without its slash', path: '/en/lessons/what-is-ltv', status: 200 },
  { name: 'a quiz page', path: '/lessons/clv-formula/quiz/', status: 200 },
  { name: 'the workbench', path: '/workbench/', status: 200 },
  { name: 'the review page', path: '/review/', status: 200 },
  { name: 'an unknown page (404)', path: '/no-such-page/', status: 404 },
  { name: 'the trainer setup page (on demand)', path: '/trainer/setup/', status: 200 },
];

describe('every response', () => {
  it.each([...html, { name: 'a hashed script', path: someScriptAsset(), status: 200 }, { name: 'a missing asset', path: '/_astro/missing.js', status: 404 }])(
    '$name ($path): no framing, no sniffing, referrer kept on the site',
    async ({ path: pathname, status }) => {
      const response = await fetch(server.baseUrl + pathname);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
    },
  );
});

describe('HTML', () => {
  it.each(html)('$name: the CSP allows the inline scripts of the page sent, and no others', async ({ path: pathname }) => {
    const response = await fetch(server.baseUrl + pathname);
    const policy = response.headers.get('content-security-policy') ?? '';
    const scriptSources = /script-src ([^;]*)/.exec(policy)?.[1]?.split(' ') ?? [];
    for (const script of inlineScripts(await response.text())) expect(scriptSources).toContain(sha256(script));
    expect(scriptSources.filter((source) => !source.startsWith("'sha256-"))).toEqual(["'self'"]);
  });

  it('prerendered pages and files share one policy, so listen mode’s client-side router can run the next page’s scripts', async () => {
    const policies = new Set<string | null>();
    for (const pathname of ['/listen/ltv-selling/', '/lessons/what-is-ltv/', '/en/', '/no-such-page/', someScriptAsset()]) {
      policies.add((await fetch(server.baseUrl + pathname)).headers.get('content-security-policy'));
    }
    expect(policies.size).toBe(1);
  });

  it('a page revalidated with a 304 keeps its policy (a 304 replaces the cached headers)', async () => {
    const first = await fetch(`${server.baseUrl}/lessons/what-is-ltv/`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    // node:http, not fetch: fetch adds `cache-control: no-cache` to a conditional request, which
    // rules out a 304.
    const revalidated = await new Promise<{ status?: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
      get(`${server.baseUrl}/lessons/what-is-ltv/`, { headers: { 'if-none-match': etag } }, (response) => {
        response.resume();
        resolve({ status: response.statusCode, headers: response.headers });
      }).on('error', reject);
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers['content-security-policy']).toBe(first.headers.get('content-security-policy'));
  });
});

describe('inlineScriptHashes', () => {
  it.each([
    ['a classic script', '<script>a()</script>', [sha256('a()')]],
    ['a module', '<script type="module">b()</script>', [sha256('b()')]],
    ['an external script', '<script type="module" src="/_astro/x.js"></script>', []],
    ['a JSON data block (never run, so CSP never checks it)', '<script type="application/json" id="terms">{"a":1}</script>', []],
    ['an empty script', '<script> </script>', []],
    ['the same script twice', '<script>a()</script><p></p><script>a()</script>', [sha256('a()')]],
  ])('%s', (_name, page, expected) => expect(inlineScriptHashes(page)).toEqual(expected));
});

describe('caching', () => {
  it.each(['/trainer/setup/', '/en/trainer/setup/', '/trainer/', '/learn/'])('%s is never stored (names and scores)', async (pathname) => {
    const response = await fetch(server.baseUrl + pathname, { redirect: 'manual' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
  });

  it('hashed assets are immutable, HEAD included; a missing one is not cached', async () => {
    const asset = someScriptAsset();
    for (const method of ['GET', 'HEAD']) {
      expect((await fetch(server.baseUrl + asset, { method })).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await fetch(`${server.baseUrl}/_astro/missing.js`)).headers.get('cache-control') ?? '').not.toContain('immutable');
  });

  it('public pages are revalidated, not stored for long', async () => {
    expect((await fetch(`${server.baseUrl}/lessons/what-is-ltv/`)).headers.get('cache-control')).toBe('public, max-age=0');
  });
});
