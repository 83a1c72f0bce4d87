/**
 * The lib side of trustworthy scores: assessment-only questions (schema, bank checks, the course's
 * banks), re-creating a stored attempt, withholding the key of unanswered questions, and assigned
 * tests that differ per attempt (shuffled options, drawn numbers) so a shared answer sheet does not fit.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attemptOf, buildAttempt, DEFAULT_QUESTION_COUNT, isPracticeQuestion } from '../../../src/lib/quiz/attempt.ts';
import { checkBank } from '../../../src/lib/quiz/check.ts';
import { grade } from '../../../src/lib/quiz/grade.ts';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import { isKeyShown, practiceResult } from '../../../src/lib/quiz/reveal.ts';
import { questionSchema, type Bank } from '../../../src/lib/quiz/schema.ts';
import { drawTest } from '../../../src/server/learner/grading.ts';
import { loadBank, miniBank, repoRoot, sampleBank, walk } from './helpers.ts';

const quizzesDir = path.join(repoRoot, 'src/content/quizzes');
const courseBanks = readdirSync(quizzesDir)
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => loadBank(path.join(quizzesDir, file)));

/** The mini bank with these questions marked assessment-only. */
function withAssessmentOnly(ids: readonly string[]): Bank {
  const bank = miniBank();
  return { ...bank, questions: bank.questions.map((question) => (ids.includes(question.id) ? { ...question, assessmentOnly: true } : question)) };
}

describe('assessment-only questions', () => {
  const base = miniBank().questions[0]!;

  it.each([
    ['absent (self-study may ask it)', {}, true],
    ['false', { assessmentOnly: false }, true],
    ['true', { assessmentOnly: true }, false],
  ])('a question with assessmentOnly %s: isPracticeQuestion says so', (_case, field, practice) => {
    const parsed = questionSchema.parse({ ...base, ...field });
    expect(isPracticeQuestion(parsed)).toBe(practice);
  });

  it('refuses anything but a boolean', () => {
    const parsed = questionSchema.safeParse({ ...base, assessmentOnly: 'yes' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['assessmentOnly']);
  });

  const check = (ids: readonly string[]) =>
    checkBank(withAssessmentOnly(ids), { lessonObjectivesCount: 1, file: 'tests/unit/quiz/fixtures/mini.yaml', samples: 5 }).map((problem) => problem.message);

  it.each([
    ['one of two questions of a concept', ['n2'], []],
    ['the only question of a concept', ['s1'], ['every question of concept c-single is assessmentOnly: keep one for self-study']],
  ])('checkBank: %s', (_case, ids, messages) => {
    expect(check(ids)).toEqual(messages);
  });

  it('checkBank: fewer self-study questions than a default quiz', () => {
    expect(check(['n2', 'c1', 'sc1', 'o1'])).toContain(`only 4 questions are open to self-study (not assessmentOnly): keep at least ${DEFAULT_QUESTION_COUNT}`);
  });

  describe.each(courseBanks.map((bank) => [bank.lesson, bank] as const))('the bank %s', (_lesson, bank) => {
    it('keeps some questions for assigned tests and a full default quiz plus every concept for self-study', () => {
      const practice = bank.questions.filter(isPracticeQuestion);
      expect(practice.length).toBeLessThan(bank.questions.length);
      expect(practice.length).toBeGreaterThanOrEqual(DEFAULT_QUESTION_COUNT);
      expect(new Set(practice.map((question) => question.concept))).toEqual(new Set(bank.questions.map((question) => question.concept)));
    });
  });
});

describe('attemptOf: a stored attempt again', () => {
  const bank = sampleBank();

  it('gives every question the instance buildAttempt gave it (order of options, numbers, key), in the stored order', () => {
    for (const seed of [1, 77, 4_294_967_295]) {
      const drawn = buildAttempt(bank, { seed, mode: 'test', count: 7 });
      const stored = { seed, mode: 'test' as const, questionIds: drawn.questions.map((item) => item.question.id) };
      const again = attemptOf(structuredClone(bank), stored)!;
      expect(again.questions).toEqual(drawn.questions);
      expect(answerKey(again)).toEqual(answerKey(drawn));
    }
  });

  it('is null when a stored question has left the bank', () => {
    expect(attemptOf(bank, { seed: 1, mode: 'practice', questionIds: ['what-clv-measures', 'no-longer-here'] })).toBeNull();
  });
});

describe('practiceResult: keys only for answered questions, no seed', () => {
  const bank = miniBank();
  const attempt = buildAttempt(bank, { seed: 9, mode: 'test', count: bank.questions.length });
  const key = answerKey(attempt);
  const keyTexts = key.questions.flatMap((entry) => [entry.explanation.ja, entry.explanation.en]);

  it('an empty submission scores 0 and shows no right answer, explanation or mistake', () => {
    const result = practiceResult(grade(attempt, key, {}, 'en'), 'attempt-id');
    expect(result.total).toBe(0);
    expect(Object.keys(result)).not.toContain('seed');
    for (const question of result.questions) {
      expect(isKeyShown(question.feedback)).toBe(false);
      expect(Object.keys(question.feedback).sort()).toEqual(['keyWithheld', 'learnerAnswer', 'section', 'sectionHref']);
    }
    walk(result, (_field, value) => {
      if (typeof value === 'string') for (const text of keyTexts) expect(value).not.toContain(text);
    });
  });

  it('shows the key of exactly the answered questions', () => {
    const result = practiceResult(grade(attempt, key, { s1: 0, tf1: true }, 'en'), 'attempt-id');
    const shown = result.questions.filter((question) => isKeyShown(question.feedback)).map((question) => question.questionId);
    expect(shown.sort()).toEqual(['s1', 'tf1']);
    expect(result.attemptId).toBe('attempt-id');
  });
});

describe('assigned tests differ per attempt (drawTest): a shared answer sheet does not fit another attempt', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

  describe.each(courseBanks.map((bank) => [bank.lesson, bank] as const))('bank %s', (_lesson, bank) => {
    const draws = seeds.map((seed) => drawTest(bank, seed, bank.questions.length, 0.8));
    const instances = (id: string) => draws.map((attempt) => attempt.questions.find((item) => item.question.id === id)!);

    it('shuffles the options of every choice and ordering question differently across attempts', () => {
      for (const question of bank.questions.filter((candidate) => candidate.type !== 'numeric' && candidate.type !== 'true-false' && candidate.type !== 'calculated')) {
        const orders = new Set(instances(question.id).map((item) => item.order.join(',')));
        expect(orders.size, question.id).toBeGreaterThan(1);
      }
    });

    it('draws other numbers, and so another right answer, for every calculated question', () => {
      for (const question of bank.questions.filter((candidate) => candidate.type === 'calculated')) {
        const items = instances(question.id);
        expect(new Set(items.map((item) => JSON.stringify(item.parameters))).size, question.id).toBeGreaterThan(1);
        const answers = draws.map((attempt) => answerKey(attempt).questions.find((entry) => entry.questionId === question.id)!.correct);
        expect(new Set(answers).size, question.id).toBeGreaterThan(1);
      }
    });

    it('two seeds give a different right position for some choice question', () => {
      const [first, second] = [draws[0]!, draws[1]!].map((attempt) => answerKey(attempt).questions.filter((entry) => entry.type === 'single' || entry.type === 'scenario'));
      const byId = new Map(second!.map((entry) => [entry.questionId, JSON.stringify(entry.correct)]));
      expect(first!.some((entry) => byId.get(entry.questionId) !== JSON.stringify(entry.correct))).toBe(true);
    });
  });
});
