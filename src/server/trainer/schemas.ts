/**
 * Bodies and queries of the trainer API. The browser imports only the inferred types.
 */
import { z } from 'zod';
import { LOCALES } from '../../lib/i18n/locales.ts';
import { displayTextSchema } from '../../lib/validation/schemas.ts';

export const idSchema = z.uuid({ error: 'not a valid id' });

const slug = z.string().max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an id such as clv-formula');

export const cohortBodySchema = z.strictObject({
  /** Shown to the trainer and, on the invite page, to the learners. */
  name: displayTextSchema({ max: 80, required: 'enter a name' }),
});

/** Questions per attempt a trainer may ask for. */
export const QUESTION_COUNT_RANGE = { min: 3, max: 20, default: 5 } as const;

export const assignBodySchema = z
  .strictObject({
    /** Lesson ids to assign. */
    lessons: z.array(slug).max(50).default([]),
    /** Module ids: each stands for all of its lessons that have a test. */
    modules: z.array(slug).max(10).default([]),
    /** The deadline, with its offset (the browser sends the end of the chosen day in its time zone). */
    dueAt: z.iso.datetime({ offset: true, error: 'choose a due date' }),
    /** Share of the points needed to pass, 0.1..1 (the UI asks for a percentage). */
    passMark: z.number().min(0.1, 'at least 10%').max(1, 'at most 100%'),
    questionCount: z.int().min(QUESTION_COUNT_RANGE.min).max(QUESTION_COUNT_RANGE.max).default(QUESTION_COUNT_RANGE.default),
  })
  .refine((body) => body.lessons.length + body.modules.length > 0, { path: ['lessons'], message: 'choose at least one lesson or module' });

export const cohortParamsSchema = z.object({ id: idSchema });
export const learnerParamsSchema = z.object({ id: idSchema, learnerId: idSchema });
export const assignmentParamsSchema = z.object({ id: idSchema, assignmentId: idSchema });

export const localeQuerySchema = z.object({ locale: z.enum(LOCALES).default('ja') });

export type CohortBody = z.output<typeof cohortBodySchema>;
export type AssignBody = z.output<typeof assignBodySchema>;
export type AssignRequest = z.input<typeof assignBodySchema>;
