import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttempt } from '../../../src/lib/quiz/attempt.ts';
import { formatWithUnit } from '../../../src/lib/quiz/display.ts';
import { grade, gradeQuestion } from '../../../src/lib/quiz/grade.ts';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import type { Question } from '../../../src/lib/quiz/schema.ts';
import { multipleChoiceScore, orderingScore, readNumber, withinTolerance } from '../../../src/lib/quiz/score.ts';
import { miniBank, sampleBank } from './helpers.ts';

const banks = [sampleBank(), miniBank()];
const seed = fc.integer({ min: 0, max: 0xffffffff });
const locale = fc.constantFrom('ja' as const, 'en' as const);
// Anything a browser could post, plus answers of the right shapes.
const response = fc.oneof(
  fc.anything(),
  fc.integer({ min: -2, max: 8 }),
  fc.array(fc.integer({ min: -2, max: 8 }), { maxLength: 10 }),
  fc.boolean(),
  fc.string(),
  fc.double(),
);

describe('properties', () => {
  it('scores stay within 0..max, per question and in total, whatever the responses', () => {
    fc.assert(
      fc.property(fc.constantFrom(...banks), seed, locale, fc.array(response, { minLength: 12, maxLength: 12 }), (bank, s, l, answers) => {
        const attempt = buildAttempt(bank, { seed: s, mode: 'test', count: bank.questions.length });
        const responses = Object.fromEntries(attempt.questions.map((item, i) => [item.question.id, answers[i]]));
        const result = grade(attempt, answerKey(attempt), responses, l);
        for (const question of result.questions) {
          expect(question.points).toBeGreaterThanOrEqual(0);
          expect(question.points).toBeLessThanOrEqual(question.maxPoints);
        }
        expect(result.total).toBeGreaterThanOrEqual(0);
        expect(result.total).toBeLessThanOrEqual(result.max);
        expect(result.percentage).toBeGreaterThanOrEqual(0);
        expect(result.percentage).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });

  // The same logical answer (bank option / step ids) gets the same points under any shuffle.
  const shuffledTypes = banks.flatMap((bank) =>
    bank.questions.filter((question) => ['single', 'multiple', 'scenario', 'ordering'].includes(question.type)).map((question) => ({ bank, question })),
  );
  const ids = (question: Question) => ('options' in question ? question.options.map((o) => o.id) : question.type === 'ordering' ? question.steps.map((s) => s.id) : []);

  it('grading is invariant to option and step shuffling', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...shuffledTypes).chain(({ bank, question }) =>
          fc.record({
            bank: fc.constant(bank),
            question: fc.constant(question),
            // A subset for choices, a permutation for ordering.
            answer: question.type === 'ordering' ? fc.shuffledSubarray(ids(question), { minLength: ids(question).length }) : fc.subarray(ids(question)),
            seeds: fc.tuple(seed, seed),
          }),
        ),
        ({ bank, question, answer, seeds }) => {
          const points = seeds.map((s) => {
            const attempt = buildAttempt(bank, { seed: s, mode: 'practice', questionIds: [question.id] });
            const item = attempt.questions[0]!;
            const positions = answer.map((id) => item.order.indexOf(id));
            const raw = question.type === 'single' || question.type === 'scenario' ? positions[0] : positions;
            return gradeQuestion(item, answerKey(attempt).questions[0]!, bank.lesson, raw, 'ja').points;
          });
          expect(points[0]).toBe(points[1]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('multiple select: adding a right option never lowers the score, adding a wrong one never raises it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 8 }), fc.uniqueArray(fc.integer({ min: 0, max: 7 })), (correct, chosen) => {
        const base = multipleChoiceScore(chosen, correct);
        expect(base).toBeGreaterThanOrEqual(0);
        expect(base).toBeLessThanOrEqual(1);
        for (let position = 0; position < 8; position++) {
          if (chosen.includes(position)) continue;
          const more = multipleChoiceScore([...chosen, position], correct);
          if (correct.includes(position)) expect(more).toBeGreaterThanOrEqual(base);
          else expect(more).toBeLessThanOrEqual(base);
        }
        expect(multipleChoiceScore(correct, correct)).toBe(1);
      }),
    );
  });

  it('ordering: the right order scores 1, any order stays in 0..1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }).chain((n) => fc.tuple(fc.shuffledSubarray([...Array(n).keys()], { minLength: n }), fc.shuffledSubarray([...Array(n).keys()], { minLength: n }))), ([correct, order]) => {
        expect(orderingScore(correct, correct)).toBe(1);
        const share = orderingScore(order, correct);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a yen amount written by Intl (ja, en) or in full-width digits reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), locale, (value, l) => {
        expect(readNumber(formatWithUnit(l, '¥', value), '¥')).toEqual({ ok: true, value });
        const fullWidth = `${value.toLocaleString('en-US').replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}円`;
        expect(readNumber(fullWidth, '¥')).toEqual({ ok: true, value });
      }),
    );
  });

  it('an answer is always within its own tolerance, and the tolerance is symmetric', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.oneof(fc.record({ absolute: fc.double({ min: 0, max: 1e6, noNaN: true }) }), fc.record({ relative: fc.double({ min: 0, max: 0.5, noNaN: true }) })),
        (answer, value, tolerance) => {
          expect(withinTolerance(answer, answer, tolerance)).toBe(true);
          if ('absolute' in tolerance) expect(withinTolerance(value, answer, tolerance)).toBe(withinTolerance(2 * answer - value, answer, tolerance));
        },
      ),
    );
  });
});
