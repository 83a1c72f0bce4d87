/**
 * The HTTP side of the self-study quiz endpoints, apart from Astro so tests can call it with a
 * plain Request: rate limits per client (every request, and new attempts on their own), the shared
 * body reader (JSON only, size limit, zod: 400 with field errors), the learner session cookie (the
 * middleware opens sessions only for the trainer and learner areas), then selfStudy.ts. Answers
 * are JSON with `cache-control: no-store`; a database that cannot be reached is a 503; any other
 * unexpected error is logged and answered with a bare 500, never a stack trace.
 */
import type { z } from 'zod';
import { attemptBodySchema, checkBodySchema, gradeBodySchema } from '../../lib/quiz/api.ts';
import type { Bank } from '../../lib/quiz/schema.ts';
import { learnerFromToken } from '../auth/sessions.ts';
import type { Database } from '../db/client.ts';
import { parseBody } from '../http/body.ts';
import { COOKIE_NAMES, readCookie } from '../http/cookies.ts';
import { problem } from '../http/json.ts';
import { respond } from '../http/outcome.ts';
import type { RateLimiter } from '../http/rateLimit.ts';
import type { SharedRateLimiter } from '../http/sharedRateLimit.ts';
import { databasePracticeStore } from './practiceStore.ts';
import { checkAnswer, gradeAttempt, type Requester, type SelfStudyDeps, startAttempt } from './selfStudy.ts';

export type QuizAction = 'attempt' | 'check' | 'grade';

export interface QuizEndpointDeps {
  /** The bank of a lesson, or undefined when the lesson has none. */
  findBank(lesson: string): Promise<Bank | undefined> | Bank | undefined;
  /** The database, ready (serverReady in production, a test database in tests). */
  database(): Promise<Database>;
  /** Every quiz request of a client. */
  limiter: RateLimiter;
  /**
   * New attempts of a client: each one is a stored row and, once answered, shows keys, so fewer
   * than checks and grades, and counted in the database: with several app processes behind a
   * balancer, a client gets one budget, not one per process.
   */
  attemptLimiter: SharedRateLimiter;
  /** Seed of a new attempt: crypto-random in production (randomSeed), fixed in tests. */
  newSeed(): number;
  /** Called after an attempt is stored (the route prunes old attempts now and then). */
  afterAttempt?(): Promise<unknown>;
}

const limited = (retryAfterSeconds: number) =>
  problem(429, 'rate-limited', { retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });

/** The learner signed in on this browser (HttpOnly session cookie), or null. */
async function requesterOf(db: Database, request: Request): Promise<Requester> {
  const token = readCookie(request, COOKIE_NAMES.learner);
  const learner = token ? await learnerFromToken(db, token) : null;
  return { learnerId: learner?.id ?? null };
}

async function run(action: QuizAction, request: Request, clientKey: string, deps: QuizEndpointDeps): Promise<Response> {
  const parse = <Schema extends z.ZodType>(schema: Schema) => parseBody(request, schema);
  const open = async (): Promise<{ db: Database; services: SelfStudyDeps; requester: Requester } | Response> => {
    let db: Database;
    try {
      db = await deps.database();
    } catch (error) {
      console.error(`[quiz] ${action}: database unavailable:`, error);
      return problem(503, 'database-unavailable');
    }
    return { db, services: { store: databasePracticeStore(db), findBank: deps.findBank }, requester: await requesterOf(db, request) };
  };
  switch (action) {
    case 'attempt': {
      const body = await parse(attemptBodySchema);
      if (!body.ok) return body.response;
      const opened = await open();
      if (opened instanceof Response) return opened;
      const decision = await deps.attemptLimiter.take(opened.db, clientKey);
      if (!decision.ok) return limited(decision.retryAfterSeconds);
      const { services, requester } = opened;
      const started = await startAttempt(services, body.data, requester, deps.newSeed());
      // Housekeeping must not cost the learner the attempt just stored.
      if (started.ok) await deps.afterAttempt?.().catch((error: unknown) => console.error('[quiz] pruning failed:', error));
      return respond(started);
    }
    case 'check': {
      const body = await parse(checkBodySchema);
      if (!body.ok) return body.response;
      const opened = await open();
      return opened instanceof Response ? opened : respond(await checkAnswer(opened.services, body.data, opened.requester));
    }
    case 'grade': {
      const body = await parse(gradeBodySchema);
      if (!body.ok) return body.response;
      const opened = await open();
      return opened instanceof Response ? opened : respond(await gradeAttempt(opened.services, body.data, opened.requester));
    }
  }
}

/** Handles POST /api/quiz/<action> for the client at `clientKey` (its IP). */
export async function handleQuizPost(action: QuizAction, request: Request, clientKey: string, deps: QuizEndpointDeps): Promise<Response> {
  try {
    const decision = deps.limiter.take(clientKey);
    if (!decision.ok) return limited(decision.retryAfterSeconds);
    return await run(action, request, clientKey, deps);
  } catch (error) {
    // Logged for the operator; the client learns only that it failed.
    console.error(`[quiz] ${action} failed:`, error);
    return problem(500, 'internal');
  }
}
