/**
 * Runs for on-demand routes (prerendered pages are plain files served by src/server/http/serve.ts,
 * which adds the same headers from the same module):
 * 1. refuses cross-site writes to the APIs (CSRF; see src/server/http/origin.ts);
 * 2. for the trainer and learner areas, opens the database and puts the signed-in trainer and
 *    learner on Astro.locals (from their HttpOnly session cookies);
 * 3. adds security headers (src/server/http/securityHeaders.ts), with a Content-Security-Policy
 *    that allows Astro's own inline island scripts by their hashes instead of 'unsafe-inline';
 * 4. once the database is open, resumes recorded-narration renders a restart left queued, in the
 *    background (src/server/customAudio/queue.ts). Static assets never get here (see above).
 */
import type { MiddlewareHandler } from 'astro';
import { learnerFromToken, trainerFromToken } from './server/auth/sessions.ts';
import { sweepRenders } from './server/customAudio/queue.ts';
import { serverReady } from './server/db/startup.ts';
import { COOKIE_NAMES, readCookie } from './server/http/cookies.ts';
import { problem } from './server/http/json.ts';
import { isCrossSiteWrite } from './server/http/origin.ts';
import { securityHeaders } from './server/http/securityHeaders.ts';

/** Trainer and learner pages and their APIs: the only routes that need the database. */
/** Paths that serve one role only: the other role's session is not looked up for them. */
const TRAINER_ONLY = /^\/(?:en\/)?trainer(?:\/|$)|^\/api\/trainer(?:\/|$)/;
const LEARNER_ONLY = /^\/(?:en\/)?learn(?:\/|$)|^\/api\/learner(?:\/|$)/;
const APP_PATHS = /^\/(?:en\/)?(?:trainer|learn|join)(?:\/|$)|^\/api\/(?:trainer|learner|auth|custom-audio|custom-images)(?:\/|$)/;

/** Never fails nor delays the request it rides on: the queue reports its own errors. */
function resumeRenders(): void {
  try {
    sweepRenders();
  } catch (error) {
    console.error('[custom-audio] could not resume queued renders:', error);
  }
}

export const onRequest: MiddlewareHandler = async (context, next) => {
  if (context.isPrerendered) return next();
  const { request, url, locals } = context;
  if (url.pathname.startsWith('/api/') && isCrossSiteWrite(request, url)) {
    return securityHeaders(problem(403, 'cross-site-request'), url.pathname);
  }
  if (APP_PATHS.test(url.pathname)) {
    try {
      const db = await serverReady();
      // A learner route never needs the trainer's session and the reverse: one lookup, not two.
      const trainerToken = LEARNER_ONLY.test(url.pathname) ? null : readCookie(request, COOKIE_NAMES.trainer);
      const learnerToken = TRAINER_ONLY.test(url.pathname) ? null : readCookie(request, COOKIE_NAMES.learner);
      const [trainer, learner] = await Promise.all([
        trainerToken ? trainerFromToken(db, trainerToken) : null,
        learnerToken ? learnerFromToken(db, learnerToken) : null,
      ]);
      locals.trainer = trainer;
      locals.learner = learner;
    } catch (error) {
      // The database is down or unreachable: say so plainly instead of a stack trace.
      console.error(`[db] ${request.method} ${url.pathname}:`, error);
      if (!url.pathname.startsWith('/api/')) throw error;
      return securityHeaders(problem(503, 'database-unavailable'), url.pathname);
    }
  }
  // After the database block: the first app request after a restart opens it, and already resumes.
  resumeRenders();
  return securityHeaders(await next(), url.pathname);
};
