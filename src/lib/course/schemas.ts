import { z } from 'zod';

/** Lesson and module ids are URL slugs, the same in every language. */
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens (a URL slug)');

/** The two modules of the course. A lesson naming any other module fails the build. */
export const MODULE_IDS = ['ltv-selling', 'clv-practice'] as const;
export const moduleIdSchema = z.enum(MODULE_IDS);
export type ModuleId = z.infer<typeof moduleIdSchema>;

/** A term the lesson defines, shown in the glossary and explained on focus in the text. */
export const keyTermSchema = z.object({
  /** The term as it appears in the text, e.g. `顧客生涯価値（LTV）`. */
  term: z.string().min(1),
  /** One or two sentences a learner can hear and understand. */
  definition: z.string().min(1),
});

/** Frontmatter of one lesson file (`src/content/lessons/{ja,en}/<id>.mdx`). */
export const lessonSchema = z.object({
  /** Stable id, the same in Japanese and English; also the URL slug. Required. */
  id: slug,
  /** The module this lesson belongs to. Required. */
  module: moduleIdSchema,
  /** Position within its module, starting at 1; unique per module and language. Required. */
  order: z.number().int().min(1),
  /** The title of the lesson. Required. */
  title: z.string().min(1),
  /** One or two sentences for the catalog and search results. Required. */
  summary: z.string().min(1),
  /** What the learner can do after the lesson: 3 to 5 statements (1 allowed in drafts). */
  objectives: z.array(z.string().min(1)).min(1).max(5),
  /** Estimated minutes to read or listen to the whole lesson. Required. */
  minutes: z.number().int().min(1).max(60),
  /** Terms the lesson introduces, with short definitions. */
  keyTerms: z.array(keyTermSchema).default([]),
  /** Id of the quiz that ends this lesson, once its question bank exists. */
  quiz: slug.optional(),
  /** A draft is built in development only. */
  draft: z.boolean().default(false),
});
export type LessonFrontmatter = z.infer<typeof lessonSchema>;

/** One module of the course (`src/content/modules/<id>.yaml`), with text in both languages. */
export const courseModuleSchema = z.object({
  /** Position of the module in the course. */
  order: z.number().int().min(1),
  /** Who the module is written for, per language. */
  audience: z.object({ ja: z.string().min(1), en: z.string().min(1) }),
  /** The module's title, per language. */
  title: z.object({ ja: z.string().min(1), en: z.string().min(1) }),
  /** One paragraph on what the module teaches, per language. */
  summary: z.object({ ja: z.string().min(1), en: z.string().min(1) }),
});
export type CourseModule = z.infer<typeof courseModuleSchema>;
