import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from '../../../src/server/http/origin.ts';

const url = new URL('http://localhost:4321/api/learner/attempts');
const request = (method: string, headers: Record<string, string>) => new Request(url, { method, headers });

describe('isCrossSiteWrite', () => {
  it.each([
    ['GET from anywhere', 'GET', { origin: 'https://evil.example' }, false],
    ['POST from the same origin', 'POST', { origin: 'http://localhost:4321' }, false],
    ['POST from another site', 'POST', { origin: 'https://evil.example' }, true],
    ['POST from another port', 'POST', { origin: 'http://localhost:9999' }, true],
    ['POST from a sandboxed frame (Origin: null)', 'POST', { origin: 'null' }, true],
    ['POST without Origin, Sec-Fetch-Site cross-site', 'POST', { 'sec-fetch-site': 'cross-site' }, true],
    ['POST without Origin, Sec-Fetch-Site same-site (a sibling subdomain)', 'POST', { 'sec-fetch-site': 'same-site' }, true],
    ['POST without Origin, Sec-Fetch-Site same-origin', 'POST', { 'sec-fetch-site': 'same-origin' }, false],
    ['POST from a script (no Origin, no Sec-Fetch-Site)', 'POST', {}, false],
    ['DELETE from another site', 'DELETE', { origin: 'https://evil.example' }, true],
  ] as const)('%s', (_, method, headers, refused) => {
    expect(isCrossSiteWrite(request(method, headers), url, {})).toBe(refused);
  });

  it('accepts the forwarded origin only behind a trusted proxy', () => {
    const proxied = request('POST', { origin: 'https://dojo.example.jp', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'dojo.example.jp' });
    expect(isCrossSiteWrite(proxied, url, {})).toBe(true);
    expect(isCrossSiteWrite(proxied, url, { LTV_TRUST_PROXY: '1' })).toBe(false);
  });
});
