/**
 * What self-study shows of a graded question. A question's key (the right answer, the
 * explanation, why the wrong options are wrong) is revealed only once that question was answered
 * in the attempt: an attempt submitted empty must not turn into a free answer sheet. An unanswered
 * question keeps only the way back to its lesson section.
 */
import type { GradeResult, QuestionFeedback, QuestionResult } from './grade.ts';

/** Feedback of a question not answered in its attempt: nothing of the key, only the section to read. */
export interface WithheldFeedback {
  /** Marks the key as withheld (the question was not answered). */
  keyWithheld: true;
  learnerAnswer: null;
  section: string;
  sectionHref: string;
}

/** One graded question as self-study sends it. */
export interface PracticeQuestionResult extends Omit<QuestionResult, 'feedback'> {
  feedback: QuestionFeedback | WithheldFeedback;
}

/** A graded self-study attempt: named by its attempt id, never by its seed (the seed stays on the server). */
export interface PracticeGradeResult extends Omit<GradeResult, 'seed' | 'questions'> {
  attemptId: string;
  questions: PracticeQuestionResult[];
}

export function isKeyShown(feedback: QuestionFeedback | WithheldFeedback): feedback is QuestionFeedback {
  return !('keyWithheld' in feedback);
}

/** The question's result with its key only when it was answered. */
export function revealAnswered(result: QuestionResult): PracticeQuestionResult {
  if (result.answered) return result;
  const { feedback, ...rest } = result;
  return { ...rest, feedback: { keyWithheld: true, learnerAnswer: null, section: feedback.section, sectionHref: feedback.sectionHref } };
}

/** A graded attempt as self-study sends it: no seed, keys of answered questions only. */
export function practiceResult(result: GradeResult, attemptId: string): PracticeGradeResult {
  const { seed: _seed, questions, ...rest } = result;
  return { ...rest, attemptId, questions: questions.map(revealAnswered) };
}
