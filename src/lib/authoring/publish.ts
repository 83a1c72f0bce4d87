/**
 * When a draft may be published, and what publishing freezes. Pure: the server reads the draft,
 * asks here, and stores the snapshot as one version row.
 */
import { bankSchema, type Question } from '../quiz/schema.ts';
import { customLessonKey } from './ids.ts';
import { sectionAnchor } from './ids.ts';
import { moduleSnapshotSchema, MIN_QUESTIONS_PER_LESSON, type ModuleSnapshot, type Pronunciation, type StoredSection } from './schema.ts';

export interface PublishableLesson {
  id: string;
  title: string;
  sections: StoredSection[];
  questions: Question[];
}

export interface PublishableModule {
  id: string;
  title: string;
  locale: 'ja' | 'en';
  pronunciations: Pronunciation[];
  lessons: PublishableLesson[];
}

/** Questions a lesson's test needs: at least 3, one more per two sections beyond six, at most 10. */
export function requiredQuestions(sectionCount: number): number {
  return Math.min(10, Math.max(MIN_QUESTIONS_PER_LESSON, Math.ceil(sectionCount / 2)));
}

export interface PublishProblem {
  lessonId: string;
  /** The lesson's title, and the counts of a 'too-few-questions': what the editor words in its own language. */
  lesson: string;
  problem: 'no-text' | 'too-few-questions';
  questions?: number;
  needed?: number;
  /** The same in English, for API clients and logs. */
  message: string;
}

export function publishProblems(module: PublishableModule): PublishProblem[] {
  return module.lessons.flatMap((lesson) => {
    const problems: PublishProblem[] = [];
    if (!lesson.sections.some((section) => section.markdown.trim() || section.spoken?.trim())) {
      problems.push({ lessonId: lesson.id, lesson: lesson.title, problem: 'no-text', message: `lesson "${lesson.title}" has no text` });
    }
    const needed = requiredQuestions(lesson.sections.length);
    if (lesson.questions.length < needed) {
      problems.push({
        lessonId: lesson.id,
        lesson: lesson.title,
        problem: 'too-few-questions',
        questions: lesson.questions.length,
        needed,
        message: `lesson "${lesson.title}" has ${lesson.questions.length} questions: at least ${needed} needed`,
      });
    }
    return problems;
  });
}

/**
 * A lesson's questions checked as a bank (ids unique...) and linked to its sections: `section`
 * must name one of them; `objective` is set to that section's position (the dashboard labels a
 * concept with the objective, which for a custom lesson is the section heading).
 */
export function questionProblems(
  questions: readonly Question[],
  sectionIds: readonly string[],
): { ok: true; questions: Question[] } | { ok: false; fieldErrors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const linked = questions.map((question, i) => {
    const index = sectionIds.findIndex((id) => sectionAnchor(id) === question.section.ja);
    if (index < 0) errors[`questions.${i}.section`] = [`question "${question.id}": choose a section of this lesson`];
    return { ...question, section: { ja: question.section.ja, en: question.section.ja }, objective: Math.max(0, index) };
  });
  if (questions.length) {
    const bank = bankSchema.safeParse({ lesson: 'draft', questions: linked });
    if (!bank.success) for (const issue of bank.error.issues) errors[issue.path.join('.')] = [issue.message];
  }
  return Object.keys(errors).length ? { ok: false, fieldErrors: errors } : { ok: true, questions: linked };
}

/** The frozen version: lesson n's bank is named `cm-<version id>-<n>`, the key assignments use. */
export function buildSnapshot(module: PublishableModule, versionId: string, version: number): ModuleSnapshot {
  return moduleSnapshotSchema.parse({
    moduleId: module.id,
    version,
    title: module.title,
    locale: module.locale,
    pronunciations: module.pronunciations,
    lessons: module.lessons.map((lesson, i) => ({
      id: lesson.id,
      title: lesson.title,
      sections: lesson.sections,
      bank: { lesson: customLessonKey(versionId, i + 1), questions: lesson.questions },
    })),
  });
}
