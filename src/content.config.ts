import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { courseModuleSchema, lessonSchema } from './lib/course/schemas.ts';

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

export const collections = { lessons, modules };
