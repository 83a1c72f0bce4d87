import { describe, expect, it } from 'vitest';
import { clearedCookie, isSecureRequest, readCookie, sessionCookie } from '../../../src/server/http/cookies.ts';

describe('session cookies', () => {
  it('are HttpOnly, SameSite=Lax, Path=/, and live until the absolute expiry', () => {
    const cookie = sessionCookie('trainer', 'tok', new Date(Date.now() + 3600_000), false);
    expect(cookie).toMatch(/^ltv_trainer=tok; Path=\/; HttpOnly; SameSite=Lax; Max-Age=3[56]\d\d$/);
    expect(sessionCookie('learner', 'tok', new Date(Date.now() + 1000), true)).toContain('; Secure');
  });

  it('are cleared with Max-Age=0', () => {
    expect(clearedCookie('learner', false)).toBe('ltv_learner=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
  });

  it('are Secure over HTTPS, with LTV_SECURE_COOKIES=1, or behind a trusted HTTPS proxy', () => {
    expect(isSecureRequest(new Request('https://x.example/'), {})).toBe(true);
    expect(isSecureRequest(new Request('http://x.example/'), {})).toBe(false);
    expect(isSecureRequest(new Request('http://x.example/'), { LTV_SECURE_COOKIES: '1' })).toBe(true);
    const proxied = new Request('http://x.example/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(isSecureRequest(proxied, {})).toBe(false);
    expect(isSecureRequest(proxied, { LTV_TRUST_PROXY: '1' })).toBe(true);
  });

  it('are read from the Cookie header by exact name', () => {
    const request = new Request('http://x/', { headers: { cookie: 'ltv_trainer_x=1; ltv_trainer=abc%3D; other=2' } });
    expect(readCookie(request, 'ltv_trainer')).toBe('abc=');
    expect(readCookie(request, 'ltv_learner')).toBeNull();
    expect(readCookie(new Request('http://x/', { headers: { cookie: 'ltv_trainer=%E0%A4%A' } }), 'ltv_trainer')).toBeNull();
  });
});
