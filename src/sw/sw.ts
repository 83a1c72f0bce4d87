/**
 * The service worker (/sw.js, scope /). Bundled by esbuild and given its precache list by
 * workbox-build after `astro build` (src/integrations/serviceWorker.ts).
 *
 * - Precached: the app shell (home pages, offline pages, /_astro scripts and styles, icons) and
 *   the lesson pages, so reading works offline from the first visit.
 * - Saved modules (SaveModule island): a cache per module holds its pages, narration manifests and
 *   MP3s as full 200 responses; MP3 Range requests are cut from them (workbox-range-requests).
 * - Never touched: /api/* and the trainer/learner pages (private, no-store); they go straight to
 *   the network. Self-study quizzes are graded on the server, so they need a connection too: offline,
 *   their page is the offline page, which says so.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { createPartialResponse } from 'workbox-range-requests';
import { registerRoute } from 'workbox-routing';
import { offlinePageFor, offlineRoute } from '../lib/offline/routes.ts';
import { isSavedCacheName } from '../lib/offline/savedModule.ts';

declare const self: {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  location: Location;
  skipWaiting(): Promise<void>;
};

/** How long a page or manifest waits for the network before a saved copy is used (a train in a tunnel). */
const NETWORK_TIMEOUT_MS = 4000;

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

async function savedMatch(request: Request): Promise<Response | undefined> {
  for (const name of (await caches.keys()).filter(isSavedCacheName)) {
    const hit = await (await caches.open(name)).match(request.url);
    if (hit) return hit;
  }
  return undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** The network; when it fails (or is slow and a saved copy exists), the saved copy. */
async function networkThenSaved(request: Request): Promise<Response | undefined> {
  const saved = await savedMatch(request);
  if (!saved) return fetch(request).catch(() => undefined);
  return withTimeout(fetch(request), NETWORK_TIMEOUT_MS).catch(() => saved);
}

const sameOrigin = (url: URL) => url.origin === self.location.origin;

registerRoute(
  ({ url, request }) => sameOrigin(url) && request.method === 'GET' && offlineRoute(url.pathname) === 'audio-file',
  async ({ request }) => {
    const saved = await savedMatch(request);
    if (!saved) return fetch(request);
    return request.headers.has('range') ? createPartialResponse(request, saved) : saved;
  },
);

registerRoute(
  ({ url, request }) => sameOrigin(url) && request.method === 'GET' && offlineRoute(url.pathname) === 'audio-manifest',
  async ({ request }) => (await networkThenSaved(request)) ?? Response.error(),
);

/** Pages and files that are neither precached nor private; a page that cannot load shows the offline page. */
registerRoute(
  ({ url, request }) => sameOrigin(url) && request.method === 'GET' && offlineRoute(url.pathname) === 'site',
  async ({ request, url }) => {
    const response = await networkThenSaved(request);
    if (response) return response;
    const wantsPage = request.mode === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html');
    const fallback = wantsPage ? await matchPrecache(offlinePageFor(url.pathname)) : undefined;
    return fallback ?? Response.error();
  },
);

/** Private pages are never stored, but offline they still get the page that explains why nothing loads. */
registerRoute(
  ({ url, request }) => sameOrigin(url) && request.mode === 'navigate' && offlineRoute(url.pathname) === 'never' && !url.pathname.startsWith('/api/'),
  async ({ request, url }) => {
    try {
      return await fetch(request);
    } catch {
      return (await matchPrecache(offlinePageFor(url.pathname))) ?? Response.error();
    }
  },
);
