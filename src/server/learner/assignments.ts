/**
 * "My assignments": the learner's cohort's assigned lessons with due date, status and best score.
 */
import { eq } from 'drizzle-orm';
import { assignmentProgress, type CompletionStatus } from '../../lib/analytics/status.ts';
import type { Localized } from '../../lib/quiz/schemaParts.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { LearnerIdentity } from '../auth/sessions.ts';
import type { Database } from '../db/client.ts';
import { assignments, attempts } from '../db/schema.ts';
import type { Course } from './course.ts';

export interface MyAssignment {
  assignmentId: string;
  lessonId: string;
  lessonTitle: Localized;
  /** The language of a trainer's own lesson's text (CourseLesson.lang); none for built-in lessons. */
  lessonLang?: Locale | undefined;
  dueAt: string;
  passMark: number;
  questionCount: number;
  status: CompletionStatus;
  /** 0..1, null before the first submission. */
  bestScore: number | null;
  submitted: number;
}

export async function myAssignments(db: Database, course: Course, learner: LearnerIdentity, now = new Date()): Promise<MyAssignment[]> {
  const [rows, own] = await Promise.all([
    db.select().from(assignments).where(eq(assignments.cohortId, learner.cohortId)),
    db
      .select({ assignmentId: attempts.assignmentId, submittedAt: attempts.submittedAt, passed: attempts.passed, total: attempts.total, max: attempts.max })
      .from(attempts)
      .where(eq(attempts.learnerId, learner.id)),
  ]);
  const courseOrder = (lessonId: string) => course.lessons.findIndex((lesson) => lesson.id === lessonId);
  rows.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || courseOrder(a.lessonId) - courseOrder(b.lessonId));
  return rows.flatMap((assignment) => {
    const lesson = course.lesson(assignment.lessonId);
    if (!lesson) return [];
    const outcomes = own
      .filter((attempt) => attempt.assignmentId === assignment.id)
      .map((attempt) => ({ submittedAt: attempt.submittedAt, passed: attempt.passed, score: attempt.total !== null && attempt.max ? attempt.total / attempt.max : null }));
    const progress = assignmentProgress(assignment.dueAt, outcomes, now);
    return [
      {
        assignmentId: assignment.id,
        lessonId: assignment.lessonId,
        lessonTitle: lesson.title,
        lessonLang: lesson.lang,
        dueAt: assignment.dueAt.toISOString(),
        passMark: assignment.passMark,
        questionCount: assignment.questionCount,
        status: progress.status,
        bestScore: progress.bestScore,
        submitted: progress.submitted,
      },
    ];
  });
}
