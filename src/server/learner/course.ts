/**
 * The course as the server needs it: lessons that have a question bank (only those can be
 * assigned), their titles in both languages, their module, and the banks themselves. Read once
 * from the content collections (they cannot change while the server runs).
 */
import { getCollection } from 'astro:content';
import type { Localized } from '../../lib/quiz/schemaParts.ts';
import type { Bank } from '../../lib/quiz/schema.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

export interface CourseLesson {
  id: string;
  module: string;
  /** Position of the lesson in its module, and of the module in the course. */
  order: number;
  moduleOrder: number;
  title: Localized;
  moduleTitle: Localized;
  /** The lesson's objectives per language; a question's `objective` indexes them. */
  objectives: { ja: string[]; en: string[] };
  /**
   * The one language a trainer's own lesson is written in (its `title` holds the same text under
   * both keys): pages in the other language mark its text with this `lang`. Built-in lessons have
   * both languages and leave it out.
   */
  lang?: Locale;
}

export interface Course {
  /** Lessons with a bank, in course order. */
  lessons: CourseLesson[];
  lesson(id: string): CourseLesson | undefined;
  bank(lessonId: string): Bank | undefined;
  /** The assignable lessons of a module, in order (empty for an unknown module). */
  lessonsOfModule(moduleId: string): CourseLesson[];
  /**
   * How people read a concept tag: the lesson objective most of its questions test (tags such as
   * `clv-definition` are for authors). Falls back to the tag.
   */
  conceptLabel(lessonId: string, concept: string): Localized;
}

let course: Promise<Course> | undefined;

async function readCourse(): Promise<Course> {
  const [lessonEntries, moduleEntries, bankEntries] = await Promise.all([getCollection('lessons'), getCollection('modules'), getCollection('quizzes')]);
  const banks = new Map(bankEntries.map((entry) => [entry.data.lesson, entry.data]));
  const modules = new Map(moduleEntries.map((entry) => [entry.id, entry.data]));
  const byId = new Map<string, CourseLesson>();
  for (const entry of lessonEntries) {
    const data = entry.data;
    if (!banks.has(data.id) || (data.draft && !import.meta.env.DEV)) continue;
    const locale = entry.id.startsWith('en/') ? 'en' : 'ja';
    const module = modules.get(data.module);
    const lesson = byId.get(data.id) ?? {
      id: data.id,
      module: data.module,
      order: data.order,
      moduleOrder: module?.order ?? 99,
      title: { ja: data.title, en: data.title },
      moduleTitle: module?.title ?? { ja: data.module, en: data.module },
      objectives: { ja: data.objectives, en: data.objectives },
    };
    lesson.title = { ...lesson.title, [locale]: data.title };
    lesson.objectives = { ...lesson.objectives, [locale]: data.objectives };
    byId.set(data.id, lesson);
  }
  const lessons = [...byId.values()].sort((a, b) => a.moduleOrder - b.moduleOrder || a.order - b.order);
  return {
    lessons,
    lesson: (id) => byId.get(id),
    bank: (lessonId) => banks.get(lessonId),
    lessonsOfModule: (moduleId) => lessons.filter((lesson) => lesson.module === moduleId),
    conceptLabel: (lessonId, concept) => {
      const lesson = byId.get(lessonId);
      const objectives = (banks.get(lessonId)?.questions ?? []).filter((question) => question.concept === concept).map((question) => question.objective);
      const counts = new Map<number, number>();
      for (const objective of objectives) counts.set(objective, (counts.get(objective) ?? 0) + 1);
      const [top] = [...counts].sort((a, b) => b[1] - a[1]);
      if (!lesson || top === undefined) return { ja: concept, en: concept };
      return { ja: lesson.objectives.ja[top[0]] ?? concept, en: lesson.objectives.en[top[0]] ?? concept };
    },
  };
}

/** The course, read on first use. */
export function loadCourse(): Promise<Course> {
  course ??= readCourse().catch((error: unknown) => {
    course = undefined;
    throw error;
  });
  return course;
}
