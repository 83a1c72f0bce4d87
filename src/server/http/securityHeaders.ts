/**
 * Security headers for on-demand responses. HTML gets a Content-Security-Policy without
 * 'unsafe-inline' for scripts: Astro writes a few inline scripts (the island loader), and each is
 * allowed by its SHA-256, computed from the page actually sent. Styles keep 'unsafe-inline'
 * (Astro inlines small stylesheets and islands set style attributes; CSS cannot run script).
 * JSON gets a policy that allows nothing. Nobody may frame the app (clickjacking), and the
 * referrer stays on this site, so an invite link in the address bar never leaks to another site.
 */
import { createHash } from 'node:crypto';

const COMMON: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The sha256 sources of a page's inline scripts, e.g. `'sha256-abc…='`. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1] ?? '';
    if (body.trim()) hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

export function htmlPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.length ? ' ' + scriptHashes.join(' ') : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    // Immutable headers (a fetched response): copy it.
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}

export async function securityHeaders(response: Response): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/html') || response.body === null) {
    return withHeaders(response, { ...COMMON, 'content-security-policy': API_POLICY });
  }
  const html = await response.text();
  const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
  return withHeaders(copy, { ...COMMON, 'content-security-policy': htmlPolicy(inlineScriptHashes(html)) });
}
