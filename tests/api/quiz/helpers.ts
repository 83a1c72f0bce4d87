import { readdirSync } from 'node:fs';
import path from 'node:path';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import { buildAttempt } from '../../../src/lib/quiz/attempt.ts';
import type { Bank, Localized } from '../../../src/lib/quiz/schema.ts';
import { formatWithUnit } from '../../../src/lib/quiz/display.ts';
import { createRateLimiter } from '../../../src/server/http/rateLimit.ts';
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

/** The answer key the server would use for an attempt, for assertions. */
export function keyFor(bank: Bank, seed: number, options: { mode: 'practice' | 'test'; count?: number; questionIds?: string[] }) {
  const attempt = buildAttempt(bank, { seed, ...options });
  return { attempt, key: answerKey(attempt) };
}

export interface Client {
  post(action: QuizAction, body: unknown, init?: { contentType?: string; raw?: string; ip?: string }): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }>;
}

/** The endpoint with the given banks, a fixed seed sequence and a generous rate limit. */
export function client(banks: Bank[], options: { seeds?: number[]; limit?: number } = {}): Client {
  const byLesson = new Map(banks.map((bank) => [bank.lesson, bank]));
  const seeds = [...(options.seeds ?? [])];
  let fallback = 1000;
  const deps = {
    findBank: (lesson: string) => byLesson.get(lesson),
    limiter: createRateLimiter({ limit: options.limit ?? 10_000, windowMs: 60_000 }),
    newSeed: () => seeds.shift() ?? fallback++,
  };
  return {
    async post(action, body, init = {}) {
      const request = new Request(`http://localhost/api/quiz/${action}`, {
        method: 'POST',
        headers: { 'content-type': init.contentType ?? 'application/json' },
        body: init.raw ?? JSON.stringify(body),
      });
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
