import { z } from 'zod';
import { FORMULA_NAMES, FORMULAS } from './formulas.ts';
import {
  choiceId,
  localizedSchema,
  mistakeSchema,
  optionSchema,
  parameterSchema,
  sectionSchema,
  slug,
  stepSchema,
  toleranceSchema,
  unitSchema,
} from './schemaParts.ts';

/**
 * A question bank: one file per lesson, `src/content/quizzes/<lessonId>.yaml`, both languages in
 * the same entry. Used by the content collection at build time and by the bank tests; rules that
 * need the lesson (objectives, headings) or a computation (calculated answers) are in check.ts.
 * Refinement messages start with the question id, because Astro's build error shows only the path.
 */

/** Fields every question has. */
const common = {
  /** Stable id, unique in the bank; history and the review queue refer to it, so never reuse one. Required. */
  id: slug,
  /** Concept tag; attempts draw across concepts and mastery is tracked per concept. Required. */
  concept: slug,
  /** 1 recall, 2 apply, 3 transfer to a new case. Required. */
  difficulty: z.int().min(1).max(3),
  /** Heading ids of the lesson section the question tests, for the review link. Required. */
  section: sectionSchema,
  /** Index (0-based) of the lesson objective the question covers. Required. */
  objective: z.int().min(0),
  /** The question. Required. */
  prompt: localizedSchema,
  /** Why the correct answer is right, shown after grading. Required. */
  explanation: localizedSchema,
  /** Asked only in assigned tests, never in self-study, so its key is only ever shown after a graded assigned test. Default false. */
  assessmentOnly: z.boolean().optional(),
};

/** Fields of the choice types (single, multiple, scenario). */
const options = {
  /** The options as authored; each attempt shows them shuffled. Required, 2 to 6. */
  options: z.array(optionSchema).min(2).max(6),
};

type Ctx = z.RefinementCtx;
interface WithOptions {
  id: string;
  options: { id: string; explanation?: unknown }[];
}

/** Option ids unique, every answer among them, every wrong option explained. */
function checkOptions(question: WithOptions, answers: readonly string[], ctx: Ctx, answerIsList = false): void {
  const ids = question.options.map((option) => option.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `question "${question.id}": duplicate option id "${id}"` });
  });
  answers.forEach((answer, i) => {
    if (!ids.includes(answer)) {
      ctx.addIssue({
        code: 'custom',
        path: answerIsList ? ['answer', i] : ['answer'],
        message: `question "${question.id}": answer "${answer}" is not among the options (${ids.join(', ')})`,
      });
    }
    if (answers.indexOf(answer) !== i) ctx.addIssue({ code: 'custom', path: ['answer', i], message: `question "${question.id}": answer "${answer}" is listed twice` });
  });
  // With an answer pointing nowhere every option looks wrong: report that first, not four missing explanations.
  if (!answers.every((answer) => ids.includes(answer))) return;
  question.options.forEach((option, i) => {
    if (!answers.includes(option.id) && option.explanation === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['options', i, 'explanation'],
        message: `question "${question.id}": wrong option "${option.id}" needs an explanation (why it is tempting, why it is wrong)`,
      });
    }
  });
}

/** Single choice: one right option. */
export const singleQuestionSchema = z
  .strictObject({
    ...common,
    type: z.literal('single'),
    ...options,
    /** Id of the right option. Required. */
    answer: choiceId,
  })
  .superRefine((q, ctx) => checkOptions(q, [q.answer], ctx));

/** Scenario: a short sales situation, then the LTV-minded action among the options. */
export const scenarioQuestionSchema = z
  .strictObject({
    ...common,
    type: z.literal('scenario'),
    /** The situation, read before the prompt (2 to 4 sentences). Required. */
    situation: localizedSchema,
    ...options,
    /** Id of the LTV-minded action. Required. */
    answer: choiceId,
  })
  .superRefine((q, ctx) => checkOptions(q, [q.answer], ctx));

/** Multiple select; partial credit = (right chosen - wrong chosen) / right options, at least 0. */
export const multipleQuestionSchema = z
  .strictObject({
    ...common,
    type: z.literal('multiple'),
    ...options,
    /** Ids of all right options; at least one option must stay wrong. Required. */
    answer: z.array(choiceId).min(1),
  })
  .superRefine((q, ctx) => {
    checkOptions(q, q.answer, ctx, true);
    if (new Set(q.answer).size >= q.options.length) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `question "${q.id}": every option is right; add a wrong one` });
    }
  });

/** A statement the learner marks true or false. */
export const trueFalseQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('true-false'),
  /** Whether the statement in the prompt is true. Required. */
  answer: z.boolean(),
  /** Why the opposite answer is tempting and why it is wrong. Required. */
  wrongExplanation: localizedSchema,
});

/** A number typed by the learner (`100,000`, `１０万円`, `¥100,000` all read the same). */
export const numericQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('numeric'),
  /** The right value, in the unit (percent as 40 for 40%). Required. */
  answer: z.number(),
  /** How close counts as right. Required, even for exact answers ({ absolute: 0 }). */
  tolerance: toleranceSchema,
  /** Unit shown next to the input and in feedback. Required. */
  unit: unitSchema,
  /** Known wrong values (one year instead of the lifetime...) with their explanation. */
  mistakes: z.array(mistakeSchema).default([]),
});

/** Steps to put in order; written in the right order, shown shuffled. */
export const orderingQuestionSchema = z
  .strictObject({
    ...common,
    type: z.literal('ordering'),
    /** The steps in the right order. Required, 2 to 8. */
    steps: z.array(stepSchema).min(2).max(8),
  })
  .superRefine((q, ctx) => {
    const ids = q.steps.map((step) => step.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `question "${q.id}": duplicate step id "${id}"` });
    });
  });

/** Parameter names are placeholders in the text: `{price}`. */
const parameterName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'parameter names are letters and digits, e.g. price');

/**
 * A numeric question whose numbers are drawn per attempt (seeded) and whose answer comes from
 * a named CLV-core formula. Placeholders `{name}` in prompt/explanation show the drawn values;
 * `{answer}` in the explanation shows the computed answer.
 */
export const calculatedQuestionSchema = z
  .strictObject({
    ...common,
    type: z.literal('calculated'),
    /** Parameters by name, each a range with a step. Required, at least one. */
    parameters: z.record(parameterName, parameterSchema).refine((p) => Object.keys(p).length > 0, 'add at least one parameter'),
    /** Formula of src/lib/quiz/formulas.ts that computes the answer. Required. */
    formula: z.enum(FORMULA_NAMES, { error: () => `formula must be one of ${FORMULA_NAMES.join(', ')}` }),
    /** Formula input -> parameter name or constant number. Required. */
    inputs: z.record(z.string(), z.union([parameterName, z.number()])),
    /** How close counts as right. Required. */
    tolerance: toleranceSchema,
    /** Unit of the computed answer. Required. */
    unit: unitSchema,
  })
  .superRefine((q, ctx) => {
    const spec = FORMULAS[q.formula];
    const known: readonly string[] = [...spec.required, ...spec.optional];
    for (const [input, source] of Object.entries(q.inputs)) {
      if (!known.includes(input)) {
        ctx.addIssue({ code: 'custom', path: ['inputs', input], message: `question "${q.id}": formula ${q.formula} has no input ${input} (inputs: ${known.join(', ')})` });
      } else if (typeof source === 'string' && !(source in q.parameters)) {
        ctx.addIssue({ code: 'custom', path: ['inputs', input], message: `question "${q.id}": input ${input} refers to unknown parameter "${source}"` });
      }
    }
    for (const input of spec.required) {
      if (!(input in q.inputs)) ctx.addIssue({ code: 'custom', path: ['inputs'], message: `question "${q.id}": formula ${q.formula} needs input ${input}` });
    }
  });

export const QUESTION_TYPES = ['single', 'multiple', 'true-false', 'numeric', 'ordering', 'scenario', 'calculated'] as const;

/** Any question; `type` decides the rest of the fields. */
export const questionSchema = z.discriminatedUnion(
  'type',
  [
    singleQuestionSchema,
    multipleQuestionSchema,
    trueFalseQuestionSchema,
    numericQuestionSchema,
    orderingQuestionSchema,
    scenarioQuestionSchema,
    calculatedQuestionSchema,
  ],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const input = issue.input as { type?: unknown } | undefined;
      const shown = input?.type === undefined ? 'missing type' : `unknown type ${JSON.stringify(input.type)}`;
      return `${shown}: use one of ${QUESTION_TYPES.join(', ')}`;
    },
  },
);

/** One bank file. */
export const bankSchema = z
  .object({
    /** Id of the lesson the bank tests; the file is named after it. Required. */
    lesson: slug,
    /** Share of the points needed to pass, in (0, 1]. Default 0.8. */
    passMark: z.number().gt(0).max(1).default(0.8),
    /** The questions. Required, at least one. */
    questions: z.array(questionSchema).min(1),
  })
  .superRefine((bank, ctx) => {
    const first = new Map<string, number>();
    bank.questions.forEach((question, i) => {
      const earlier = first.get(question.id);
      if (earlier === undefined) first.set(question.id, i);
      else ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `question "${question.id}": duplicate question id (also questions[${earlier}])` });
    });
  });

export type Bank = z.output<typeof bankSchema>;
/** A bank as written in the file (defaults not yet applied). */
export type BankInput = z.input<typeof bankSchema>;
export type Question = z.output<typeof questionSchema>;
export type QuestionType = Question['type'];
export type CalculatedQuestion = z.output<typeof calculatedQuestionSchema>;
export type { Localized, ParameterSpec, QuizOption, Tolerance, Unit } from './schemaParts.ts';
