import type { Locale } from '../i18n/locales.ts';
import type { CourseModule, LessonFrontmatter, ModuleId } from './schemas.ts';

/** A lesson as the catalog needs it: its frontmatter and the language it is written in. */
export interface CatalogLesson extends LessonFrontmatter {
  locale: Locale;
}

export interface CatalogModule {
  id: ModuleId;
  module: CourseModule;
  lessons: CatalogLesson[];
}

/** Modules in course order, each with its lessons in the given language, in lesson order. */
export function buildCatalog(
  modules: { id: string; data: CourseModule }[],
  lessons: CatalogLesson[],
  locale: Locale,
): CatalogModule[] {
  return [...modules]
    .sort((a, b) => a.data.order - b.data.order)
    .map(({ id, data }) => ({
      id: id as ModuleId,
      module: data,
      lessons: lessons
        .filter((lesson) => lesson.locale === locale && lesson.module === id && !lesson.draft)
        .sort((a, b) => a.order - b.order),
    }));
}

/** Path of a lesson page in a language. */
export function lessonPath(locale: Locale, id: string): string {
  return locale === 'ja' ? `/lessons/${id}/` : `/en/lessons/${id}/`;
}

/** Path of the course home in a language. */
export function homePath(locale: Locale): string {
  return locale === 'ja' ? '/' : '/en/';
}
