import { describe, expect, it } from 'vitest';
import { buildAttempt } from '../../../src/lib/quiz/attempt.ts';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import { hashString } from '../../../src/lib/quiz/random.ts';
import { learnerView } from '../../../src/lib/quiz/view.ts';
import { miniBank, sampleBank } from './helpers.ts';

const bank = sampleBank();
const ids = (attempt: ReturnType<typeof buildAttempt>) => attempt.questions.map((item) => item.question.id);

describe('buildAttempt: fully described by (bank, seed, options)', () => {
  it('gives the same attempt, view and key for the same seed', () => {
    const options = { seed: 20240601, mode: 'test', count: 6 } as const;
    const first = buildAttempt(bank, options);
    const again = buildAttempt(structuredClone(bank), options);
    expect(again).toEqual(first);
    expect(learnerView(again, 'ja')).toEqual(learnerView(first, 'ja'));
    expect(answerKey(again)).toEqual(answerKey(first));
  });

  it('survives a JSON round trip (storable, re-gradable elsewhere)', () => {
    const attempt = buildAttempt(bank, { seed: 7, mode: 'practice' });
    expect(JSON.parse(JSON.stringify(attempt))).toEqual(attempt);
  });

  it('differs between seeds: questions, option orders or drawn numbers', () => {
    const attempts = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(buildAttempt(bank, { seed, mode: 'practice' })));
    expect(new Set(attempts).size).toBe(attempts.length);
    // Same questions, still a different instance: every question is drawn, so only shuffles and numbers differ.
    const all = { mode: 'practice', count: bank.questions.length } as const;
    expect(buildAttempt(bank, { seed: 1, ...all })).not.toEqual(buildAttempt(bank, { seed: 2, ...all }));
  });

  it('draws 5 questions by default, balanced across concepts', () => {
    const concepts = new Set(bank.questions.map((question) => question.concept));
    for (let seed = 0; seed < 50; seed++) {
      const attempt = buildAttempt(bank, { seed, mode: 'practice' });
      expect(attempt.questions).toHaveLength(5);
      const drawn = attempt.questions.map((item) => item.question.concept);
      // 6 concepts, 5 questions: never the same concept twice.
      expect(new Set(drawn).size).toBe(Math.min(5, concepts.size));
      expect(new Set(ids(attempt)).size).toBe(5);
    }
  });

  it('takes every concept once before any concept twice (practice keeps the draw order)', () => {
    for (let seed = 0; seed < 30; seed++) {
      const concepts = buildAttempt(bank, { seed, mode: 'practice', count: 9 }).questions.map((item) => item.question.concept);
      expect(new Set(concepts.slice(0, 6)).size).toBe(6);
      expect(new Set(concepts).size).toBe(6);
    }
  });

  it('caps the count at the pool and sorts a test from easy to hard', () => {
    const attempt = buildAttempt(bank, { seed: 3, mode: 'test', count: 100 });
    expect(attempt.questions).toHaveLength(bank.questions.length);
    const difficulties = attempt.questions.map((item) => item.question.difficulty);
    expect(difficulties).toEqual(difficulties.slice().sort((a, b) => a - b));
  });

  it('restricts the draw to questionIds (a review session), all of them by default', () => {
    const attempt = buildAttempt(bank, { seed: 9, mode: 'practice', questionIds: ['discount-one-year', 'three-factors'] });
    expect(ids(attempt).sort()).toEqual(['discount-one-year', 'three-factors']);
    expect(attempt.questionIds).toEqual(['discount-one-year', 'three-factors']);
    expect(() => buildAttempt(bank, { seed: 9, mode: 'practice', questionIds: ['nope'] })).toThrow(/question "nope" is not in the bank of lesson clv-formula/);
  });

  it('gives a question the same instance whatever else is drawn (per-question generator)', () => {
    const alone = buildAttempt(bank, { seed: 11, mode: 'practice', questionIds: ['gross-profit-clv-garage'] });
    const all = buildAttempt(bank, { seed: 11, mode: 'practice', count: bank.questions.length });
    const inAll = all.questions.find((item) => item.question.id === 'gross-profit-clv-garage');
    expect(inAll).toEqual(alone.questions[0]);
  });

  it('shuffles options as a permutation and never shows ordering steps already in order', () => {
    const mini = miniBank();
    let shuffledSomewhere = false;
    for (let seed = 0; seed < 200; seed++) {
      const attempt = buildAttempt(mini, { seed, mode: 'practice', count: 8 });
      for (const { question, order } of attempt.questions) {
        if (question.type === 'ordering') {
          expect(order.slice().sort()).toEqual(question.steps.map((step) => step.id).sort());
          expect(order).not.toEqual(question.steps.map((step) => step.id));
        }
        if (question.type === 'multiple') {
          expect(order.slice().sort()).toEqual(question.options.map((option) => option.id).sort());
          if (order.join() !== 'a,b,c,d,e') shuffledSomewhere = true;
        }
      }
    }
    expect(shuffledSomewhere).toBe(true);
  });

  it('draws calculated parameters on their grid', () => {
    const mini = miniBank();
    for (let seed = 0; seed < 100; seed++) {
      const item = buildAttempt(mini, { seed, mode: 'practice', questionIds: ['c1'] }).questions[0]!;
      const { price, frequency, years, margin } = item.parameters;
      expect(price! % 500).toBe(0);
      expect(price).toBeGreaterThanOrEqual(3000);
      expect(price).toBeLessThanOrEqual(9000);
      expect(Number.isInteger(frequency) && frequency! >= 2 && frequency! <= 12).toBe(true);
      expect(Number.isInteger(years) && years! >= 2 && years! <= 8).toBe(true);
      expect([0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]).toContain(margin);
    }
  });

  it.each([-1, 1.5, 2 ** 32, Number.NaN])('refuses the seed %s', (seed) => {
    expect(() => buildAttempt(bank, { seed, mode: 'practice' })).toThrow(/seed must be an integer/);
  });

  it('refuses a count below 1', () => {
    expect(() => buildAttempt(bank, { seed: 1, mode: 'practice', count: 0 })).toThrow(/count must be an integer >= 1/);
  });

  it('hashes strings the same way everywhere (FNV-1a test vectors)', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });
});
