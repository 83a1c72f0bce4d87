/**
 * The Astro side of the quiz endpoints: banks from the `quizzes` collection, the database from
 * serverReady, one rate limiter for the three routes (a client's attempts, checks and grades share
 * one budget, per process) plus a tighter one for new attempts (each is a stored row), counted in
 * the database so it holds across processes, the client's IP as its
 * key, a seed from the CSPRNG, and old practice attempts pruned now and then. Route files are one
 * line each. The learner session cookie is read in endpoint.ts (the middleware does not open
 * sessions for these routes).
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { randomSeed } from '../../lib/quiz/random.ts';
import type { Bank } from '../../lib/quiz/schema.ts';
import { serverReady } from '../db/startup.ts';
import { createRateLimiter } from '../http/rateLimit.ts';
import { createSharedRateLimiter } from '../http/sharedRateLimit.ts';
import { handleQuizPost, type QuizAction } from './endpoint.ts';
import { databasePracticeStore } from './practiceStore.ts';
import { occasionalPruner } from './selfStudy.ts';

/** Requests per minute per IP; a learner answering fast needs about 20. Override with QUIZ_RATE_LIMIT_PER_MINUTE. */
const DEFAULT_LIMIT_PER_MINUTE = 120;
/** New attempts per minute per IP: a class behind one NAT starting together fits. Override with QUIZ_ATTEMPTS_PER_MINUTE. */
const DEFAULT_ATTEMPTS_PER_MINUTE = 30;

function perMinute(name: string, fallback: number): number {
  const configured = Number(process.env[name]);
  return Number.isInteger(configured) && configured > 0 ? configured : fallback;
}

const limiter = createRateLimiter({ limit: perMinute('QUIZ_RATE_LIMIT_PER_MINUTE', DEFAULT_LIMIT_PER_MINUTE), windowMs: 60_000 });
const attemptLimiter = createSharedRateLimiter({ name: 'quiz:attempt', limit: perMinute('QUIZ_ATTEMPTS_PER_MINUTE', DEFAULT_ATTEMPTS_PER_MINUTE), windowMs: 60_000 });
const prune = occasionalPruner(async () => databasePracticeStore(await serverReady()));

// Banks do not change while the server runs: read the collection once.
let banks: Promise<Map<string, Bank>> | undefined;
async function findBank(lesson: string): Promise<Bank | undefined> {
  banks ??= getCollection('quizzes').then((entries) => new Map(entries.map((entry) => [entry.data.lesson, entry.data])));
  return (await banks).get(lesson);
}

/** The client's IP: behind a trusted proxy (LTV_TRUST_PROXY=1, as the trainer API) the forwarded one. */
function clientKeyOf(request: Request, clientAddress: () => string): string {
  if (process.env['LTV_TRUST_PROXY'] === '1') {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return clientAddress();
  } catch {
    // Astro throws when the adapter cannot tell the address; such clients share one budget.
    return 'unknown';
  }
}

export function quizRoute(action: QuizAction): APIRoute {
  return (context) =>
    handleQuizPost(action, context.request, clientKeyOf(context.request, () => context.clientAddress), {
      findBank,
      database: () => serverReady(),
      limiter,
      attemptLimiter,
      newSeed: randomSeed,
      afterAttempt: () => prune(),
    });
}
