/** Where custom lessons are shown: the owner's preview of a draft, a learner's assigned version. */
export const editorPath = (moduleId: string) => `/trainer/modules/${moduleId}/`;
export const previewPath = (moduleId: string, lessonId: string) => `/trainer/modules/${moduleId}/lessons/${lessonId}/`;
import type { Locale } from '../i18n/locales.ts';

const learnRoot = (locale: Locale) => (locale === 'en' ? '/en/learn/' : '/learn/');
/** The page UI's language is the learner's choice; the lesson keeps its module's language. */
export const learnerLessonPath = (lessonKey: string, locale: Locale = 'ja') => `${learnRoot(locale)}lessons/${lessonKey}/`;
/** Listen mode of an assigned module version: all its lessons as one playlist. */
export const learnerListenPath = (versionId: string, locale: Locale = 'ja') => `${learnRoot(locale)}listen/${versionId}/`;
