import { afterEach, describe, expect, it, vi } from 'vitest';
import { grade } from '../../../src/lib/quiz/grade.ts';
import { createRateLimiter } from '../../../src/server/http/rateLimit.ts';
import { handleQuizPost } from '../../../src/server/quiz/endpoint.ts';
import { client, courseBanks, explanationTexts, keyFor, miniBank, perfectResponses, showsNumber, walk, writtenForms } from './helpers.ts';

const banks = [...courseBanks(), miniBank()];
const sample = banks.find((bank) => bank.lesson === 'clv-formula')!;

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
  'steps.id',
]);

afterEach(() => vi.restoreAllMocks());

describe('POST /api/quiz/attempt', () => {
  it('starts an attempt: the seed as attemptId, the resolved count, the learner view; never cached', async () => {
    const response = await client([sample], { seeds: [42] }).post('attempt', { lesson: 'clv-formula', mode: 'test', locale: 'ja' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(Object.keys(response.json).sort()).toEqual(['attemptId', 'count', 'view']);
    expect(response.json['attemptId']).toBe('42');
    expect(response.json['count']).toBe(5);
    const view = response.json['view'] as { questions: { id: string }[]; mode: string; locale: string };
    expect(view.questions).toHaveLength(5);
    expect(view).toMatchObject({ mode: 'test', locale: 'ja' });
  });

  it('draws only the given questions ("retake the ones I missed", a review)', async () => {
    const ids = ['ltv-and-clv', 'nakamura-clv'];
    const response = await client([sample]).post('attempt', { lesson: 'clv-formula', mode: 'practice', locale: 'en', questionIds: ids });
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
          const { json } = await client([bank], { seeds: [seed] }).post('attempt', body);
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
    const { status, json } = await client([sample]).post('attempt', body);
    expect(status).toBe(400);
    expect(json['error']).toBe('invalid-body');
    expect(Object.keys(json['fieldErrors'] as object)).toContain(field);
  });

  it('answers 404 for a lesson without a bank', async () => {
    const { status, json } = await client([sample]).post('attempt', { lesson: 'no-such-lesson', mode: 'test', locale: 'ja' });
    expect(status).toBe(404);
    expect(json).toEqual({ error: 'unknown-lesson', lesson: 'no-such-lesson' });
  });

  it('refuses bodies that are not JSON, malformed JSON and oversized bodies', async () => {
    const api = client([sample]);
    expect((await api.post('attempt', null, { contentType: 'application/x-www-form-urlencoded', raw: 'lesson=clv-formula' })).status).toBe(415);
    const malformed = await api.post('attempt', null, { raw: '{"lesson":' });
    expect(malformed).toMatchObject({ status: 400, json: { error: 'invalid-json' } });
    expect((await api.post('attempt', null, { raw: JSON.stringify({ lesson: 'x'.repeat(40_000) }) })).status).toBe(413);
  });

  it('limits requests per client IP, with Retry-After', async () => {
    const api = client([sample], { limit: 3 });
    const body = { lesson: 'clv-formula', mode: 'test', locale: 'ja' };
    for (let i = 0; i < 3; i++) expect((await api.post('attempt', body)).status).toBe(200);
    const limited = await api.post('attempt', body);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await api.post('attempt', body, { ip: '198.51.100.7' })).status).toBe(200);
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
    const response = await handleQuizPost('attempt', request, 'ip', { findBank, limiter: createRateLimiter({ limit: 10, windowMs: 1000 }), newSeed: () => 1 });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal' });
    expect(text).not.toContain('secret');
    expect(logged).toHaveBeenCalled();
  });

  it('the leak check above would see a written answer (and not a longer number containing it)', () => {
    expect(showsNumber('答えは¥5,000です', '¥5,000')).toBe(true);
    expect(showsNumber('5,000円', '5,000')).toBe(true);
    expect(showsNumber('CLVは¥15,000です', '5,000')).toBe(false);
    expect(showsNumber('5,000.5', '5,000')).toBe(false);
  });
});

describe('POST /api/quiz/check and /api/quiz/grade', () => {
  const seed = 7;
  const reference = { lesson: 'clv-formula', seed: String(seed), mode: 'practice', count: sample.questions.length, locale: 'ja' } as const;
  const { attempt, key } = keyFor(sample, seed, { mode: 'practice', count: sample.questions.length });
  const perfect = perfectResponses(key);

  it('grades one question with its feedback (practice)', async () => {
    const api = client([sample]);
    for (const entry of key.questions) {
      const { status, json } = await api.post('check', { ...reference, questionId: entry.questionId, response: perfect[entry.questionId] });
      expect(status).toBe(200);
      const result = json['result'] as { questionId: string; correct: boolean; feedback: { explanation: string; sectionHref: string } };
      expect(result.questionId).toBe(entry.questionId);
      expect(result.correct, entry.questionId).toBe(true);
      expect(result.feedback.explanation.length).toBeGreaterThan(10);
      expect(result.feedback.sectionHref).toMatch(/^\/lessons\/clv-formula\/#/);
    }
  });

  it('says why a wrong option is wrong', async () => {
    const entry = key.questions.find((candidate) => candidate.type === 'single')!;
    const wrong = entry.type === 'single' ? entry.optionExplanations.findIndex((explanation) => explanation !== null) : -1;
    const { json } = await client([sample]).post('check', { ...reference, questionId: entry.questionId, response: wrong });
    const result = json['result'] as { correct: boolean; points: number; feedback: { mistakeExplanations: string[] } };
    expect(result).toMatchObject({ correct: false, points: 0 });
    expect(result.feedback.mistakeExplanations).toHaveLength(1);
  });

  it('refuses a question that is not part of the attempt', async () => {
    const few = { ...reference, count: 1, questionIds: ['ltv-and-clv'] };
    const { status, json } = await client([sample]).post('check', { ...few, questionId: 'nakamura-clv', response: '100000' });
    expect(status).toBe(400);
    expect(Object.keys(json['fieldErrors'] as object)).toEqual(['questionId']);
  });

  it.each([
    ['a seed that is not an attemptId', { seed: 'abc' }, 'seed'],
    ['a seed above 2^32 - 1', { seed: '4294967296' }, 'seed'],
    ['a response of the wrong shape', { responses: { 'ltv-and-clv': { choice: 1 } } }, 'responses.ltv-and-clv'],
    ['a response too long', { responses: { 'nakamura-clv': '1'.repeat(101) } }, 'responses.nakamura-clv'],
    ['no count', { count: undefined }, 'count'],
  ])('grade answers 400 for %s', async (_case, change, field) => {
    const { status, json } = await client([sample]).post('grade', { ...reference, responses: {}, ...change });
    expect(status).toBe(400);
    expect(Object.keys(json['fieldErrors'] as object)).toContain(field);
  });

  it('grades the whole attempt: all right scores 100% and passes; empty scores 0 and fails', async () => {
    const api = client([sample]);
    const right = await api.post('grade', { ...reference, responses: perfect });
    expect(right.status).toBe(200);
    expect(right.json['result']).toMatchObject({ percentage: 100, passed: true, total: sample.questions.length, lesson: 'clv-formula', seed, mode: 'practice' });
    const empty = await api.post('grade', { ...reference, responses: {} });
    expect(empty.json['result']).toMatchObject({ total: 0, passed: false });
  });

  it('re-grades deterministically: a replayed body gives the same result, equal to grading the re-created attempt', async () => {
    const api = client([sample]);
    const responses = { ...perfect, 'three-factors': [0, 1], 'nakamura-clv': '２０，０００円' };
    const first = await api.post('grade', { ...reference, responses });
    const replay = await api.post('grade', { ...reference, responses });
    expect(replay.json).toEqual(first.json);
    expect(first.json['result']).toEqual(JSON.parse(JSON.stringify(grade(attempt, key, responses, 'ja'))));
  });

  it('check and grade agree question by question, in either language', async () => {
    const api = client([sample]);
    const responses: Record<string, unknown> = { ...perfect, 'nakamura-clv': '5000', 'ltv-and-clv': true };
    const graded = (await api.post('grade', { ...reference, locale: 'en', responses })).json['result'] as { questions: { questionId: string; points: number }[] };
    for (const question of graded.questions) {
      const checked = (await api.post('check', { ...reference, questionId: question.questionId, response: responses[question.questionId] })).json['result'] as { points: number };
      expect(checked.points, question.questionId).toBe(question.points);
    }
  });
});
