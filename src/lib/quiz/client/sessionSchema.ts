import * as z from 'zod/mini';
import type { PracticeGradeResult, PracticeQuestionResult } from '../reveal.ts';
import type { QuestionType, Unit } from '../schema.ts';
import type { LearnerQuestion, LearnerView } from '../view.ts';

/**
 * The stored shape of a quiz in progress (and of its result once graded), read back from
 * localStorage. zod/mini: it ships with the quiz island. The lists of types and units are
 * repeated here instead of imported, because schema.ts brings full zod; `satisfies` below keeps
 * them in step with the engine's types.
 */
const QUESTION_TYPES = ['single', 'multiple', 'true-false', 'numeric', 'ordering', 'scenario', 'calculated'] as const satisfies readonly QuestionType[];
const UNITS = ['¥', '%', '回', '年', 'か月', '倍'] as const satisfies readonly Unit[];
const localeSchema = z.enum(['ja', 'en']);
const modeSchema = z.enum(['practice', 'test']);

const learnerQuestionSchema = z.object({
  id: z.string(),
  number: z.number(),
  type: z.enum(QUESTION_TYPES),
  difficulty: z.number(),
  points: z.number(),
  prompt: z.string(),
  situation: z.optional(z.string()),
  instructions: z.string(),
  options: z.optional(z.array(z.object({ label: z.string(), text: z.string() }))),
  steps: z.optional(z.array(z.object({ text: z.string() }))),
  labels: z.optional(z.object({ true: z.string(), false: z.string() })),
  unit: z.optional(z.enum(UNITS)),
  unitLabel: z.optional(z.string()),
});

export const learnerViewSchema = z.object({
  lesson: z.string(),
  mode: modeSchema,
  locale: localeSchema,
  /** Optional: sessions saved before it existed are still resumed. */
  contentLang: z.optional(localeSchema),
  passMark: z.number(),
  maxPoints: z.number(),
  questions: z.array(learnerQuestionSchema).check(z.minLength(1)),
});

/** Feedback with the key (an answered question) or without it (unanswered: only the section to read). */
const feedbackSchema = z.union([
  z.object({
    learnerAnswer: z.nullable(z.string()),
    correctAnswer: z.string(),
    explanation: z.string(),
    mistakeExplanations: z.array(z.string()),
    section: z.string(),
    sectionHref: z.string(),
  }),
  z.object({ keyWithheld: z.literal(true), learnerAnswer: z.null(), section: z.string(), sectionHref: z.string() }),
]);

export const questionResultSchema = z.object({
  questionId: z.string(),
  type: z.enum(QUESTION_TYPES),
  concept: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  correct: z.boolean(),
  answered: z.boolean(),
  feedback: feedbackSchema,
});

export const gradeResultSchema = z.object({
  lesson: z.string(),
  attemptId: z.string(),
  mode: modeSchema,
  questions: z.array(questionResultSchema),
  total: z.number(),
  max: z.number(),
  percentage: z.number(),
  passMark: z.number(),
  passed: z.boolean(),
});

const responseSchema = z.union([z.number(), z.boolean(), z.string(), z.array(z.number())]);

/** One quiz, from the first question to its result. */
export const quizSessionSchema = z.object({
  /** The id of the attempt stored on the server (not its seed, which never leaves the server). */
  attemptId: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)),
  lesson: z.string(),
  locale: localeSchema,
  mode: modeSchema,
  /** The count the server drew with ("the same again" asks for it). */
  count: z.number(),
  /** Set for reviews and "retake the missed ones". */
  questionIds: z.optional(z.array(z.string())),
  view: learnerViewSchema,
  /** Answers so far, by question id. */
  responses: z.record(z.string(), responseSchema),
  /** Index of the question on screen. */
  current: z.number().check(z.int(), z.minimum(0)),
  /** Practice: feedback of the questions already checked, by id. */
  checked: z.record(z.string(), questionResultSchema),
  startedAt: z.string(),
  /** The graded result, once submitted. */
  result: z.optional(gradeResultSchema),
  gradedAt: z.optional(z.string()),
});
export type QuizSession = z.infer<typeof quizSessionSchema>;

// Compile-time checks that the stored shapes are the engine's shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof learnerQuestionSchema>, LearnerQuestion>,
  Same<z.infer<typeof learnerViewSchema>, LearnerView>,
  Same<z.infer<typeof questionResultSchema>, PracticeQuestionResult>,
  Same<z.infer<typeof gradeResultSchema>, PracticeGradeResult>,
] = [true, true, true, true];
void sameShapes;
