/**
 * Security headers for what the adapter serves without the middleware: prerendered pages, the
 * prerendered 404 page, assets, redirects. Every HTML file of the build is hashed once at start
 * (59 files, 2 MB: 0.1 to 0.2 s on a busy 2-core machine), so each page's CSP allows exactly its
 * own inline scripts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ServerResponse, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import path from 'node:path';
import { headersFor, inlineScriptHashes } from './securityHeaders.ts';

/** Built HTML file (`/lessons/x/index.html`) → the sha256 sources of its inline scripts. */
export type PageHashes = ReadonlyMap<string, readonly string[]>;

export function hashBuiltPages(clientDir: string): PageHashes {
  const pages = new Map<string, string[]>();
  for (const file of readdirSync(clientDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const key = '/' + file.split(path.sep).join('/');
    pages.set(key, inlineScriptHashes(readFileSync(path.join(clientDir, file), 'utf8')));
  }
  return pages;
}

/** The built file a page URL is served from (directory format: `/x/` and `/x` are `/x/index.html`). */
export function builtFileFor(pathname: string): string {
  if (pathname.endsWith('.html')) return pathname;
  return pathname.endsWith('/') ? `${pathname}index.html` : `${pathname}/index.html`;
}

function requestPathname(url = '/'): string {
  const pathname = url.split(/[?#]/, 1)[0] || '/';
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

function headerValue(name: string, given: OutgoingHttpHeaders | readonly unknown[] | undefined, response: ServerResponse): string {
  if (given && !Array.isArray(given)) {
    const match = Object.entries(given).find(([key]) => key.toLowerCase() === name);
    if (match) return String(match[1]);
  }
  return String(response.getHeader(name) ?? '');
}

/**
 * A ServerResponse that adds the app's headers just before they are sent, when the response has
 * no Content-Security-Policy yet (on-demand responses got theirs, and their own Cache-Control,
 * from the middleware). Headers the response already set win.
 */
export function securedResponse(pages: PageHashes) {
  return class SecuredResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
    override writeHead(statusCode: number, ...rest: unknown[]): this {
      const given = rest.find((item) => typeof item === 'object' && item !== null) as OutgoingHttpHeaders | undefined;
      if (!this.headersSent && !headerValue('content-security-policy', given, this)) {
        const pathname = requestPathname(this.req.url);
        // Known by its path, not its Content-Type: a 304 has none, and the headers of a 304
        // replace the cached ones, so it must carry the page's policy too.
        const builtPage = statusCode === 404 ? undefined : pages.get(builtFileFor(pathname));
        const isHtml = builtPage !== undefined || headerValue('content-type', given, this).includes('text/html');
        // Astro answers unknown paths with the prerendered 404 page.
        const scriptHashes = builtPage ?? (statusCode === 404 ? pages.get('/404.html') : undefined) ?? [];
        const headers = headersFor(pathname, isHtml ? { kind: 'page', scriptHashes } : { kind: 'file' }, statusCode);
        for (const [name, value] of Object.entries(headers)) {
          if (!headerValue(name, given, this) || name === 'cache-control') this.setHeader(name, value);
        }
      }
      return (super.writeHead as (status: number, ...args: unknown[]) => this)(statusCode, ...rest);
    }
  };
}
