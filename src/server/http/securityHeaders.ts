/**
 * The security headers of every response, in one place for both ways a response leaves the
 * server: on-demand responses pass through src/middleware.ts, prerendered pages and assets through
 * the static file server (src/server/http/serve.ts), which never runs the middleware.
 *
 * HTML gets a Content-Security-Policy without 'unsafe-inline' for scripts: Astro writes a few
 * inline scripts (the island loader), and each is allowed by its SHA-256, computed from the page
 * actually sent (on demand) or from the built files (prerendered). Styles keep 'unsafe-inline'
 * (Astro inlines small stylesheets and islands set style attributes; CSS cannot run script).
 * API answers get a policy that allows nothing. Nobody may frame the app (clickjacking), and the
 * referrer stays on this site, so an invite link in the address bar never leaks to another site.
 */
import { createHash } from 'node:crypto';

const COMMON: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** Trainer and learner areas and their APIs: names, scores and invite tokens. */
const PRIVATE_PATHS = /^\/(?:en\/)?(?:trainer|learn|join)(?:\/|$)|^\/api\/(?:trainer|learner|auth)(?:\/|$)/;

/**
 * Vite's output and the rendered narration (`/audio/<lang>/<lesson>.<hash>.mp3`): the file name
 * carries a content hash, so a cached copy is never stale.
 */
const HASHED_ASSETS = /^\/_astro\/|^\/audio\/.+\.[0-9a-f]{8,}\.mp3$/;

/**
 * A custom module's recorded narration (`/api/custom-audio/<version>/<n>.<hash>.mp3`): content-hashed
 * like the built-in files, but only its owner and assigned learners may fetch it, so only the
 * browser keeps it (private), never a shared cache; an error answer is not kept at all.
 */
const PRIVATE_HASHED_AUDIO = /^\/api\/custom-audio\/[0-9a-f-]{36}\/\d+\.[0-9a-f]{16}\.mp3$/;

/** A picture imported with a custom module (`/api/custom-images/<id>`): never changed once stored, private like the audio. */
const PRIVATE_IMAGE = /^\/api\/custom-images\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Files whose name stays while their content changes: a narration manifest names the current MP3,
 * the service worker and web app manifest name the current build. Kept briefly, then revalidated
 * (cheap: the static server answers 304 from the ETag).
 */
const REVALIDATED_FILES = /^\/audio\/.+\.json$|^\/sw\.js$|^\/manifest\.webmanifest$|^\/podcast\//;
const REVALIDATED_CACHE = 'public, max-age=300, must-revalidate';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)([^>]*)>([\s\S]*?)<\/script>/gi;
const SCRIPT_TYPE = /\btype\s*=\s*["']?([^"'\s>]*)/i;
/** Types the browser runs (and CSP checks); anything else, e.g. application/json, is a data block. */
const RUNNABLE_TYPE = /^(?:|module|importmap|speculationrules|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;

/** The sha256 sources of a page's inline scripts, e.g. `'sha256-abc…='` (data blocks need none). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const type = SCRIPT_TYPE.exec(match[1] ?? '')?.[1] ?? '';
    const body = match[2] ?? '';
    if (RUNNABLE_TYPE.test(type) && body.trim()) hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
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

/** What a response carries, as far as its headers are concerned. */
export type ResponseKind =
  /** HTML or a static file, allowing the inline scripts with these sha256 sources. */
  | { kind: 'page'; scriptHashes: readonly string[] }
  /** An on-demand answer that is not HTML (JSON, CSV). */
  | { kind: 'data' };

/** Every header the app adds to a response for `pathname` with this `status`. */
export function headersFor(pathname: string, body: ResponseKind, status = 200): Record<string, string> {
  const policy = body.kind === 'page' ? htmlPolicy(body.scriptHashes) : API_POLICY;
  const headers: Record<string, string> = { ...COMMON, 'content-security-policy': policy };
  if (pathname.startsWith('/api/custom-audio/') || pathname.startsWith('/api/custom-images/')) {
    const immutable = PRIVATE_HASHED_AUDIO.test(pathname) || PRIVATE_IMAGE.test(pathname);
    headers['cache-control'] = status < 400 && immutable ? 'private, max-age=31536000, immutable' : 'no-store';
    headers['x-robots-tag'] = 'noindex, nofollow';
  } else if (PRIVATE_PATHS.test(pathname)) {
    // A shared or back-button cache must not keep a dashboard or a learner's scores, and invite
    // links must stay out of search engines.
    headers['cache-control'] = 'no-store';
    headers['x-robots-tag'] = 'noindex, nofollow';
  } else if (status < 400 && HASHED_ASSETS.test(pathname)) {
    // Not on an error: a missing chunk cached for a year would outlive the next deployment.
    headers['cache-control'] = 'public, max-age=31536000, immutable';
  } else if (status < 400 && REVALIDATED_FILES.test(pathname)) {
    headers['cache-control'] = pathname === '/sw.js' ? 'no-cache' : REVALIDATED_CACHE;
  }
  return headers;
}

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

/** The headers of an on-demand response (the middleware's path); HTML is read to hash its scripts. */
export async function securityHeaders(response: Response, pathname = ''): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/html') || response.body === null) {
    return withHeaders(response, headersFor(pathname, { kind: 'data' }, response.status));
  }
  const html = await response.text();
  const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
  return withHeaders(copy, headersFor(pathname, { kind: 'page', scriptHashes: inlineScriptHashes(html) }, response.status));
}
