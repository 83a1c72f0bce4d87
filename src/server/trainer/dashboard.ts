/**
 * The cohort dashboard: completion matrix, overdue list, averages per lesson, item analysis per
 * assigned lesson and the team's weakest concepts with the lesson section to revisit. Texts come
 * in both languages; the page picks one.
 */
import { completionSummary, type CompletionSummary } from '../../lib/analytics/completion.ts';
import { weakestConcepts, type TeamConcept } from '../../lib/analytics/concepts.ts';
import { itemAnalysis, type ItemStatistics, type Sitting } from '../../lib/analytics/items.ts';
import type { LessonPreview } from '../../lib/authoring/trainerLinks.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { Localized } from '../../lib/quiz/schemaParts.ts';
import { lessonPreviews } from '../authoring/pages.ts';
import type { Database } from '../db/client.ts';
import type { Cohort } from '../db/schema.ts';
import type { Course } from '../learner/course.ts';
import { ownedCohort } from './cohorts.ts';
import { answerText } from './questionText.ts';
import { attemptScore, cohortResults, historyOf, type CohortResults } from './results.ts';

export interface DashboardAssignment {
  id: string;
  lessonId: string;
  lessonTitle: Localized;
  /** The language of a trainer's own lesson's text (CourseLesson.lang); none for built-in lessons. */
  lessonLang?: Locale | undefined;
  dueAt: string;
  passMark: number;
  questionCount: number;
}

export interface DashboardLearner {
  id: string;
  name: string;
  employeeId: string | null;
  joinedAt: string;
}

export interface ItemRow extends ItemStatistics {
  prompt: Localized;
  conceptLabel: Localized;
  /** The most chosen wrong answer in words; null when nobody went wrong. */
  mostChosenWrongText: Localized | null;
}

export interface LessonItems {
  assignmentId: string;
  lessonId: string;
  lessonTitle: Localized;
  /** The language of a trainer's own lesson's text (CourseLesson.lang); none for built-in lessons. */
  lessonLang?: Locale | undefined;
  /** Learners whose first sitting is analysed. */
  sittings: number;
  items: ItemRow[];
}

export interface WeakConcept extends TeamConcept {
  label: Localized;
  /** The lesson and section that teach it (the first assigned question on it). */
  lessonId: string;
  lessonTitle: Localized;
  /** The language of a trainer's own lesson's text (CourseLesson.lang); none for built-in lessons. */
  lessonLang?: Locale | undefined;
  section: Localized;
}

export interface CohortDashboard {
  cohort: Pick<Cohort, 'id' | 'name' | 'inviteToken'> & { inviteRotatedAt: string };
  assignments: DashboardAssignment[];
  learners: DashboardLearner[];
  summary: CompletionSummary;
  items: LessonItems[];
  weakConcepts: WeakConcept[];
  /** The owner's preview of each assigned custom lesson the trainer may preview (see trainerSectionHref). */
  previews: Record<string, LessonPreview>;
}

/** Each learner's first submitted attempt of the assignment, as sittings for item analysis. */
function firstSittings(results: CohortResults, assignmentId: string): Sitting[] {
  const seen = new Set<string>();
  const sittings: Sitting[] = [];
  for (const attempt of results.attempts) {
    if (attempt.assignmentId !== assignmentId || attempt.submittedAt === null || seen.has(attempt.learnerId)) continue;
    seen.add(attempt.learnerId);
    const rows = results.answersByAttempt.get(attempt.id) ?? [];
    sittings.push({
      learnerId: attempt.learnerId,
      answers: rows.map((row) => ({ questionId: row.questionId, concept: row.concept, choice: row.choice, share: row.maxPoints > 0 ? row.points / row.maxPoints : 0 })),
    });
  }
  return sittings;
}

function lessonItems(course: Course, results: CohortResults, assignment: DashboardAssignment): LessonItems {
  const bank = course.bank(assignment.lessonId);
  const sittings = firstSittings(results, assignment.id);
  const questions = new Map((bank?.questions ?? []).map((question) => [question.id, question]));
  const items = itemAnalysis(sittings)
    .map((item) => {
      const question = questions.get(item.questionId);
      return {
        ...item,
        prompt: question?.prompt ?? { ja: item.questionId, en: item.questionId },
        conceptLabel: course.conceptLabel(assignment.lessonId, item.concept),
        mostChosenWrongText: item.mostChosenWrong && question ? answerText(question, item.mostChosenWrong.choice) : null,
      };
    })
    // Hardest first: that is where the trainer's attention goes.
    .sort((a, b) => a.facility - b.facility);
  return { assignmentId: assignment.id, lessonId: assignment.lessonId, lessonTitle: assignment.lessonTitle, lessonLang: assignment.lessonLang, sittings: sittings.length, items };
}

function weakConceptsOf(course: Course, results: CohortResults, assignmentList: DashboardAssignment[]): WeakConcept[] {
  const histories = results.learners.map((learner) => historyOf(results, learner.id));
  return weakestConcepts(histories).flatMap((concept) => {
    for (const assignment of assignmentList) {
      const question = course.bank(assignment.lessonId)?.questions.find((candidate) => candidate.concept === concept.concept);
      if (question) {
        const label = course.conceptLabel(assignment.lessonId, concept.concept);
        return [{ ...concept, label, lessonId: assignment.lessonId, lessonTitle: assignment.lessonTitle, lessonLang: assignment.lessonLang, section: question.section }];
      }
    }
    return [];
  });
}

export function buildDashboard(cohort: Cohort, course: Course, results: CohortResults, now: Date): CohortDashboard {
  const assignmentList = results.assignments
    .map((assignment) => ({
      id: assignment.id,
      lessonId: assignment.lessonId,
      lessonTitle: course.lesson(assignment.lessonId)?.title ?? { ja: assignment.lessonId, en: assignment.lessonId },
      lessonLang: course.lesson(assignment.lessonId)?.lang,
      dueAt: assignment.dueAt.toISOString(),
      passMark: assignment.passMark,
      questionCount: assignment.questionCount,
      order: course.lessons.findIndex((lesson) => lesson.id === assignment.lessonId),
    }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.order - b.order)
    .map(({ order: _order, ...assignment }) => assignment);
  const learnerList = results.learners.map((learner) => ({ id: learner.id, name: learner.name, employeeId: learner.employeeId, joinedAt: learner.createdAt.toISOString() }));
  const outcomes = results.attempts.map((attempt) => ({
    learnerId: attempt.learnerId,
    assignmentId: attempt.assignmentId,
    submittedAt: attempt.submittedAt,
    passed: attempt.passed,
    score: attemptScore(attempt),
  }));
  return {
    cohort: { id: cohort.id, name: cohort.name, inviteToken: cohort.inviteToken, inviteRotatedAt: cohort.inviteRotatedAt.toISOString() },
    assignments: assignmentList,
    learners: learnerList,
    summary: completionSummary(learnerList, assignmentList, outcomes, now),
    items: assignmentList.map((assignment) => lessonItems(course, results, assignment)),
    weakConcepts: weakConceptsOf(course, results, assignmentList),
    previews: {},
  };
}

/** The dashboard of a cohort the trainer owns, or null. */
export async function cohortDashboard(db: Database, course: Course, trainerId: string, cohortId: string, now = new Date()): Promise<CohortDashboard | null> {
  const cohort = await ownedCohort(db, trainerId, cohortId);
  if (!cohort) return null;
  const dashboard = buildDashboard(cohort, course, await cohortResults(db, cohort.id), now);
  const previews = await lessonPreviews(db, trainerId, dashboard.assignments.map((assignment) => assignment.lessonId));
  return { ...dashboard, previews };
}
