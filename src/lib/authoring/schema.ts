/**
 * Trainers' own modules (issue 14): one zod schema per concept, shared by the import, the API,
 * the editor and the database's JSON columns. Questions use the built-in banks' own schema
 * (src/lib/quiz/schema.ts), so a custom test is graded by the same code as a built-in one.
 */
import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';
import { bankSchema, questionSchema } from '../quiz/schema.ts';
import { hasControlCharacters } from '../validation/text.ts';
import { displayTextSchema } from '../validation/schemas.ts';

export { AUTHORING_LIMITS } from './limits.ts';
import { AUTHORING_LIMITS } from './limits.ts';

/** Questions a lesson's test needs before the module can be published. */
export const MIN_QUESTIONS_PER_LESSON = 3;

const NO_CONTROL = 'must not contain control characters';

/** Multi-line trainer text (Markdown, a spoken version): line breaks and tabs allowed, nothing else invisible. */
export function longTextSchema(max: number) {
  return z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((text) => !hasControlCharacters(text, { multiline: true }), NO_CONTROL);
}

export const moduleTitleSchema = displayTextSchema({ max: AUTHORING_LIMITS.maxTitleChars, required: 'enter a title' });
export const lessonTitleSchema = displayTextSchema({ max: AUTHORING_LIMITS.maxTitleChars, required: 'enter a lesson title' });
/** A section heading may be empty (the text before a deck's first titled slide). */
export const headingSchema = z
  .string()
  .max(AUTHORING_LIMITS.maxHeadingChars, `at most ${AUTHORING_LIMITS.maxHeadingChars} characters`)
  .refine((text) => !hasControlCharacters(text), NO_CONTROL)
  .transform((text) => text.replace(/\s+/gu, ' ').trim());
export const localeSchema = z.enum(LOCALES, { error: 'choose ja or en' });

/** One pronunciation override: the narration says `reading` wherever the text has `term`. */
export const pronunciationSchema = z.strictObject({
  /** As written in the text, e.g. 御社. */
  term: displayTextSchema({ max: 40, required: 'enter the term' }),
  /** What the voice should say, e.g. おんしゃ. */
  reading: displayTextSchema({ max: 80, required: 'enter the reading' }),
});
export const pronunciationsSchema = z
  .array(pronunciationSchema)
  .max(AUTHORING_LIMITS.maxPronunciations, `at most ${AUTHORING_LIMITS.maxPronunciations} terms`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      if (seen.has(entry.term)) ctx.addIssue({ code: 'custom', path: [i, 'term'], message: `"${entry.term}" is listed twice` });
      seen.add(entry.term);
    });
  });
export type Pronunciation = z.output<typeof pronunciationSchema>;

/** A section as imported or edited. */
export const sectionContentSchema = z.strictObject({
  /** Shown as the section's heading and read first. */
  heading: headingSchema,
  /** The text, in Markdown (GFM); rendered sanitized (render.ts). */
  markdown: longTextSchema(AUTHORING_LIMITS.maxSectionChars),
  /** What the narration says instead of the text (speaker notes); null: the text is read. */
  spoken: longTextSchema(AUTHORING_LIMITS.maxSectionChars).nullable(),
});
export type SectionContent = z.output<typeof sectionContentSchema>;

export const lessonContentSchema = z.strictObject({
  title: lessonTitleSchema,
  sections: z.array(sectionContentSchema).min(1, 'a lesson needs a section').max(AUTHORING_LIMITS.maxSectionsPerLesson, `at most ${AUTHORING_LIMITS.maxSectionsPerLesson} sections`),
});
export type LessonContent = z.output<typeof lessonContentSchema>;

/** What an import produces, before it is stored. */
export const importedModuleSchema = z.strictObject({
  title: moduleTitleSchema,
  locale: localeSchema,
  lessons: z.array(lessonContentSchema).min(1).max(AUTHORING_LIMITS.maxLessons, `at most ${AUTHORING_LIMITS.maxLessons} lessons`),
});
export type ImportedModule = z.output<typeof importedModuleSchema>;

/** `POST /api/trainer/modules` as JSON: Markdown pasted into the form. */
export const createFromMarkdownSchema = z.strictObject({
  title: moduleTitleSchema,
  locale: localeSchema,
  markdown: longTextSchema(AUTHORING_LIMITS.maxModuleChars).refine((text) => text.trim() !== '', 'paste some Markdown'),
});
export type CreateFromMarkdown = z.output<typeof createFromMarkdownSchema>;

/** Every edit names the revision of the thing it changes, as the editor last saw it (optimistic concurrency). */
const revision = z.int().min(1);

/** The module's title or its pronunciations: each has its own revision, so one at a time. */
export const modulePatchSchema = z
  .strictObject({
    revision,
    title: moduleTitleSchema.optional(),
    pronunciations: pronunciationsSchema.optional(),
  })
  .refine((patch) => (patch.title === undefined) !== (patch.pronunciations === undefined), {
    message: 'send either title or pronunciations (each has its own revision)',
    path: ['title'],
  });
export const lessonPatchSchema = z.strictObject({ revision, title: lessonTitleSchema.optional() });
export const sectionPatchSchema = z.strictObject({
  revision,
  heading: headingSchema.optional(),
  markdown: longTextSchema(AUTHORING_LIMITS.maxSectionChars).optional(),
  spoken: longTextSchema(AUTHORING_LIMITS.maxSectionChars).nullable().optional(),
});
/** The whole test of a lesson at once, in the banks' schema (ids unique, answers among options...). */
export const questionsPutSchema = z.strictObject({
  revision,
  questions: z.array(questionSchema).max(AUTHORING_LIMITS.maxQuestionsPerLesson, `at most ${AUTHORING_LIMITS.maxQuestionsPerLesson} questions`),
});
export const revisionOnlySchema = z.strictObject({ revision });
export type ModulePatch = z.output<typeof modulePatchSchema>;
export type LessonPatch = z.output<typeof lessonPatchSchema>;
export type SectionPatch = z.output<typeof sectionPatchSchema>;

/** A stored section with its id (the anchor questions link to). */
export const storedSectionSchema = sectionContentSchema.extend({ id: z.uuid() });
export type StoredSection = z.output<typeof storedSectionSchema>;

/** A published version, frozen: what assigned learners read, hear and are tested on. */
export const moduleSnapshotSchema = z.object({
  moduleId: z.uuid(),
  version: z.int().min(1),
  title: z.string(),
  locale: localeSchema,
  pronunciations: z.array(pronunciationSchema),
  lessons: z.array(
    z.object({
      /** The draft lesson's id (stable across versions). */
      id: z.uuid(),
      title: z.string(),
      sections: z.array(storedSectionSchema),
      bank: bankSchema,
    }),
  ),
});
export type ModuleSnapshot = z.output<typeof moduleSnapshotSchema>;
export type SnapshotLesson = ModuleSnapshot['lessons'][number];

/** GIFT text to add to a lesson's test; questions link to `sectionId` (default: the first section). */
export const giftImportSchema = z.strictObject({
  revision,
  gift: longTextSchema(200_000).refine((text) => text.trim() !== '', 'paste some GIFT questions'),
  sectionId: z.uuid().optional(),
});
