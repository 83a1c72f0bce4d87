/**
 * Session cookies: HttpOnly (scripts cannot read them), SameSite=Lax (not sent on cross-site
 * POSTs), Path=/, and Secure when the request came over HTTPS or LTV_SECURE_COOKIES=1 (set it
 * behind a TLS-terminating proxy). Trainer and learner sessions use separate cookies, so a trainer
 * can try a test as a learner in the same browser without losing the dashboard.
 */
export const COOKIE_NAMES = { trainer: 'ltv_trainer', learner: 'ltv_learner' } as const;
export type SessionRole = keyof typeof COOKIE_NAMES;

/** A cookie from the request's Cookie header, or null. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function isSecureRequest(request: Request, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (env.LTV_SECURE_COOKIES === '1') return true;
  if (new URL(request.url).protocol === 'https:') return true;
  return env.LTV_TRUST_PROXY === '1' && request.headers.get('x-forwarded-proto') === 'https';
}

function attributes(secure: boolean): string {
  return `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** Set-Cookie for a new session; the browser drops it at the absolute expiry, the server earlier when idle. */
export function sessionCookie(role: SessionRole, token: string, expiresAt: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return `${COOKIE_NAMES[role]}=${token}; ${attributes(secure)}; Max-Age=${maxAge}`;
}

/** Set-Cookie that removes the session cookie. */
export function clearedCookie(role: SessionRole, secure: boolean): string {
  return `${COOKIE_NAMES[role]}=; ${attributes(secure)}; Max-Age=0`;
}
