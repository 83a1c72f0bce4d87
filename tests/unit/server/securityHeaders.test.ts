import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { API_POLICY, headersFor, htmlPolicy, inlineScriptHashes, securityHeaders } from '../../../src/server/http/securityHeaders.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('securityHeaders', () => {
  it('hashes inline scripts and ignores external ones', () => {
    const html = '<script>a()</script><script type="module" src="/_astro/x.js"></script><script type="module">b()</script><script>a()</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')]);
  });

  it('gives HTML a policy without unsafe-inline scripts, framing refused', async () => {
    const page = new Response('<p>hi</p><script>boot()</script>', { headers: { 'content-type': 'text/html' } });
    const secured = await securityHeaders(page);
    const policy = secured.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`script-src 'self' ${sha('boot()')}`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(secured.headers.get('x-content-type-options')).toBe('nosniff');
    expect(secured.headers.get('referrer-policy')).toBe('same-origin');
    expect(await secured.text()).toBe('<p>hi</p><script>boot()</script>');
  });

  it('gives JSON a policy that allows nothing', async () => {
    const secured = await securityHeaders(Response.json({ ok: true }));
    expect(secured.headers.get('content-security-policy')).toBe(API_POLICY);
  });

  it('lets pages show same-origin images (stored pictures) and nothing from elsewhere', () => {
    expect(htmlPolicy([])).toMatch(/(?:^|; )img-src 'self' data:(?:;|$)/);
  });

  const image = '/api/custom-images/0b6f0c1e-4f6a-4c3e-9a0e-6c2f2a7d1e11';
  it.each([
    ['a picture', image, 200, 'private, max-age=31536000, immutable'],
    ['a picture refused', image, 404, 'no-store'],
    ['a malformed id', '/api/custom-images/0B6F0C1E-4F6A-4C3E-9A0E-6C2F2A7D1E11', 200, 'no-store'],
    ['a longer path', `${image}/x`, 200, 'no-store'],
  ])('caches %s: %s %i → %s', (_name, pathname, status, cache) => {
    const headers = headersFor(pathname, { kind: 'data' }, status);
    expect(headers['cache-control']).toBe(cache);
    expect(headers['x-robots-tag']).toBe('noindex, nofollow');
  });
});
