/**
 * CSRF for the JSON APIs. Astro's `security.checkOrigin` refuses cross-site *form* posts only
 * (form content types); JSON posts are left to CORS. This check refuses every state-changing
 * request whose Origin is another site, and, for browsers that send no Origin, whose
 * Sec-Fetch-Site says it came from elsewhere. Scripts and tests (no Origin, no Sec-Fetch-Site)
 * pass: they hold no victim's cookies.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins this server answers for: its own URL, and the forwarded one behind a trusted proxy. */
function ownOrigins(request: Request, url: URL, env: Readonly<Record<string, string | undefined>>): string[] {
  const origins = [url.origin];
  if (env.LTV_TRUST_PROXY === '1') {
    const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? request.headers.get('host');
    if (proto && host) origins.push(`${proto}://${host}`);
  }
  return origins;
}

/** True when a state-changing request comes from another site and must be refused. */
export function isCrossSiteWrite(request: Request, url: URL, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get('origin');
  if (origin !== null) return !ownOrigins(request, url, env).includes(origin);
  const site = request.headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}
