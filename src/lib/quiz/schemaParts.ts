import { z } from 'zod';

/**
 * Building blocks of the question-bank schema (schema.ts). Build-time only: it uses full zod for
 * its messages; browser code imports the inferred types with `import type`, which costs nothing.
 * Messages are written for the bank author, who reads them next to the file and question id.
 */

/** Ids are URL-safe slugs, the same in every language. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens (e.g. three-factors)');

function translation(language: 'ja' | 'en') {
  const name = language === 'ja' ? 'Japanese' : 'English';
  return z
    .string({ error: (issue) => (issue.input === undefined ? `missing ${name} translation (${language})` : `${language} must be text`) })
    .trim()
    .min(1, `empty ${name} translation (${language})`);
}

/** Text in both languages of the course, side by side so a translation cannot be forgotten. */
export const localizedSchema = z.strictObject(
  {
    /** Japanese, the primary language: natural polite Japanese (です・ます). */
    ja: translation('ja'),
    /** English. */
    en: translation('en'),
  },
  { error: (issue) => (issue.input === undefined ? 'missing text: write { ja: ..., en: ... }' : 'expected { ja: ..., en: ... }') },
);
export type Localized = z.infer<typeof localizedSchema>;

const anchor = z
  .string()
  .min(1, 'empty anchor')
  .regex(/^[^\s#]+$/, 'write the heading id without # and without spaces, e.g. clvは三つの数字のかけ算');

/**
 * The lesson section a question tests, as the heading ids Astro gives `##` headings (github-slugger).
 * The two languages have different headings, hence one anchor per language.
 */
export const sectionSchema = z.strictObject(
  {
    /** Heading id in the Japanese lesson, e.g. `clvは三つの数字のかけ算`. */
    ja: anchor,
    /** Heading id in the English lesson, e.g. `clv-is-three-numbers-multiplied`. */
    en: anchor,
  },
  { error: (issue) => (issue.input === undefined ? 'missing section: write { ja: <heading id>, en: <heading id> }' : undefined) },
);

/** Short ids of options and steps (`a`, `b`, `check-data`); learners never see them. */
export const choiceId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and hyphens (e.g. a, b, c)');

/** One option of a choice question. */
export const optionSchema = z.strictObject({
  /** Id the answer refers to; unique within the question. Required. */
  id: choiceId,
  /** What the learner reads. Required. */
  text: localizedSchema,
  /** Required on wrong options: why it is tempting and why it is wrong. Optional on right ones. */
  explanation: localizedSchema.optional(),
});
export type QuizOption = z.infer<typeof optionSchema>;

/** One step of an ordering question. */
export const stepSchema = z.strictObject({
  /** Id unique within the question. Required. */
  id: choiceId,
  /** What the learner reads. Required. */
  text: localizedSchema,
});

/** Units of numeric answers: they decide accepted suffixes (円, 回, 年...) and the display form. */
export const UNITS = ['¥', '%', '回', '年', 'か月', '倍'] as const;
export const unitSchema = z.enum(UNITS, { error: () => `unit must be one of ${UNITS.join(', ')}` });
export type Unit = z.infer<typeof unitSchema>;

/** How far from the answer a numeric response may be and still count: absolute (in the unit) or relative. */
export const toleranceSchema = z.union(
  [
    z.strictObject({
      /** Largest accepted |response - answer|, in the answer's unit (0 = exact). */
      absolute: z.number().min(0),
    }),
    z.strictObject({
      /** Largest accepted |response - answer| / |answer| (0.01 = within 1%). */
      relative: z.number().min(0).max(0.5),
    }),
  ],
  {
    error: (issue) =>
      issue.input === undefined
        ? 'tolerance is required: { absolute: 0 } for an exact answer, { absolute: 100 } or { relative: 0.01 }'
        : 'tolerance must be { absolute: n >= 0 } or { relative: r in [0, 0.5] }',
  },
);
export type Tolerance = z.infer<typeof toleranceSchema>;

/** A known wrong answer of a numeric question and why people give it. */
export const mistakeSchema = z.strictObject({
  /** The wrong value, matched with the question's tolerance. */
  value: z.number(),
  /** Why it is tempting and why it is wrong. */
  explanation: localizedSchema,
});

/** How a drawn parameter is written into the text. */
export const PARAMETER_FORMATS = ['yen', 'number', 'percent'] as const;

/** One parameter of a calculated question: a value drawn per attempt from min, min + step, ..., max. */
export const parameterSchema = z
  .strictObject({
    /** Smallest value. Percent parameters are ratios: 0.4 is shown as 40%. */
    min: z.number(),
    /** Largest value; max - min must be a whole number of steps. */
    max: z.number(),
    /** Distance between drawable values, > 0. */
    step: z.number().positive(),
    /** yen -> ¥6,500 (Intl), percent -> 40%, number -> 4. Default number. */
    format: z.enum(PARAMETER_FORMATS).default('number'),
  })
  .superRefine((p, ctx) => {
    if (p.max < p.min) ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${p.max}) is below min (${p.min})` });
    const steps = (p.max - p.min) / p.step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['step'], message: `max - min (${p.max - p.min}) is not a whole number of steps of ${p.step}` });
    }
  });
export type ParameterSpec = z.infer<typeof parameterSchema>;
