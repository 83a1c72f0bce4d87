/**
 * Where the trainer's dashboard links a lesson's section (a weak concept): a built-in lesson's
 * page, the owner's preview of a custom lesson (the learner page of an assigned custom lesson
 * would send a trainer away), or no link when the trainer may not preview that module.
 */
import { lessonPath } from '../course/catalog.ts';
import type { Locale } from '../i18n/locales.ts';
import { isCustomLessonKey } from './ids.ts';
import { previewPath } from './paths.ts';

/** The draft lesson an assigned custom lesson was published from, for a trainer who may preview it. */
export interface LessonPreview {
  moduleId: string;
  lessonId: string;
}

export function trainerSectionHref(locale: Locale, lessonKey: string, anchor: string, preview: LessonPreview | undefined): string | null {
  const hash = `#${encodeURIComponent(anchor)}`;
  if (!isCustomLessonKey(lessonKey)) return `${lessonPath(locale, lessonKey)}${hash}`;
  return preview ? `${previewPath(locale, preview.moduleId, preview.lessonId)}${hash}` : null;
}
