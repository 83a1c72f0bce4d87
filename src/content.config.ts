import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { courseModuleSchema, lessonSchema } from './lib/course/schemas.ts';
import { bankSchema } from './lib/quiz/schema.ts';

// Entry ids keep the language folder (`ja/what-is-ltv`), so one collection holds both languages
// and the same lesson id pairs them up.
const lessons = defineCollection({
  loader: glob({ base: './src/content/lessons', pattern: '{ja,en}/*.mdx' }),
  schema: lessonSchema,
});

const modules = defineCollection({
  loader: glob({ base: './src/content/modules', pattern: '*.yaml' }),
  schema: courseModuleSchema,
});

// One question bank per lesson, named after the lesson id; both languages in the same entry.
const quizzes = defineCollection({
  loader: glob({ base: './src/content/quizzes', pattern: '*.{yaml,yml,json}' }),
  schema: bankSchema,
});

export const collections = { lessons, modules, quizzes };
