/**
 * Build-time data of the quiz and review pages, read from the content collections. Only what the
 * pages may show goes out: titles, counts, the pass mark, question ids and concept tags; never a
 * question's answer or explanation (the banks stay on the server).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { catalogFor, lessonsIn } from '../../content/queries';
import type { Locale } from '../../lib/i18n/locales.ts';
import { DEFAULT_QUESTION_COUNT, isPracticeQuestion } from '../../lib/quiz/attempt.ts';
import { quizPath } from '../../lib/quiz/client/paths.ts';
import type { ConceptInfo, ReviewModuleInfo } from '../../lib/quiz/client/reviewOverview.ts';
import type { Bank } from '../../lib/quiz/schema.ts';

async function banksByLesson(): Promise<Map<string, Bank>> {
  const entries = await getCollection('quizzes');
  return new Map(entries.map((entry) => [entry.data.lesson, entry.data]));
}

/** What the quiz page of one lesson knows of its bank. */
export interface QuizPageFacts {
  /** Questions self-study may ask (assessment-only questions are kept for assigned tests). */
  bankSize: number;
  /** Questions of the end-of-lesson test (the engine's default count, or fewer in a small bank). */
  testCount: number;
  passMark: number;
}

/** Static paths of the quiz pages of a language: lessons that have a bank. */
export async function quizPagePaths(locale: Locale): Promise<{ params: { id: string }; props: { lesson: CollectionEntry<'lessons'>; facts: QuizPageFacts } }[]> {
  const banks = await banksByLesson();
  return (await lessonsIn(locale)).flatMap((lesson) => {
    const bank = banks.get(lesson.data.id);
    if (!bank) return [];
    const practiceSize = bank.questions.filter(isPracticeQuestion).length;
    const facts = { bankSize: practiceSize, testCount: Math.min(DEFAULT_QUESTION_COUNT, practiceSize), passMark: bank.passMark };
    return [{ params: { id: lesson.data.id }, props: { lesson, facts } }];
  });
}

/** Whether a lesson has a quiz (the lesson page links to it only then). */
export async function hasQuiz(lesson: string): Promise<boolean> {
  return (await banksByLesson()).has(lesson);
}

const withTag = (label: string, tag: string, locale: Locale) => (locale === 'ja' ? `${label}（${tag.replaceAll('-', ' ')}）` : `${label} (${tag.replaceAll('-', ' ')})`);

/** Each concept named by the lesson objective most of its questions test (banks have no concept names of their own). */
function conceptsOf(bank: Bank, objectives: readonly string[], locale: Locale): ConceptInfo[] {
  const votes = new Map<string, Map<number, number>>();
  for (const question of bank.questions) {
    const byObjective = votes.get(question.concept) ?? new Map<number, number>();
    byObjective.set(question.objective, (byObjective.get(question.objective) ?? 0) + 1);
    votes.set(question.concept, byObjective);
  }
  const named = [...votes].map(([tag, byObjective]) => {
    const [objective] = [...byObjective].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0];
    return { tag, label: objectives[objective] ?? tag };
  });
  // Two concepts of the same objective would read alike: their tags tell them apart.
  return named.map((concept) =>
    named.filter((other) => other.label === concept.label).length > 1 ? { ...concept, label: withTag(concept.label, concept.tag, locale) } : concept,
  );
}

/** Modules and their lessons with a bank, for Today's review. */
export async function reviewModules(locale: Locale): Promise<ReviewModuleInfo[]> {
  const [catalog, banks] = await Promise.all([catalogFor(locale), banksByLesson()]);
  return catalog.map(({ id, module, lessons }) => ({
    id,
    title: module.title[locale],
    lessons: lessons.flatMap((lesson) => {
      const bank = banks.get(lesson.id);
      if (!bank) return [];
      return [{ id: lesson.id, title: lesson.title, quizHref: quizPath(locale, lesson.id), questionIds: bank.questions.filter(isPracticeQuestion).map((question) => question.id), concepts: conceptsOf(bank, lesson.objectives, locale) }];
    }),
  }));
}
