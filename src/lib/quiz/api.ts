/**
 * The self-study quiz API (POST /api/quiz/attempt | check | grade): the request bodies as zod
 * schemas, the single source of truth the server validates with, and the shapes of the answers.
 * Strict objects: an unknown field is a mistake worth reporting, not something to ignore. Limits
 * keep a hostile body small. The browser imports the types only (`import type`), so no zod ships
 * with the quiz island.
 *
 * An attempt lives on the server: `attempt` stores it and answers with its id, a random UUID;
 * `check` and `grade` name that id and nothing else of the attempt (lesson, seed, mode and
 * questions come from the stored row), so a client cannot make up an attempt to read its key.
 */
import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';
import type { PracticeGradeResult, PracticeQuestionResult } from './reveal.ts';
import { responseSchema } from './response.ts';
import type { LearnerView } from './view.ts';

export type { PracticeGradeResult, PracticeQuestionResult, WithheldFeedback } from './reveal.ts';

/** The most questions one attempt may ask for: more than any bank holds. */
export const MAX_QUESTIONS = 50;

const slug = z.string().max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an id such as clv-formula');

/** The id handed out by /api/quiz/attempt. */
const attemptId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected the attemptId returned by /api/quiz/attempt');

export const attemptBodySchema = z.strictObject({
  /** The lesson whose bank is used. */
  lesson: slug,
  /** practice: feedback per question; test: feedback after submitting. */
  mode: z.enum(['practice', 'test']),
  /** Number of questions; capped by the questions self-study may ask. */
  count: z.int().min(1).max(MAX_QUESTIONS).optional(),
  /** Restrict the draw to these questions (a review, or "retake the ones I missed"). */
  questionIds: z.array(slug).min(1).max(MAX_QUESTIONS).optional(),
  /** Language of the texts and the feedback. */
  locale: z.enum(LOCALES),
});

export const checkBodySchema = z.strictObject({
  attemptId,
  /** The question to grade now (practice mode); its first answer is kept and counts. */
  questionId: slug,
  /** The answer; null (skipped) cannot be checked. */
  response: responseSchema.refine((value) => value !== null, 'expected an answer to check'),
});

export const gradeBodySchema = z.strictObject({
  attemptId,
  /** Answers by question id; a question left out scores 0. A question answered before keeps its first answer. */
  responses: z.record(slug, responseSchema).refine((value) => Object.keys(value).length <= MAX_QUESTIONS, 'too many responses'),
});

export type AttemptBody = z.output<typeof attemptBodySchema>;
export type CheckBody = z.output<typeof checkBodySchema>;
export type GradeBody = z.output<typeof gradeBodySchema>;
/** The bodies as the browser sends them. */
export type AttemptRequest = z.input<typeof attemptBodySchema>;
export type CheckRequest = z.input<typeof checkBodySchema>;
export type GradeRequest = z.input<typeof gradeBodySchema>;

/** The answer to `attempt`. */
export interface AttemptStarted {
  /** The stored attempt's id: send it with every answer. Says nothing of the seed. */
  attemptId: string;
  /** The count the attempt was drawn with (default resolved): "the same again" asks for it. */
  count: number;
  view: LearnerView;
}

/** The answer to `check`. */
export interface CheckAnswered {
  result: PracticeQuestionResult;
  /** The question had been checked before: this is the grading of its first answer. */
  repeated: boolean;
}

/** The answer to `grade`. */
export interface GradeAnswered {
  result: PracticeGradeResult;
  /** The attempt had been graded before: this is the stored grading, the answers sent now were not used. */
  alreadyGraded: boolean;
}
