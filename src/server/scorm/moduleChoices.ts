import type { Locale } from '../../lib/i18n/locales.ts';
import { loadCourse } from '../learner/course.ts';

export interface ModuleChoice {
  id: string;
  title: string;
}

/** The modules a trainer can download as packages, in course order, titled in `locale`. */
export async function downloadableModules(locale: Locale): Promise<ModuleChoice[]> {
  const course = await loadCourse();
  const modules = new Map<string, ModuleChoice>();
  for (const lesson of course.lessons) {
    if (!modules.has(lesson.module)) modules.set(lesson.module, { id: lesson.module, title: lesson.moduleTitle[locale] });
  }
  return [...modules.values()];
}
