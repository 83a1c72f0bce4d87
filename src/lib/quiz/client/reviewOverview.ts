/**
 * What "Today's review" shows, from the local attempt history: per lesson, the questions due now
 * (the Leitner queue of review.ts), how many come back later, and the mastery of each of the
 * bank's concepts (mastery.ts). Questions or concepts no longer in a bank are left out.
 */
import type { AttemptRecord } from '../recordSchema.ts';
import { conceptMastery, type ConceptMastery } from '../mastery.ts';
import { dueQuestions, reviewCards } from '../review.ts';

/** A concept of a bank and how the page names it. */
export interface ConceptInfo {
  tag: string;
  /** The lesson objective most of the concept's questions test. */
  label: string;
}

/** A lesson with a question bank, as the review page knows it (built at build time, no answers). */
export interface ReviewLessonInfo {
  id: string;
  title: string;
  /** The lesson's quiz page. */
  quizHref: string;
  /** Ids of the questions self-study may ask: history entries of removed or assessment-only questions are ignored. */
  questionIds: string[];
  concepts: ConceptInfo[];
}

export interface ReviewModuleInfo {
  id: string;
  title: string;
  lessons: ReviewLessonInfo[];
}

export interface LessonReview {
  lesson: ReviewLessonInfo;
  /** Questions due now, most overdue first. */
  dueIds: string[];
  /** Questions in the queue but not due yet. */
  laterCount: number;
  /** Those questions, soonest due first: a learner may retry them early ("review now"). */
  laterIds: string[];
  /** When the next not-yet-due question comes back (ISO), or null. */
  nextDueAt: string | null;
  mastery: (ConceptMastery & { label: string })[];
}

export interface ReviewOverview {
  dueTotal: number;
  modules: { module: ReviewModuleInfo; lessons: LessonReview[] }[];
}

export function reviewOverview(history: readonly AttemptRecord[], modules: readonly ReviewModuleInfo[], now: Date): ReviewOverview {
  const cards = reviewCards(history);
  const dueNow = new Set(dueQuestions(history, now).map((card) => `${card.lesson}\u0000${card.questionId}`));
  let dueTotal = 0;
  const overview = modules.map((module) => ({
    module,
    lessons: module.lessons.map((lesson): LessonReview => {
      const known = new Set(lesson.questionIds);
      const mine = cards.filter((card) => card.lesson === lesson.id && known.has(card.questionId));
      const due = mine.filter((card) => dueNow.has(`${card.lesson}\u0000${card.questionId}`));
      const later = mine.filter((card) => !due.includes(card));
      dueTotal += due.length;
      const labels = new Map(lesson.concepts.map((concept) => [concept.tag, concept.label]));
      const mastery = conceptMastery(history, { lesson: lesson.id, concepts: lesson.concepts.map((concept) => concept.tag) })
        .filter((entry) => labels.has(entry.concept))
        .map((entry) => ({ ...entry, label: labels.get(entry.concept) as string }));
      return {
        lesson,
        dueIds: due.map((card) => card.questionId),
        laterCount: later.length,
        laterIds: later.map((card) => card.questionId),
        nextDueAt: later[0]?.dueAt ?? null,
        mastery,
      };
    }),
  }));
  return { dueTotal, modules: overview };
}
