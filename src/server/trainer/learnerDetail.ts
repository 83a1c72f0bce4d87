/**
 * One learner as their trainer sees them: every attempt with its times, score and, for submitted
 * ones, each question with the learner's answer, the right answer and the points, re-created from
 * the stored seed and responses in the trainer's language.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Locale } from '../../lib/i18n/locales.ts';
import { grade } from '../../lib/quiz/grade.ts';
import { answerKey } from '../../lib/quiz/key.ts';
import { learnerView } from '../../lib/quiz/view.ts';
import type { Localized } from '../../lib/quiz/schemaParts.ts';
import type { Database } from '../db/client.ts';
import { attempts, learners } from '../db/schema.ts';
import type { Course } from '../learner/course.ts';
import { redrawTest } from '../learner/grading.ts';
import { isUuid } from '../db/ids.ts';
import { ownedCohort } from './cohorts.ts';

export interface AnsweredQuestion {
  number: number;
  questionId: string;
  concept: string;
  prompt: string;
  learnerAnswer: string | null;
  correctAnswer: string;
  points: number;
  maxPoints: number;
  correct: boolean;
}

export interface LearnerAttempt {
  attemptId: string;
  lessonId: string;
  lessonTitle: Localized;
  /** The language of a trainer's own lesson's text (CourseLesson.lang); none for built-in lessons. */
  lessonLang?: Locale | undefined;
  startedAt: string;
  submittedAt: string | null;
  /** When the learner pressed submit (differs from submittedAt when it waited offline). */
  answeredAt: string | null;
  /** Seconds from start to answer; null while open. */
  durationSeconds: number | null;
  total: number | null;
  max: number | null;
  passed: boolean | null;
  passMark: number;
  /** Empty while open, or when the bank has changed since. */
  questions: AnsweredQuestion[];
}

export interface LearnerDetail {
  cohortId: string;
  cohortName: string;
  learner: { id: string; name: string; employeeId: string | null; joinedAt: string };
  attempts: LearnerAttempt[];
}

export async function learnerDetail(db: Database, course: Course, trainerId: string, cohortId: string, learnerId: string, locale: Locale): Promise<LearnerDetail | null> {
  const cohort = await ownedCohort(db, trainerId, cohortId);
  if (!cohort || !isUuid(learnerId)) return null;
  const [learner] = await db.select().from(learners).where(and(eq(learners.id, learnerId), eq(learners.cohortId, cohort.id)));
  if (!learner) return null;
  const rows = await db.select().from(attempts).where(eq(attempts.learnerId, learner.id)).orderBy(asc(attempts.startedAt));
  return {
    cohortId: cohort.id,
    cohortName: cohort.name,
    learner: { id: learner.id, name: learner.name, employeeId: learner.employeeId, joinedAt: learner.createdAt.toISOString() },
    attempts: rows.map((row) => {
      const bank = course.bank(row.lessonId);
      const attempt = bank && row.submittedAt !== null ? redrawTest(bank, row) : null;
      const result = attempt ? grade(attempt, answerKey(attempt), row.responses ?? {}, locale) : null;
      const view = attempt ? learnerView(attempt, locale) : null;
      const end = row.answeredAt ?? row.submittedAt;
      return {
        attemptId: row.id,
        lessonId: row.lessonId,
        lessonTitle: course.lesson(row.lessonId)?.title ?? { ja: row.lessonId, en: row.lessonId },
        lessonLang: course.lesson(row.lessonId)?.lang,
        startedAt: row.startedAt.toISOString(),
        submittedAt: row.submittedAt?.toISOString() ?? null,
        answeredAt: row.answeredAt?.toISOString() ?? null,
        durationSeconds: end ? Math.max(0, Math.round((end.getTime() - row.startedAt.getTime()) / 1000)) : null,
        total: row.total,
        max: row.max,
        passed: row.passed,
        passMark: row.passMark,
        questions: (result?.questions ?? []).map((question, index) => ({
          number: index + 1,
          questionId: question.questionId,
          concept: question.concept,
          prompt: view?.questions[index]?.prompt ?? '',
          learnerAnswer: question.feedback.learnerAnswer,
          correctAnswer: question.feedback.correctAnswer,
          points: question.points,
          maxPoints: question.maxPoints,
          correct: question.correct,
        })),
      };
    }),
  };
}
