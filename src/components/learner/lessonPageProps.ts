import type { Locale } from '../../lib/i18n/locales.ts';
import { learnerListenPath } from '../../lib/authoring/paths.ts';
import type { learnerLesson } from '../../server/learner/pageGate.ts';
import { at } from '../trainer/authoring/text.ts';
import { learnPath } from './text.ts';

type Found = NonNullable<Awaited<ReturnType<typeof learnerLesson>>>;

/** TrainerModuleLessonView's props for a learner's assigned lesson, in the page's language. */
export function lessonPageProps(locale: Locale, { view, assignmentId, module }: Found) {
  return {
    locale,
    view,
    back: { href: learnPath(locale), label: at(locale, 'learner.back') },
    test: { href: learnPath(locale, `test/${assignmentId}/`), label: at(locale, 'learner.test') },
    learner: { lessons: module.lessons.map(({ key, title, assignmentId }) => ({ key, title, assignmentId })), listenHref: learnerListenPath(module.versionId, locale) },
  };
}
