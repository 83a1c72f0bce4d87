import { localeFromPath, type Locale } from '../i18n/locales.ts';

/**
 * What the service worker does with a same-origin GET, by its path. One table, read by the worker
 * and by the tests, so "never cache the API or a private page" is written once.
 */
export type OfflineRoute =
  /** API answers and trainer/learner pages: private or graded on the server; straight to the network, never stored. */
  | 'never'
  /** `/audio/<lang>/<lesson>.<hash>.mp3`: content-hashed, from a saved module first (Range served from the stored file). */
  | 'audio-file'
  /** `/audio/<lang>/<lesson>.json`: the network first (it names the current MP3), a saved copy offline. */
  | 'audio-manifest'
  /** Everything else: the precache, then the network, then a saved copy; pages fall back to the offline page. */
  | 'site';

/** The API and the pages that carry names, scores or invite tokens (see src/server/http/securityHeaders.ts). */
const NEVER = /^\/api(?:\/|$)|^\/(?:en\/)?(?:trainer|learn|join)(?:\/|$)/;
const AUDIO_FILE = /^\/audio\/[^/]+\/[^/]+\.[0-9a-f]{8,}\.mp3$/;
const AUDIO_MANIFEST = /^\/audio\/[^/]+\/[^/]+\.json$/;

export function offlineRoute(pathname: string): OfflineRoute {
  if (NEVER.test(pathname)) return 'never';
  if (AUDIO_FILE.test(pathname)) return 'audio-file';
  if (AUDIO_MANIFEST.test(pathname)) return 'audio-manifest';
  return 'site';
}

/** The offline page in the language of the page that could not be loaded. */
export function offlinePagePath(locale: Locale): string {
  return locale === 'ja' ? '/offline/' : '/en/offline/';
}

export function offlinePageFor(pathname: string): string {
  return offlinePagePath(localeFromPath(pathname));
}

/** A self-study quiz page: `/lessons/<id>/quiz/` (or /en/…); graded on the server, so it needs a connection. */
export function isQuizPage(pathname: string): boolean {
  return /^\/(?:en\/)?lessons\/[^/]+\/quiz\/?$/.test(pathname);
}
