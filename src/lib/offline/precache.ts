/**
 * What the service worker precaches from the build (dist/client), and under which URL. The app
 * shell and every lesson page, in both languages: reading works offline from the first visit.
 * Quiz pages are left out on purpose (graded on the server, they need a connection), as are the
 * private trainer/learner pages (rendered on demand, never files) and the rendered audio (saved
 * per module, on request: it is ~30 MB per language).
 */
export const PRECACHE_GLOBS = [
  'index.html',
  'en/index.html',
  'offline/index.html',
  'en/offline/index.html',
  'credits/index.html',
  'en/credits/index.html',
  'lessons/*/index.html',
  'en/lessons/*/index.html',
  '_astro/**/*.{js,css,woff2,svg,png,webp,avif}',
  'favicon.svg',
  'manifest.webmanifest',
  'icons/*.png',
];

/** Azure speech loads only with a connection (it is a cloud voice): no reason to store 400 KB of it. */
export const PRECACHE_IGNORES = ['_astro/azureSession*'];

/** Hashed names need no revision query: the name changes with the content. */
export const PRECACHE_HASHED = /^\/_astro\//;

/** `lessons/x/index.html` → `/lessons/x/`, `index.html` → `/`, `_astro/a.js` → `/_astro/a.js`: the URLs links use. */
export function precacheUrlOf(file: string): string {
  const url = `/${file.replace(/^\/+/, '')}`;
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}
