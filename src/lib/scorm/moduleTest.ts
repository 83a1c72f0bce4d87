/**
 * The module test inside a package: a few questions from each lesson's bank, drawn with a fresh
 * seed per attempt (new option orders, new numbers in calculated questions), graded in the
 * browser with the same grader the server uses.
 */
import type { Locale } from '../i18n/locales.ts';
import { answerKey, buildAttempt, grade, learnerView, type Attempt, type GradeResult, type LearnerQuestion, type Responses } from '../quiz/index.ts';
import type { Bank } from '../quiz/schema.ts';

export interface ModuleTestQuestion {
  /** `<lesson>/<question id>`: question ids are unique per bank only. */
  key: string;
  lesson: string;
  view: LearnerQuestion;
}

export interface ModuleTest {
  seed: number;
  attempts: Attempt[];
  questions: ModuleTestQuestion[];
}

export function drawModuleTest(banks: readonly Bank[], seed: number, perLesson: number, locale: Locale): ModuleTest {
  const attempts = banks.map((bank) => buildAttempt(bank, { seed, mode: 'test', count: perLesson }));
  const questions = attempts.flatMap((attempt) =>
    learnerView(attempt, locale).questions.map((view) => ({ key: `${attempt.lesson}/${view.id}`, lesson: attempt.lesson, view })),
  );
  // Numbered through the whole module test, not per lesson.
  questions.forEach((question, i) => (question.view = { ...question.view, number: i + 1 }));
  return { seed, attempts, questions };
}

export interface ModuleTestResult {
  lessons: GradeResult[];
  total: number;
  max: number;
  /** 0..100, rounded to two decimals (what cmi.core.score.raw receives). */
  percent: number;
}

/** Responses by `<lesson>/<question id>`; unanswered questions score 0. */
export function gradeModuleTest(test: ModuleTest, responses: Readonly<Record<string, unknown>>, locale: Locale): ModuleTestResult {
  const lessons = test.attempts.map((attempt) => {
    const own: Record<string, unknown> = {};
    for (const item of attempt.questions) {
      const key = `${attempt.lesson}/${item.question.id}`;
      if (Object.hasOwn(responses, key)) own[item.question.id] = responses[key];
    }
    return grade(attempt, answerKey(attempt), own as Responses, locale);
  });
  const total = lessons.reduce((sum, result) => sum + result.total, 0);
  const max = lessons.reduce((sum, result) => sum + result.max, 0);
  return { lessons, total, max, percent: max === 0 ? 0 : Math.round((total / max) * 10000) / 100 };
}
