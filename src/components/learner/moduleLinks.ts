import type { LearnerModuleLesson } from '../../lib/authoring/learnerModules.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { NextStepLink } from '../course/ModuleFinished.tsx';
import { learnPath, lt } from './text.ts';

/** Where a finished custom module leads: each lesson's assigned test, named by its lesson. */
export function moduleNextSteps(locale: Locale, lessons: readonly LearnerModuleLesson[]): { step: string; links: NextStepLink[] } {
  return {
    step: lt(locale, 'modules.step'),
    links: lessons.map((lesson) => ({ href: learnPath(locale, `test/${lesson.assignmentId}/`), label: lt(locale, 'modules.testOf', { lesson: lesson.title }) })),
  };
}
