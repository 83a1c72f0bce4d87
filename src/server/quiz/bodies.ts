import { z } from 'zod';
import { LOCALES } from '../../lib/i18n/locales.ts';

/**
 * Bodies of the self-study quiz endpoints (POST /api/quiz/attempt | check | grade). Strict
 * objects: an unknown field is a mistake worth reporting, not something to ignore. Limits keep a
 * hostile body small (a bank holds a few dozen questions; nobody answers with a novel).
 * Server-only (full zod, for its messages); the browser imports the inferred types only.
 */

/** The most questions one attempt may ask for: more than any bank holds. */
export const MAX_QUESTIONS = 50;

const slug = z.string().max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an id such as clv-formula');

/** The lesson whose bank is used. */
const lesson = slug;
/** Language of the texts and the feedback. */
const locale = z.enum(LOCALES);
/** practice: feedback per question; test: feedback after submitting. */
const mode = z.enum(['practice', 'test']);
/** Number of questions; capped by the pool. */
const count = z.int().min(1).max(MAX_QUESTIONS);
/** Restrict the draw to these questions (a review, or "retake the ones I missed"). */
const questionIds = z.array(slug).min(1).max(MAX_QUESTIONS);

/** The attempt id handed out by /api/quiz/attempt: the seed, an integer in 0..2^32-1, as a string. */
const seed = z
  .string()
  .regex(/^\d{1,10}$/, 'expected the attemptId returned by /api/quiz/attempt')
  .transform(Number)
  .refine((value) => value <= 0xffffffff, 'attemptId out of range');

import { responseSchema } from '../../lib/quiz/response.ts';

export const attemptBodySchema = z.strictObject({ lesson, mode, count: count.optional(), questionIds: questionIds.optional(), locale });

/** What re-creates an attempt on the server: the bank (lesson), the seed and the draw options. */
const attemptReference = { lesson, seed, mode, count, questionIds: questionIds.optional(), locale };

export const checkBodySchema = z.strictObject({
  ...attemptReference,
  /** The question to grade now (practice mode). */
  questionId: slug,
  response: responseSchema,
});

export const gradeBodySchema = z.strictObject({
  ...attemptReference,
  /** Answers by question id; a question left out scores 0. */
  responses: z.record(slug, responseSchema).refine((value) => Object.keys(value).length <= MAX_QUESTIONS, 'too many responses'),
});

export type AttemptBody = z.output<typeof attemptBodySchema>;
export type CheckBody = z.output<typeof checkBodySchema>;
export type GradeBody = z.output<typeof gradeBodySchema>;
/** The bodies as the browser sends them (seed as the attemptId string). */
export type AttemptRequest = z.input<typeof attemptBodySchema>;
export type CheckRequest = z.input<typeof checkBodySchema>;
export type GradeRequest = z.input<typeof gradeBodySchema>;

