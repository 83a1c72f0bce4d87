/**
 * A module's lessons with their rendered audio, as the module page's save button and the podcast
 * feed need them. Build time only (reads public/audio through src/server/podcast).
 */
import type { CollectionEntry } from 'astro:content';
import { lessonsIn } from '../../content/queries';
import type { Locale } from '../../lib/i18n/locales';
import { renderedLesson, type RenderedLesson } from '../../server/podcast/renderedAudio';

export interface ModuleLessonAudio {
  lesson: CollectionEntry<'lessons'>;
  audio: RenderedLesson | undefined;
}

export async function moduleLessonsWithAudio(locale: Locale, moduleId: string): Promise<ModuleLessonAudio[]> {
  const lessons = (await lessonsIn(locale)).filter((lesson) => lesson.data.module === moduleId);
  return lessons.map((lesson) => ({ lesson, audio: renderedLesson(locale, lesson.data.id) }));
}
