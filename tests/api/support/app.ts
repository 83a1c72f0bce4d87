/**
 * The app in-process: real Request objects through the real middleware (CSRF check, sessions from
 * cookies, security headers) into the real route modules of src/pages/api, against a real
 * database. An Actor is one browser: it keeps its cookies and sends its Origin like a browser.
 */
import type { APIContext, APIRoute, MiddlewareHandler } from 'astro';
import { onRequest } from '../../../src/middleware.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { useDatabase } from '../../../src/server/db/index.ts';
import { openTestDatabase } from './database.ts';
import { configureCustomAudio } from '../../../src/server/customAudio/config.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ORIGIN = 'http://localhost:4321';

type RouteModule = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', APIRoute>>;

// Pattern -> route module, as Astro maps src/pages/api files to URLs.
const ROUTES: [string, () => Promise<RouteModule>][] = [
  ['/api/health', () => import('../../../src/pages/api/health.ts')],
  ['/api/auth/login', () => import('../../../src/pages/api/auth/login.ts')],
  ['/api/auth/logout', () => import('../../../src/pages/api/auth/logout.ts')],
  ['/api/auth/session', () => import('../../../src/pages/api/auth/session.ts')],
  ['/api/auth/setup', () => import('../../../src/pages/api/auth/setup.ts')],
  ['/api/auth/join', () => import('../../../src/pages/api/auth/join.ts')],
  ['/api/auth/resume', () => import('../../../src/pages/api/auth/resume.ts')],
  ['/api/trainer/lessons', () => import('../../../src/pages/api/trainer/lessons.ts')],
  ['/api/trainer/cohorts', () => import('../../../src/pages/api/trainer/cohorts/index.ts')],
  ['/api/trainer/cohorts/[id]', () => import('../../../src/pages/api/trainer/cohorts/[id]/index.ts')],
  ['/api/trainer/cohorts/[id]/invite', () => import('../../../src/pages/api/trainer/cohorts/[id]/invite.ts')],
  ['/api/trainer/cohorts/[id]/assignments', () => import('../../../src/pages/api/trainer/cohorts/[id]/assignments.ts')],
  ['/api/trainer/cohorts/[id]/export.csv', () => import('../../../src/pages/api/trainer/cohorts/[id]/export.csv.ts')],
  ['/api/trainer/cohorts/[id]/learners/[learnerId]', () => import('../../../src/pages/api/trainer/cohorts/[id]/learners/[learnerId].ts')],
  ['/api/trainer/modules', () => import('../../../src/pages/api/trainer/modules/index.ts')],
  ['/api/trainer/modules/[id]', () => import('../../../src/pages/api/trainer/modules/[id]/index.ts')],
  ['/api/trainer/modules/[id]/publish', () => import('../../../src/pages/api/trainer/modules/[id]/publish.ts')],
  ['/api/trainer/modules/[id]/audio', () => import('../../../src/pages/api/trainer/modules/[id]/audio.ts')],
  ['/api/custom-audio/[versionId]/[file]', () => import('../../../src/pages/api/custom-audio/[versionId]/[file].ts')],
  ['/api/custom-images/[id]', () => import('../../../src/pages/api/custom-images/[id].ts')],
  ['/api/trainer/modules/[id]/package', () => import('../../../src/pages/api/trainer/modules/[id]/package.ts')],
  ['/api/trainer/modules/[id]/lessons/[lessonId]', () => import('../../../src/pages/api/trainer/modules/[id]/lessons/[lessonId]/index.ts')],
  ['/api/trainer/modules/[id]/lessons/[lessonId]/questions', () => import('../../../src/pages/api/trainer/modules/[id]/lessons/[lessonId]/questions.ts')],
  ['/api/trainer/modules/[id]/lessons/[lessonId]/gift', () => import('../../../src/pages/api/trainer/modules/[id]/lessons/[lessonId]/gift.ts')],
  ['/api/trainer/modules/[id]/sections/[sectionId]', () => import('../../../src/pages/api/trainer/modules/[id]/sections/[sectionId].ts')],
  ['/api/trainer/modules/[id]/shares', () => import('../../../src/pages/api/trainer/modules/[id]/shares/index.ts')],
  ['/api/trainer/modules/[id]/shares/[trainerId]', () => import('../../../src/pages/api/trainer/modules/[id]/shares/[trainerId].ts')],
  ['/api/learner/assignments', () => import('../../../src/pages/api/learner/assignments.ts')],
  ['/api/learner/attempts', () => import('../../../src/pages/api/learner/attempts/index.ts')],
  ['/api/learner/attempts/[id]', () => import('../../../src/pages/api/learner/attempts/[id]/index.ts')],
  ['/api/learner/attempts/[id]/submit', () => import('../../../src/pages/api/learner/attempts/[id]/submit.ts')],
];

function match(pathname: string): { load: () => Promise<RouteModule>; params: Record<string, string> } | null {
  const trimmed = pathname.replace(/\/$/, '');
  for (const [pattern, load] of ROUTES) {
    const names: string[] = [];
    const regex = new RegExp(
      '^' +
        pattern.replace(/[.]/g, '\\.').replace(/\[(\w+)\]/g, (_, name: string) => {
          names.push(name);
          return '([^/]+)';
        }) +
        '$',
    );
    const found = regex.exec(trimmed);
    if (found) return { load, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] as string)])) };
  }
  return null;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body instead of JSON (malformed-body tests; a stream is sent chunked, with no content-length). */
  rawBody?: string | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  /** Omit the Origin header a browser would send. */
  noOrigin?: boolean;
  clientAddress?: string;
}

let clientCounter = 0;

/** One request through middleware and route; 404 for a path no route matches. */
export async function dispatch(method: string, path: string, options: CallOptions = {}, cookieHeader = ''): Promise<Response> {
  const url = new URL(path, ORIGIN);
  const headers = new Headers(options.headers);
  if (!options.noOrigin && method !== 'GET' && !headers.has('origin')) headers.set('origin', ORIGIN);
  if (cookieHeader) headers.set('cookie', cookieHeader);
  let body: string | ReadableStream<Uint8Array> | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const request = new Request(url, { method, headers, body, duplex: 'half' } as RequestInit);
  const found = match(url.pathname);
  // Distinct addresses by default, so rate limits only bite the tests that aim for them.
  const clientAddress = options.clientAddress ?? `10.0.${(clientCounter >> 8) & 255}.${clientCounter++ & 255}`;
  const context = { request, url, params: found?.params ?? {}, locals: {}, isPrerendered: false, clientAddress } as unknown as APIContext;
  const next = async () => {
    if (!found) return new Response('not found', { status: 404 });
    const handler = (await found.load())[method as keyof RouteModule];
    return handler ? handler(context) : new Response(null, { status: 405 });
  };
  return (onRequest as MiddlewareHandler)(context, next) as Promise<Response>;
}

export interface Actor {
  /** Cookies by name, as the browser holds them. */
  cookies: Map<string, string>;
  request(method: string, path: string, options?: CallOptions): Promise<Response>;
  get(path: string, options?: CallOptions): Promise<Response>;
  post(path: string, body?: unknown, options?: CallOptions): Promise<Response>;
}

/** A browser with its own cookie jar. */
export function actor(): Actor {
  const cookies = new Map<string, string>();
  const request = async (method: string, path: string, options: CallOptions = {}) => {
    const header = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await dispatch(method, path, options, header);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      const value = rest.join('=');
      if (!name) continue;
      if (value === '' || /max-age=0\b/i.test(cookie)) cookies.delete(name.trim());
      else cookies.set(name.trim(), value);
    }
    return response;
  };
  return {
    cookies,
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
  };
}

/** A fresh migrated database installed as the app's, and no speech engine; close it in afterAll. */
export async function startTestApp(): Promise<DatabaseHandle> {
  // Publishing queues recorded narration: no speech engine runs (nor writes to ./data) unless a
  // test installs one (tests/api/customAudio).
  configureCustomAudio({ dir: path.join(tmpdir(), `ltv-test-custom-audio-${process.pid}`), rendererFor: () => ({ ok: false, missing: [], reason: 'the API tests run no speech engine' }) });
  const handle = await openTestDatabase();
  useDatabase(handle);
  return handle;
}
