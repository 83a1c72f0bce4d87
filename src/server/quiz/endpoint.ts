/**
 * The HTTP side of the self-study quiz endpoints, apart from Astro so tests can call it with a
 * plain Request: rate limit per client, then the shared body reader (JSON only, size limit, zod:
 * 400 with field errors), the bank (404), and selfStudy.ts. Answers are JSON with
 * `cache-control: no-store` (graded feedback must not sit in a shared cache); an unexpected
 * error is logged and answered with a bare 500, never a stack trace.
 */
import type { z } from 'zod';
import { parseBody } from '../http/body.ts';
import { problem } from '../http/json.ts';
import { type Outcome, respond } from '../http/outcome.ts';
import type { RateLimiter } from '../http/rateLimit.ts';
import type { Bank } from '../../lib/quiz/schema.ts';
import { attemptBodySchema, checkBodySchema, gradeBodySchema } from './bodies.ts';
import { checkAnswer, gradeAttempt, startAttempt } from './selfStudy.ts';

export type QuizAction = 'attempt' | 'check' | 'grade';

export interface QuizEndpointDeps {
  /** The bank of a lesson, or undefined when the lesson has none. */
  findBank(lesson: string): Promise<Bank | undefined> | Bank | undefined;
  limiter: RateLimiter;
  /** Seed of a new attempt: crypto-random in production (randomSeed), fixed in tests. */
  newSeed(): number;
}

async function run(action: QuizAction, request: Request, deps: QuizEndpointDeps): Promise<Response> {
  const parse = <Schema extends z.ZodType>(schema: Schema) => parseBody(request, schema);
  const withBank = async <Body extends { lesson: string }>(body: Body, handle: (bank: Bank, body: Body) => Outcome<unknown>) => {
    const bank = await deps.findBank(body.lesson);
    return bank ? respond(handle(bank, body)) : problem(404, 'unknown-lesson', { lesson: body.lesson });
  };
  switch (action) {
    case 'attempt': {
      const body = await parse(attemptBodySchema);
      return body.ok ? withBank(body.data, (bank, data) => startAttempt(bank, data, deps.newSeed())) : body.response;
    }
    case 'check': {
      const body = await parse(checkBodySchema);
      return body.ok ? withBank(body.data, checkAnswer) : body.response;
    }
    case 'grade': {
      const body = await parse(gradeBodySchema);
      return body.ok ? withBank(body.data, gradeAttempt) : body.response;
    }
  }
}

/** Handles POST /api/quiz/<action> for the client at `clientKey` (its IP). */
export async function handleQuizPost(action: QuizAction, request: Request, clientKey: string, deps: QuizEndpointDeps): Promise<Response> {
  try {
    const decision = deps.limiter.take(clientKey);
    if (!decision.ok) {
      return problem(429, 'rate-limited', { retryAfterSeconds: decision.retryAfterSeconds }, { 'retry-after': String(decision.retryAfterSeconds) });
    }
    return await run(action, request, deps);
  } catch (error) {
    // Logged for the operator; the client learns only that it failed.
    console.error(`[quiz] ${action} failed:`, error);
    return problem(500, 'internal');
  }
}
