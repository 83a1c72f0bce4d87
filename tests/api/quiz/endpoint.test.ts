import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { grade } from '../../../src/lib/quiz/grade.ts';
import { practiceResult } from '../../../src/lib/quiz/reveal.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { practiceAttempts } from '../../../src/server/db/schema.ts';
import { createRateLimiter } from '../../../src/server/http/rateLimit.ts';
import { createSharedRateLimiter } from '../../../src/server/http/sharedRateLimit.ts';
import { handleQuizPost } from '../../../src/server/quiz/endpoint.ts';
import { openTestDatabase } from '../support/database.ts';
import {
  client,
  type ClientOptions,
  courseBanks,
  explanationTexts,
  keyFor,
  miniBank,
  perfectResponses,
  practiceBank,
  showsNumber,
  storedAttempt,
  walk,
  writtenForms,
} from './helpers.ts';

const banks = [...courseBanks(), miniBank()];
const sample = banks.find((bank) => bank.lesson === 'clv-formula')!;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());
afterEach(() => vi.restoreAllMocks());

const api = (options: ClientOptions & { banks?: typeof banks } = {}) => client(handle.db, options.banks ?? [sample], options);

// Field names that would carry the key or the feedback, whatever their value.
const FORBIDDEN_FIELDS = new Set([
  'answer',
  'correct',
  'explanation',
  'wrongExplanation',
  'optionExplanations',
  'mistakes',
  'mistakeExplanations',
  'tolerance',
  'formula',
  'inputs',
  'parameters',
  'order',
  'section',
  'sectionHref',
  'feedback',
  'seed',
  'steps.id',
]);

describe('POST /api/quiz/attempt', () => {
  it('stores an attempt and answers with its id (a UUID, not the seed), the resolved count, the learner view; never cached', async () => {
    const response = await api({ seeds: [42] }).post('attempt', { lesson: 'clv-formula', mode: 'test', locale: 'ja' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(Object.keys(response.json).sort()).toEqual(['attemptId', 'count', 'view']);
    expect(response.json['attemptId']).toMatch(UUID);
    expect(response.json['count']).toBe(5);
    const [row] = await handle.db.select().from(practiceAttempts).where(eq(practiceAttempts.id, response.json['attemptId'] as string));
    expect(row).toMatchObject({ lessonId: 'clv-formula', seed: 42, mode: 'test', locale: 'ja', learnerId: null, responses: {}, gradedAt: null });
    expect(row!.questionIds).toEqual((response.json['view'] as { questions: { id: string }[] }).questions.map((question) => question.id));
    const view = response.json['view'] as { questions: { id: string }[]; mode: string; locale: string };
    expect(view.questions).toHaveLength(5);
    expect(view).toMatchObject({ mode: 'test', locale: 'ja' });
  });

  it('draws only the given questions ("retake the ones I missed", a review)', async () => {
    const ids = ['ltv-and-clv', 'nakamura-clv'];
    const response = await api().post('attempt', { lesson: 'clv-formula', mode: 'practice', locale: 'en', questionIds: ids });
    expect(response.status).toBe(200);
    expect(response.json['count']).toBe(2);
    expect((response.json['view'] as { questions: { id: string }[] }).questions.map((question) => question.id).sort()).toEqual([...ids].sort());
  });

  describe.each(banks.map((bank) => [bank.lesson, bank] as const))('the attempt of bank %s holds no key', (_lesson, bank) => {
    const explanations = explanationTexts(bank);
    it.each(['ja', 'en'] as const)('in %s, over 8 seeds and both modes', async (locale) => {
      for (const seed of [0, 1, 2, 3, 97, 65_535, 2 ** 31, 4_294_967_295]) {
        for (const mode of ['practice', 'test'] as const) {
          const body = { lesson: bank.lesson, mode, locale, count: bank.questions.length };
          const { json } = await api({ banks: [bank], seeds: [seed] }).post('attempt', body);
          const { key } = keyFor(bank, seed, { mode, count: bank.questions.length });
          walk(json, (field, value) => {
            if (field !== null) expect(FORBIDDEN_FIELDS.has(field), `field ${field}`).toBe(false);
            if (typeof value === 'string') for (const text of explanations) expect(value.includes(text), `explanation in "${value}"`).toBe(false);
          });
          const questions = (json['view'] as { questions: Record<string, unknown>[] }).questions;
          questions.forEach((question, i) => {
            const entry = key.questions[i]!;
            expect(question['id']).toBe(entry.questionId);
            for (const option of (question['options'] as object[] | undefined) ?? []) expect(Object.keys(option).sort()).toEqual(['label', 'text']);
            for (const step of (question['steps'] as object[] | undefined) ?? []) expect(Object.keys(step)).toEqual(['text']);
            // Large typed answers (money) must not be written anywhere in the question.
            if ((entry.type === 'numeric' || entry.type === 'calculated') && Math.abs(entry.correct) >= 1000) {
              const forms = writtenForms(entry.correct, entry.unit);
              walk(question, (field, value) => {
                if (typeof value === 'number' && field !== 'number') expect(value, `answer of ${entry.questionId}`).not.toBe(entry.correct);
                if (typeof value === 'string') for (const form of forms) expect(showsNumber(value, form), `${form} in ${entry.questionId}: ${value}`).toBe(false);
              });
            }
          });
        }
      }
    });
  });

  it.each([
    ['a missing lesson', { mode: 'test', locale: 'ja' }, 'lesson'],
    ['a lesson id that is not a slug', { lesson: '../etc', mode: 'test', locale: 'ja' }, 'lesson'],
    ['an unknown mode', { lesson: 'clv-formula', mode: 'exam', locale: 'ja' }, 'mode'],
    ['an unknown language', { lesson: 'clv-formula', mode: 'test', locale: 'fr' }, 'locale'],
    ['count 0', { lesson: 'clv-formula', mode: 'test', locale: 'ja', count: 0 }, 'count'],
    ['count 51', { lesson: 'clv-formula', mode: 'test', locale: 'ja', count: 51 }, 'count'],
    ['a fractional count', { lesson: 'clv-formula', mode: 'test', locale: 'ja', count: 2.5 }, 'count'],
    ['an empty questionIds', { lesson: 'clv-formula', mode: 'test', locale: 'ja', questionIds: [] }, 'questionIds'],
    ['an unknown field', { lesson: 'clv-formula', mode: 'test', locale: 'ja', seed: '1' }, 'seed'],
    ['question ids not in the bank', { lesson: 'clv-formula', mode: 'test', locale: 'ja', questionIds: ['no-such-question'] }, 'questionIds'],
  ])('answers 400 with field errors for %s', async (_case, body, field) => {
    const { status, json } = await api().post('attempt', body);
    expect(status).toBe(400);
    expect(json['error']).toBe('invalid-body');
    expect(Object.keys(json['fieldErrors'] as object)).toContain(field);
  });

  it('answers 404 for a lesson without a bank', async () => {
    const { status, json } = await api().post('attempt', { lesson: 'no-such-lesson', mode: 'test', locale: 'ja' });
    expect(status).toBe(404);
    expect(json).toEqual({ error: 'unknown-lesson', lesson: 'no-such-lesson' });
  });

  it('refuses bodies that are not JSON, malformed JSON and oversized bodies', async () => {
    const quiz = api();
    expect((await quiz.post('attempt', null, { contentType: 'application/x-www-form-urlencoded', raw: 'lesson=clv-formula' })).status).toBe(415);
    const malformed = await quiz.post('attempt', null, { raw: '{"lesson":' });
    expect(malformed).toMatchObject({ status: 400, json: { error: 'invalid-json' } });
    expect((await quiz.post('attempt', null, { raw: JSON.stringify({ lesson: 'x'.repeat(40_000) }) })).status).toBe(413);
  });

  it('limits requests per client IP, with Retry-After', async () => {
    const quiz = api({ limit: 3 });
    const body = { lesson: 'clv-formula', mode: 'test', locale: 'ja' };
    for (let i = 0; i < 3; i++) expect((await quiz.post('attempt', body)).status).toBe(200);
    const limited = await quiz.post('attempt', body);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await quiz.post('attempt', body, { ip: '198.51.100.7' })).status).toBe(200);
  });

  it('counts new attempts in the database: two app processes give a client one budget, not one each', async () => {
    const processes = [api({ attemptLimit: 3, attemptBudget: 'quiz:attempt:two-processes' }), api({ attemptLimit: 3, attemptBudget: 'quiz:attempt:two-processes' })];
    const body = { lesson: 'clv-formula', mode: 'practice', locale: 'ja' };
    // Six at once, alternating processes: exactly three pass.
    const statuses = await Promise.all(Array.from({ length: 6 }, (_, i) => processes[i % 2]!.post('attempt', body, { ip: '192.0.2.44' }).then((reply) => reply.status)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
  });

  it('caps new attempts per client IP on their own: answering goes on', async () => {
    const quiz = api({ attemptLimit: 2 });
    const body = { lesson: 'clv-formula', mode: 'practice', locale: 'ja' };
    const first = await quiz.post('attempt', body);
    expect((await quiz.post('attempt', body)).status).toBe(200);
    const capped = await quiz.post('attempt', body);
    expect(capped).toMatchObject({ status: 429, json: { error: 'rate-limited' } });
    const questionId = (first.json['view'] as { questions: { id: string; type: string }[] }).questions.find((question) => question.type === 'true-false')?.id;
    const checked = await quiz.post('check', { attemptId: first.json['attemptId'], questionId: questionId ?? 'ltv-and-clv', response: true });
    expect(checked.status).not.toBe(429);
    expect((await quiz.post('attempt', body, { ip: '198.51.100.8' })).status).toBe(200);
  });

  it('answers an unexpected failure with a bare 500, no stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const request = new Request('http://localhost/api/quiz/attempt', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lesson: 'clv-formula', mode: 'test', locale: 'ja' }),
    });
    const findBank = () => {
      throw new Error('disk on fire at /secret/path');
    };
    const limiter = createRateLimiter({ limit: 10, windowMs: 1000 });
    const response = await handleQuizPost('attempt', request, 'ip', { findBank, database: async () => handle.db, limiter, attemptLimiter: createSharedRateLimiter({ name: 'quiz:attempt:test-failures', limit: 10, windowMs: 1000 }), newSeed: () => 1 });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal' });
    expect(text).not.toContain('secret');
    expect(logged).toHaveBeenCalled();
  });

  it('answers 503 when the database cannot be reached', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const request = new Request('http://localhost/api/quiz/attempt', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lesson: 'clv-formula', mode: 'test', locale: 'ja' }),
    });
    const limiter = createRateLimiter({ limit: 10, windowMs: 1000 });
    const database = () => Promise.reject(new Error('connection refused'));
    const response = await handleQuizPost('attempt', request, 'ip', { findBank: () => sample, database, limiter, attemptLimiter: createSharedRateLimiter({ name: 'quiz:attempt:test-failures', limit: 10, windowMs: 1000 }), newSeed: () => 1 });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'database-unavailable' });
  });

  it('the leak check above would see a written answer (and not a longer number containing it)', () => {
    expect(showsNumber('答えは¥5,000です', '¥5,000')).toBe(true);
    expect(showsNumber('5,000円', '5,000')).toBe(true);
    expect(showsNumber('CLVは¥15,000です', '5,000')).toBe(false);
    expect(showsNumber('5,000.5', '5,000')).toBe(false);
  });
});

describe('POST /api/quiz/check and /api/quiz/grade', () => {
  const pool = practiceBank(sample).questions.length;

  /** A stored attempt of every self-study question of the sample bank, with its key. */
  async function started(mode: 'practice' | 'test' = 'practice', locale: 'ja' | 'en' = 'ja') {
    const quiz = api();
    const reply = await quiz.post('attempt', { lesson: 'clv-formula', mode, locale, count: pool });
    expect(reply.status).toBe(200);
    const attemptId = reply.json['attemptId'] as string;
    const { attempt, key } = await storedAttempt(handle.db, sample, attemptId);
    return { quiz, attemptId, attempt, key, perfect: perfectResponses(key) };
  }

  it('grades one question with its feedback (practice)', async () => {
    const { quiz, attemptId, key, perfect } = await started();
    for (const entry of key.questions) {
      const { status, json } = await quiz.post('check', { attemptId, questionId: entry.questionId, response: perfect[entry.questionId] });
      expect(status).toBe(200);
      expect(json['repeated']).toBe(false);
      const result = json['result'] as { questionId: string; correct: boolean; feedback: { explanation: string; sectionHref: string } };
      expect(result.questionId).toBe(entry.questionId);
      expect(result.correct, entry.questionId).toBe(true);
      expect(result.feedback.explanation.length).toBeGreaterThan(10);
      expect(result.feedback.sectionHref).toMatch(/^\/lessons\/clv-formula\/#/);
    }
  });

  it('says why a wrong option is wrong', async () => {
    const { quiz, attemptId, key } = await started();
    const entry = key.questions.find((candidate) => candidate.type === 'single')!;
    const wrong = entry.type === 'single' ? entry.optionExplanations.findIndex((explanation) => explanation !== null) : -1;
    const { json } = await quiz.post('check', { attemptId, questionId: entry.questionId, response: wrong });
    const result = json['result'] as { correct: boolean; points: number; feedback: { mistakeExplanations: string[] } };
    expect(result).toMatchObject({ correct: false, points: 0 });
    expect(result.feedback.mistakeExplanations).toHaveLength(1);
  });

  it('refuses a question that is not part of the attempt, and an answer that does not fit the question', async () => {
    const quiz = api();
    const { json: few } = await quiz.post('attempt', { lesson: 'clv-formula', mode: 'practice', locale: 'ja', questionIds: ['ltv-and-clv'] });
    const attemptId = few['attemptId'] as string;
    const outside = await quiz.post('check', { attemptId, questionId: 'nakamura-clv', response: '100000' });
    expect(outside.status).toBe(400);
    expect(Object.keys(outside.json['fieldErrors'] as object)).toEqual(['questionId']);
    const unfit = await quiz.post('check', { attemptId, questionId: 'ltv-and-clv', response: 3 });
    expect(unfit.status).toBe(400);
    expect(Object.keys(unfit.json['fieldErrors'] as object)).toEqual(['response']);
    // The unfit answer did not use the question up.
    expect((await quiz.post('check', { attemptId, questionId: 'ltv-and-clv', response: true })).json['repeated']).toBe(false);
  });

  it('refuses a check in a test attempt: a test is graded as a whole', async () => {
    const { quiz, attemptId, key, perfect } = await started('test');
    const entry = key.questions[0]!;
    const { status, json } = await quiz.post('check', { attemptId, questionId: entry.questionId, response: perfect[entry.questionId] });
    expect(status).toBe(409);
    expect(json).toEqual({ error: 'not-practice', mode: 'test' });
  });

  it.each([
    ['an attemptId that is not an id', { attemptId: '42' }, 'attemptId'],
    ['no attemptId', { attemptId: undefined }, 'attemptId'],
    ['a response of the wrong shape', { responses: { 'ltv-and-clv': { choice: 1 } } }, 'responses.ltv-and-clv'],
    ['a response too long', { responses: { 'nakamura-clv': '1'.repeat(201) } }, 'responses.nakamura-clv'],
    ['a locale (the attempt has its own)', { locale: 'en' }, 'locale'],
  ])('grade answers 400 for %s', async (_case, change, field) => {
    const { quiz, attemptId } = await started();
    const { status, json } = await quiz.post('grade', { attemptId, responses: {}, ...change });
    expect(status).toBe(400);
    expect(Object.keys(json['fieldErrors'] as object)).toContain(field);
  });

  it('grades the whole attempt: all right scores 100% and passes, named by its id, without a seed', async () => {
    const { quiz, attemptId, perfect } = await started('test');
    const right = await quiz.post('grade', { attemptId, responses: perfect });
    expect(right.status).toBe(200);
    expect(right.json['alreadyGraded']).toBe(false);
    expect(right.json['result']).toMatchObject({ percentage: 100, passed: true, total: pool, lesson: 'clv-formula', mode: 'test', attemptId });
    expect(Object.keys(right.json['result'] as object)).not.toContain('seed');
  });

  it('grades with the engine: the result equals grading the stored attempt with the stored answers', async () => {
    const { quiz, attemptId, attempt, key, perfect } = await started('test', 'en');
    const responses = { ...perfect, 'three-factors': [0, 1], 'nakamura-clv': '２０，０００円' };
    const first = await quiz.post('grade', { attemptId, responses });
    expect(first.json['result']).toEqual(JSON.parse(JSON.stringify(practiceResult(grade(attempt, key, responses, 'en'), attemptId))));
  });

  it('a repeat returns the stored grading, not a grading of the new answers', async () => {
    const { quiz, attemptId, perfect } = await started('test');
    const first = await quiz.post('grade', { attemptId, responses: {} });
    expect(first.json['result']).toMatchObject({ total: 0, passed: false });
    const again = await quiz.post('grade', { attemptId, responses: perfect });
    expect(again.status).toBe(200);
    expect(again.json['alreadyGraded']).toBe(true);
    expect(again.json['result']).toEqual(first.json['result']);
  });

  it('practice: answers checked one by one stay; grade fills in the rest and agrees with every check', async () => {
    const { quiz, attemptId, key, perfect } = await started('practice');
    const responses: Record<string, unknown> = { ...perfect, 'nakamura-clv': '5000', 'ltv-and-clv': true };
    const checked = new Map<string, number>();
    for (const entry of key.questions.slice(0, 4)) {
      const { json } = await quiz.post('check', { attemptId, questionId: entry.questionId, response: responses[entry.questionId] });
      checked.set(entry.questionId, (json['result'] as { points: number }).points);
    }
    // The grade body answers everything right: the checked questions keep their first answers.
    const graded = (await quiz.post('grade', { attemptId, responses: perfect })).json['result'] as { questions: { questionId: string; points: number }[] };
    for (const question of graded.questions) {
      expect(question.points, question.questionId).toBe(checked.get(question.questionId) ?? 1);
    }
  });
});
