/**
 * Bodies of the learner API (assigned tests). The browser imports only the inferred types.
 */
import { z } from 'zod';
import { LOCALES } from '../../lib/i18n/locales.ts';

/** More than any attempt holds. */
export const MAX_RESPONSES = 50;

export const idSchema = z.uuid({ error: 'not a valid id' });

const questionId = z.string().max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a question id');

import { responseSchema } from '../../lib/quiz/response.ts';

export const startAttemptBodySchema = z.strictObject({
  assignmentId: idSchema,
  /** Language of the questions and of the feedback. */
  locale: z.enum(LOCALES).default('ja'),
});

export const submitBodySchema = z.strictObject({
  /**
   * Made by the browser once per submission and kept with it in its queue: sending it again
   * (a retry after a lost reply) returns the stored result instead of grading twice.
   */
  clientSubmissionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected 8 to 64 letters, digits, - or _'),
  /** Answers by question id; a question left out scores 0. */
  responses: z.record(questionId, responseSchema).refine((value) => Object.keys(value).length <= MAX_RESPONSES, 'too many responses'),
  /** When the learner pressed submit (ISO), if the submission waited in the offline queue. */
  answeredAt: z.iso.datetime({ offset: true }).optional(),
});

export const attemptParamsSchema = z.object({ id: idSchema });

export type StartAttemptBody = z.output<typeof startAttemptBodySchema>;
export type StartAttemptRequest = z.input<typeof startAttemptBodySchema>;
export type SubmitBody = z.output<typeof submitBodySchema>;
export type SubmitRequest = z.input<typeof submitBodySchema>;
