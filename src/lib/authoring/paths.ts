import { localizedPath, type Locale } from '../i18n/locales.ts';

/**
 * Where custom lessons are shown: the module list, the editor and the owner's preview of a draft
 * in the trainer's language (an English trainer stays under /en/), a learner's assigned version.
 * The API's `url`s use the default locale: the API has no UI language of its own.
 */
export const modulesPath = (locale: Locale) => localizedPath('/trainer/modules/', locale);
export const editorPath = (locale: Locale, moduleId: string) => localizedPath(`/trainer/modules/${moduleId}/`, locale);
export const previewPath = (locale: Locale, moduleId: string, lessonId: string) => localizedPath(`/trainer/modules/${moduleId}/lessons/${lessonId}/`, locale);
export const learnerLessonPath = (lessonKey: string) => `/learn/lessons/${lessonKey}/`;
