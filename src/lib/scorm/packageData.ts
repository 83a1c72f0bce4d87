import type { Locale } from '../i18n/locales.ts';
import { DEFAULT_QUESTION_COUNT } from '../quiz/attempt.ts';
import type { Bank } from '../quiz/schema.ts';

/**
 * What the launch page hands its runtime (a JSON script element): the lessons' narration and the
 * question banks, answers included. Inside an LMS there is no server to grade, so the key ships
 * in the package, as in every SCORM quiz; each attempt draws new variants from the banks.
 */
export interface PackageData {
  moduleId: string;
  locale: Locale;
  title: string;
  /** Pass mark of the module test in percent, unless the LMS sets its own mastery score. */
  masteryPercent: number;
  /** Questions drawn from each lesson's bank per test attempt. */
  questionsPerLesson: number;
  lessons: {
    id: string;
    title: string;
    /** The rendered narration, relative to the launch page, when it was in public/audio. */
    audio?: string;
    /** Sentences for the browser's speech when there is no rendered audio. */
    speech: string[];
  }[];
  banks: Bank[];
}

/** Two questions per lesson: a six-lesson module gives a twelve-question test. */
export const QUESTIONS_PER_LESSON = 2;

/**
 * A trainer's module often has one or two lessons: two questions each would make a test too short
 * to mean anything, so its lessons give more, up to the app's own lesson test length (5), for a
 * module test of about the built-in twelve questions.
 */
export function customQuestionsPerLesson(lessonCount: number): number {
  return Math.min(DEFAULT_QUESTION_COUNT, Math.max(QUESTIONS_PER_LESSON, Math.ceil(12 / Math.max(1, lessonCount))));
}

/** The strictest lesson's pass mark: passing the module test never means less than a lesson test. */
export function modulePassMark(banks: readonly Pick<Bank, 'passMark'>[], fallback = 0.8): number {
  return banks.length === 0 ? fallback : Math.max(...banks.map((bank) => bank.passMark));
}
