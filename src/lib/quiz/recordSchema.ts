import * as z from 'zod/mini';

/**
 * What is kept of a graded attempt: scores per question, no texts, so a learner's history stays
 * small in localStorage and in the database. Mastery (mastery.ts) and the review queue (review.ts)
 * are both computed from this history, never stored, so a rule change applies to old attempts too.
 * zod/mini: this schema ships to the browser with the progress store. It lives in its own module
 * (not re-exported by index.ts) so that pages using only the quiz API do not bundle zod.
 */

/** One answered question. */
export const answerRecordSchema = z.object({
  /** Question id, stable within its lesson's bank. */
  questionId: z.string(),
  /** The question's concept tag at the time of the attempt. */
  concept: z.string(),
  /** Points earned, 0..maxPoints. */
  points: z.number().check(z.minimum(0)),
  /** Points available, > 0. */
  maxPoints: z.number().check(z.positive()),
});
export type AnswerRecord = z.infer<typeof answerRecordSchema>;

/** One graded attempt. */
export const attemptRecordSchema = z.object({
  /** Lesson id of the bank. */
  lesson: z.string(),
  mode: z.enum(['practice', 'test']),
  /** Id of the self-study attempt on the server (records kept since attempts are stored there). */
  attemptId: z.optional(z.string()),
  /** Seed of the attempt: older self-study records, and assigned attempts as the trainer's views build them. */
  seed: z.optional(z.number()),
  /** When it was graded (ISO timestamp). */
  completedAt: z.string(),
  /** Points earned and available. */
  total: z.number(),
  max: z.number(),
  passed: z.boolean(),
  answers: z.array(answerRecordSchema),
});
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;
