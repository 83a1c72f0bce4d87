/**
 * Security headers for what the adapter serves without the middleware: prerendered pages, the
 * prerendered 404 page, assets, redirects, 304s. They all get one policy, allowing the inline
 * scripts of every built page (four: Astro's island loader and its client:load/idle/visible
 * runtimes; page scripts are files, see astro.config.mjs), hashed once at start (59 files, 2 MB:
 * 0.05 to 0.2 s on a busy 2-core machine). One policy for the site, not one per page, because
 * listen mode's client-side router swaps in the next page and runs its inline scripts without
 * loading a new document: they run under the first page's policy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ServerResponse, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import path from 'node:path';
import { headersFor, inlineScriptHashes } from './securityHeaders.ts';

/** The sha256 sources of the inline scripts of every built HTML file under `clientDir`. */
export function builtScriptHashes(clientDir: string): string[] {
  const hashes = new Set<string>();
  for (const file of readdirSync(clientDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    for (const hash of inlineScriptHashes(readFileSync(path.join(clientDir, file), 'utf8'))) hashes.add(hash);
  }
  return [...hashes].sort();
}

function requestPathname(url = '/'): string {
  const pathname = url.split(/[?#]/, 1)[0] || '/';
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

function hasHeader(name: string, given: OutgoingHttpHeaders | undefined, response: ServerResponse): boolean {
  if (given && Object.keys(given).some((key) => key.toLowerCase() === name)) return true;
  return response.hasHeader(name);
}

/**
 * A ServerResponse that adds the app's headers just before they are sent, when the response has
 * no Content-Security-Policy yet (on-demand responses got theirs, and their own Cache-Control,
 * from the middleware). Headers the response already set win, except the static file server's
 * default Cache-Control.
 */
export function securedResponse(scriptHashes: readonly string[]) {
  return class SecuredResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
    override writeHead(statusCode: number, ...rest: unknown[]): this {
      const given = rest.find((item) => typeof item === 'object' && item !== null && !Array.isArray(item)) as OutgoingHttpHeaders | undefined;
      if (!this.headersSent && !hasHeader('content-security-policy', given, this)) {
        const headers = headersFor(requestPathname(this.req.url), { kind: 'page', scriptHashes }, statusCode);
        for (const [name, value] of Object.entries(headers)) {
          if (name === 'cache-control' || !hasHeader(name, given, this)) this.setHeader(name, value);
        }
      }
      return (super.writeHead as (status: number, ...args: unknown[]) => this)(statusCode, ...rest);
    }
  };
}
