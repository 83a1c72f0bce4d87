import { readdirSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import { attemptOf, buildAttempt, isPracticeQuestion } from '../../../src/lib/quiz/attempt.ts';
import type { Bank, Localized } from '../../../src/lib/quiz/schema.ts';
import { formatWithUnit } from '../../../src/lib/quiz/display.ts';
import type { Database } from '../../../src/server/db/client.ts';
import { practiceAttempts } from '../../../src/server/db/schema.ts';
import { createRateLimiter } from '../../../src/server/http/rateLimit.ts';
import { createSharedRateLimiter } from '../../../src/server/http/sharedRateLimit.ts';
import { handleQuizPost, type QuizAction } from '../../../src/server/quiz/endpoint.ts';
import { loadBank, repoRoot } from '../../unit/quiz/helpers.ts';

export { miniBank, walk } from '../../unit/quiz/helpers.ts';

/** Every bank of the course, as the content collection holds them (plus the engine's fixture bank). */
export function courseBanks(): Bank[] {
  const dir = path.join(repoRoot, 'src/content/quizzes');
  return readdirSync(dir)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .map((file) => loadBank(path.join(dir, file)));
}

/** Every explanation text of a bank (right answers, wrong options, true-false, numeric mistakes), both languages. */
export function explanationTexts(bank: Bank): string[] {
  const texts: Localized[] = [];
  for (const question of bank.questions) {
    texts.push(question.explanation);
    if ('options' in question) for (const option of question.options) if (option.explanation) texts.push(option.explanation);
    if (question.type === 'true-false') texts.push(question.wrongExplanation);
    if (question.type === 'numeric') texts.push(...question.mistakes.map((mistake) => mistake.explanation));
  }
  return texts.flatMap((text) => [text.ja, text.en]);
}

/** How a numeric answer could be written in a response: 100000, 100,000, ￥100,000, 40%. */
export function writtenForms(value: number, unit: Parameters<typeof formatWithUnit>[1]): string[] {
  return [String(value), value.toLocaleString('en-US', { maximumFractionDigits: 2 }), formatWithUnit('ja', unit, value), formatWithUnit('en', unit, value)];
}

/** Whether `text` shows the number `form` on its own: "5,000" is not in "¥15,000". */
export function showsNumber(text: string, form: string): boolean {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\d,.])${escaped}(?![\\d,]|\\.\\d)`).test(text);
}

/** The bank as self-study sees it: assessment-only questions left out. */
export function practiceBank(bank: Bank): Bank {
  return { ...bank, questions: bank.questions.filter(isPracticeQuestion) };
}

/** The answer key the server would use for a self-study attempt drawn with this seed, for assertions. */
export function keyFor(bank: Bank, seed: number, options: { mode: 'practice' | 'test'; count?: number; questionIds?: string[] }) {
  const attempt = buildAttempt(practiceBank(bank), { seed, ...options });
  return { attempt, key: answerKey(attempt) };
}

/** The stored row of an attempt, and its key re-created from the stored seed (only a test may read it). */
export async function storedAttempt(db: Database, bank: Bank, attemptId: string) {
  const [row] = await db.select().from(practiceAttempts).where(eq(practiceAttempts.id, attemptId));
  if (!row) throw new Error(`no practice attempt ${attemptId}`);
  const attempt = attemptOf(bank, row);
  if (!attempt) throw new Error(`practice attempt ${attemptId} cannot be re-created`);
  return { row, attempt, key: answerKey(attempt) };
}

export interface Reply {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

export interface Client {
  post(action: QuizAction, body: unknown, init?: { contentType?: string; raw?: string; ip?: string; cookie?: string }): Promise<Reply>;
}

export interface ClientOptions {
  seeds?: number[];
  /** Requests per minute per IP (all actions). */
  limit?: number;
  /** New attempts per minute per IP. */
  attemptLimit?: number;
  /** The attempt budget's name in the database: clients given one name act as processes of one app. */
  attemptBudget?: string;
  afterAttempt?: () => Promise<unknown>;
}

let clients = 0;

/** The endpoint over a test database with the given banks, a fixed seed sequence and generous rate limits. */
export function client(db: Database, banks: Bank[], options: ClientOptions = {}): Client {
  const byLesson = new Map(banks.map((bank) => [bank.lesson, bank]));
  const seeds = [...(options.seeds ?? [])];
  let fallback = 1000;
  const deps = {
    findBank: (lesson: string) => byLesson.get(lesson),
    database: async () => db,
    limiter: createRateLimiter({ limit: options.limit ?? 10_000, windowMs: 60_000 }),
    // A name of its own per client: the test database outlives one client, and budgets must not mix.
    attemptLimiter: createSharedRateLimiter({ name: options.attemptBudget ?? `quiz:attempt:test-${++clients}`, limit: options.attemptLimit ?? 10_000, windowMs: 60_000 }),
    newSeed: () => seeds.shift() ?? fallback++,
    ...(options.afterAttempt ? { afterAttempt: options.afterAttempt } : {}),
  };
  return {
    async post(action, body, init = {}) {
      const headers: Record<string, string> = { 'content-type': init.contentType ?? 'application/json' };
      if (init.cookie) headers['cookie'] = init.cookie;
      const request = new Request(`http://localhost/api/quiz/${action}`, { method: 'POST', headers, body: init.raw ?? JSON.stringify(body) });
      const response = await handleQuizPost(action, request, init.ip ?? '203.0.113.1', deps);
      return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
    },
  };
}

/** Responses that answer every question of a key right (what a perfect learner sends). */
export function perfectResponses(key: ReturnType<typeof answerKey>): Record<string, unknown> {
  return Object.fromEntries(
    key.questions.map((entry) => {
      switch (entry.type) {
        case 'single':
        case 'scenario':
          return [entry.questionId, entry.correct[0]];
        case 'multiple':
        case 'ordering':
          return [entry.questionId, entry.correct];
        case 'true-false':
          return [entry.questionId, entry.correct];
        case 'numeric':
        case 'calculated':
          return [entry.questionId, String(entry.correct)];
      }
    }),
  );
}
