import { localizedPath, type Locale } from '../i18n/locales.ts';

/**
 * Where custom lessons are shown: the module list, the editor and the owner's preview of a draft
 * in the trainer's language (an English trainer stays under /en/), a learner's assigned version.
 * The API's `url`s use the default locale: the API has no UI language of its own.
 */
export const modulesPath = (locale: Locale) => localizedPath('/trainer/modules/', locale);
export const editorPath = (locale: Locale, moduleId: string) => localizedPath(`/trainer/modules/${moduleId}/`, locale);
export const previewPath = (locale: Locale, moduleId: string, lessonId: string) => localizedPath(`/trainer/modules/${moduleId}/lessons/${lessonId}/`, locale);
/** The page UI's language is the learner's choice; the lesson keeps its module's language. */
export const learnerLessonPath = (lessonKey: string, locale: Locale = 'ja') => localizedPath(`/learn/lessons/${lessonKey}/`, locale);
/** Listen mode of an assigned module version: all its lessons as one playlist. */
export const learnerListenPath = (versionId: string, locale: Locale = 'ja') => localizedPath(`/learn/listen/${versionId}/`, locale);
