/**
 * The built server for the over-HTTP API tests: builds once when dist/ is missing, then starts
 * the production server (src/server/http/serve.ts, as tests/e2e/support/server.ts does) on a free
 * port with its own database: PGlite in a temp data dir, or a fresh PostgreSQL database when
 * LTV_TEST_DB=postgres; never the DATABASE_URL of the shell that runs the tests.
 * LTV_DIST points at another build directory (a private build while others rebuild dist/).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { freePort, repoRoot, serverEntry, spawnEnv } from '../../e2e/support/server.ts';
import { testDatabaseKind } from './database.ts';

export const distDir = process.env.LTV_DIST ? path.resolve(process.env.LTV_DIST) : path.join(repoRoot, 'dist');

/** Builds the app unless a build is there already (CI builds first; a fresh clone may not have). */
export function ensureBuilt(): void {
  if (existsSync(path.join(distDir, 'server/entry.mjs'))) return;
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('astro build failed');
}

export interface ServerStore {
  /** Environment for the server: LTV_DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  kind: 'pglite' | 'postgres';
  /** Removes the data dir or drops the database. */
  dispose(): Promise<void>;
}

/** A place for one server's data that survives restarts of that server. */
export async function serverStore(kind = testDatabaseKind()): Promise<ServerStore> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'ltv-data-'));
    return { kind, env: { LTV_DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('LTV_TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `ltv_http_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATABASE_URL: url.toString() },
    async dispose() {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export interface BuiltServer {
  baseUrl: string;
  process: ChildProcess;
  output(): string;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** SIGKILL and wait: no chance to flush anything. */
  kill(): Promise<void>;
}

/**
 * Starts the built server and waits until its database is ready (a DB-backed endpoint answers).
 * `env` names its database (a ServerStore's env): the shell's DATABASE_URL is never inherited.
 */
export async function startBuiltServer(env: Record<string, string>): Promise<BuiltServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [serverEntry, distDir], {
    cwd: repoRoot,
    env: spawnEnv({ HOST: '127.0.0.1', PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/auth/session`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await ended;
  };
  return { baseUrl, process: child, output: () => output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/** A browser-like client over HTTP: keeps cookies, sends Origin on writes. */
export function httpClient(baseUrl: string) {
  const cookies = new Map<string, string>();
  const request = async (method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}) => {
    const sent = new Headers(headers);
    if (method !== 'GET' && !sent.has('origin')) sent.set('origin', baseUrl);
    if (body !== undefined) sent.set('content-type', 'application/json');
    if (cookies.size) sent.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(baseUrl + pathname, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1);
      if (!value || /max-age=0\b/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
  return {
    cookies,
    get: (pathname: string, headers?: Record<string, string>) => request('GET', pathname, undefined, headers),
    post: (pathname: string, body?: unknown, headers?: Record<string, string>) => request('POST', pathname, body, headers),
  };
}

/** What the tests of a file see of the server useBuiltServer runs for them. */
export interface RunningServer {
  readonly baseUrl: string;
}

/**
 * The built server on a database of its own for the tests of one file or describe block: started
 * before them, stopped (and its database removed) after them.
 */
export function useBuiltServer(timeoutMs = 180_000): RunningServer {
  let store: ServerStore | undefined;
  let server: BuiltServer | undefined;
  beforeAll(async () => {
    ensureBuilt();
    store = await serverStore();
    server = await startBuiltServer(store.env);
  }, timeoutMs);
  afterAll(async () => {
    await server?.stop();
    await store?.dispose();
  });
  return {
    get baseUrl() {
      if (!server) throw new Error('the built server runs only inside the tests of its block');
      return server.baseUrl;
    },
  };
}
