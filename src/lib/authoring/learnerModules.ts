/**
 * A learner's custom modules, made from their assignments: each assigned lesson key names its
 * frozen version and position (`cm-<version>-<n>`), so lessons of one version form one module,
 * in the version's order, whatever order the assignments are listed in (by due date).
 */
import type { Locale } from '../i18n/locales.ts';
import { parseCustomLessonKey } from './ids.ts';

/** One assigned lesson of a custom module, with the assignment whose test covers it. */
export interface LearnerModuleLesson {
  key: string;
  title: string;
  assignmentId: string;
}

export interface LearnerModule {
  versionId: string;
  title: string;
  /** The language the module is written in (pages in the other language mark its titles). */
  lang?: Locale | undefined;
  lessons: LearnerModuleLesson[];
}

export interface AssignedLessonEntry extends LearnerModuleLesson {
  moduleTitle: string;
  lang?: Locale | undefined;
}

/** Custom lessons grouped by module version (built-in lessons are left out), first assigned first. */
export function customModulesOf(entries: readonly AssignedLessonEntry[]): LearnerModule[] {
  const modules = new Map<string, { title: string; lang: Locale | undefined; lessons: (LearnerModuleLesson & { position: number })[] }>();
  for (const { key, title, assignmentId, moduleTitle, lang } of entries) {
    const parsed = parseCustomLessonKey(key);
    if (!parsed) continue;
    const module = modules.get(parsed.versionId) ?? { title: moduleTitle, lang, lessons: [] };
    module.lessons.push({ key, title, assignmentId, position: parsed.position });
    modules.set(parsed.versionId, module);
  }
  return [...modules].map(([versionId, { title, lang, lessons }]) => ({
    versionId,
    title,
    ...(lang ? { lang } : {}),
    lessons: lessons.sort((a, b) => a.position - b.position).map(({ key, title, assignmentId }) => ({ key, title, assignmentId })),
  }));
}

/** The lessons before and after `key` in a module's order (none at either end, or for an unknown key). */
export function lessonNeighbours<T extends { key: string }>(lessons: readonly T[], key: string): { previous: T | undefined; next: T | undefined } {
  const index = lessons.findIndex((lesson) => lesson.key === key);
  if (index < 0) return { previous: undefined, next: undefined };
  return { previous: lessons[index - 1], next: lessons[index + 1] };
}
