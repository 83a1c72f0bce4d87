/**
 * The Astro side of the quiz endpoints: banks from the `quizzes` collection, one rate limiter
 * for the three routes (a client's attempts, checks and grades share one budget), the client's
 * IP as its key, and a seed from the CSPRNG. Route files are one line each.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { randomSeed } from '../../lib/quiz/random.ts';
import type { Bank } from '../../lib/quiz/schema.ts';
import { handleQuizPost, type QuizAction } from './endpoint.ts';
import { createRateLimiter } from '../http/rateLimit.ts';

/** Requests per minute per IP; a learner answering fast needs about 20. Override with QUIZ_RATE_LIMIT_PER_MINUTE. */
const DEFAULT_LIMIT_PER_MINUTE = 120;

function limitPerMinute(): number {
  const configured = Number(process.env['QUIZ_RATE_LIMIT_PER_MINUTE']);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_LIMIT_PER_MINUTE;
}

const limiter = createRateLimiter({ limit: limitPerMinute(), windowMs: 60_000 });

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
    handleQuizPost(action, context.request, clientKeyOf(context.request, () => context.clientAddress), { findBank, limiter, newSeed: randomSeed });
}
