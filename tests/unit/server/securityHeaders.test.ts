import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { API_POLICY, inlineScriptHashes, securityHeaders } from '../../../src/server/http/securityHeaders.ts';

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
});
