/**
 * The production server: `node src/server/http/serve.ts [dist-dir]` (npm start, npm run serve).
 * It runs the adapter's own standalone handler (static files first, then Astro) inside a
 * node:http server whose responses add the security headers (staticHeaders.ts): the adapter
 * serves prerendered pages and assets without the middleware, so they would otherwise have none.
 * Honours PORT and HOST like the adapter's server, and SERVER_CERT_PATH/SERVER_KEY_PATH for HTTPS.
 * Runs from source (Node strips the types); dist-dir defaults to the repository's dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtScriptHashes, securedResponse } from './staticHeaders.ts';

interface AstroNodeEntry {
  handler: http.RequestListener;
  options: { host: string | boolean; port: number };
}

const distDir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../../dist'));

const entryFile = path.join(distDir, 'server/entry.mjs');
if (!existsSync(entryFile)) {
  console.error(`[LTV Dojo] ${entryFile} is missing: build the app first (npm run build, or npm start builds and serves).`);
  process.exit(1);
}
// The built entry starts its own server (without these headers) on import unless told not to.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const entry = (await import(pathToFileURL(entryFile).href)) as AstroNodeEntry;

const port = Number(process.env.PORT || entry.options.port || 8080);
const configuredHost = entry.options.host;
const host = process.env.HOST || (configuredHost === true ? '0.0.0.0' : configuredHost || 'localhost');

const options = { ServerResponse: securedResponse(builtScriptHashes(path.join(distDir, 'client'))) };
const { SERVER_CERT_PATH: cert, SERVER_KEY_PATH: key } = process.env;
const server =
  cert && key
    ? https.createServer({ ...options, cert: readFileSync(cert), key: readFileSync(key) }, entry.handler)
    : http.createServer(options, entry.handler);

server.listen(port, host, () => {
  const scheme = server instanceof https.Server ? 'https' : 'http';
  console.log(`[LTV Dojo] Listening on ${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`);
});
