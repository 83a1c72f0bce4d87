/**
 * Reading the attempt history: the record kept of a graded attempt, and its answers in time order
 * for the mastery (mastery.ts) and review (review.ts) rules. The stored format and its zod/mini
 * schema are in recordSchema.ts, apart, so importing the quiz API does not bring zod along.
 */
import type { GradeResult, QuestionResult } from './grade.ts';
import type { AttemptRecord } from './recordSchema.ts';

export type { AnswerRecord, AttemptRecord } from './recordSchema.ts';

/** What a record is made of: a graded attempt, named by its attempt id (self-study) or its seed. */
export type GradedAttempt = Pick<GradeResult, 'lesson' | 'mode' | 'total' | 'max' | 'passed'> & {
  attemptId?: string;
  seed?: number;
  questions: readonly Pick<QuestionResult, 'questionId' | 'concept' | 'points' | 'maxPoints'>[];
};

/** The record of a graded attempt. */
export function recordFromGrade(result: GradedAttempt, completedAt: Date | string): AttemptRecord {
  return {
    lesson: result.lesson,
    mode: result.mode,
    ...(result.attemptId === undefined ? {} : { attemptId: result.attemptId }),
    ...(result.seed === undefined ? {} : { seed: result.seed }),
    completedAt: typeof completedAt === 'string' ? completedAt : completedAt.toISOString(),
    total: result.total,
    max: result.max,
    passed: result.passed,
    answers: result.questions.map(({ questionId, concept, points, maxPoints }) => ({ questionId, concept, points, maxPoints })),
  };
}

/** One answer with its time, as the mastery and review rules read the history. */
export interface TimedAnswer {
  lesson: string;
  questionId: string;
  concept: string;
  /** points / maxPoints, 0..1. */
  share: number;
  /** completedAt in ms since the epoch. */
  at: number;
}

/** Full points, allowing for the rounding of summed fractions. */
export function isFullCredit(share: number): boolean {
  return share >= 1 - 1e-9;
}

/** Every answer of the history, oldest first (ties keep history order); unreadable dates are skipped. */
export function timedAnswers(history: readonly AttemptRecord[]): TimedAnswer[] {
  const answers: TimedAnswer[] = [];
  for (const record of history) {
    const at = Date.parse(record.completedAt);
    if (Number.isNaN(at)) continue;
    for (const answer of record.answers) {
      const share = answer.maxPoints > 0 ? Math.min(1, Math.max(0, answer.points / answer.maxPoints)) : 0;
      answers.push({ lesson: record.lesson, questionId: answer.questionId, concept: answer.concept, share, at });
    }
  }
  return answers.sort((a, b) => a.at - b.at);
}

/** A time given as Date, ms or ISO string, in ms. */
export function toMillis(time: Date | number | string): number {
  return typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : time.getTime();
}
