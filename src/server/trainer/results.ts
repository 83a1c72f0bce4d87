/**
 * Everything recorded for one cohort, in four queries, as plain rows for the analytics in
 * src/lib/analytics. The caller has checked that the trainer owns the cohort.
 */
import { asc, eq } from 'drizzle-orm';
import type { AttemptRecord } from '../../lib/quiz/recordSchema.ts';
import type { Database } from '../db/client.ts';
import { answers, assignments, attempts, learners, type AnswerRow, type Assignment, type AttemptRow, type Learner } from '../db/schema.ts';

export interface CohortResults {
  learners: Learner[];
  assignments: Assignment[];
  /** Every attempt, open or submitted, oldest first. */
  attempts: AttemptRow[];
  /** Answers by attempt id, in question order. */
  answersByAttempt: Map<string, AnswerRow[]>;
}

export async function cohortResults(db: Database, cohortId: string): Promise<CohortResults> {
  const [learnerRows, assignmentRows, attemptRows, answerRows] = await Promise.all([
    db.select().from(learners).where(eq(learners.cohortId, cohortId)).orderBy(asc(learners.createdAt), asc(learners.name)),
    db.select().from(assignments).where(eq(assignments.cohortId, cohortId)),
    db
      .select({ attempt: attempts })
      .from(attempts)
      .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
      .where(eq(assignments.cohortId, cohortId))
      .orderBy(asc(attempts.startedAt)),
    db
      .select({ answer: answers })
      .from(answers)
      .innerJoin(attempts, eq(attempts.id, answers.attemptId))
      .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
      .where(eq(assignments.cohortId, cohortId))
      .orderBy(asc(answers.attemptId), asc(answers.position)),
  ]);
  const answersByAttempt = new Map<string, AnswerRow[]>();
  for (const { answer } of answerRows) answersByAttempt.set(answer.attemptId, [...(answersByAttempt.get(answer.attemptId) ?? []), answer]);
  return { learners: learnerRows, assignments: assignmentRows, attempts: attemptRows.map((row) => row.attempt), answersByAttempt };
}

/** Score of a submitted attempt, 0..1; null while open. */
export function attemptScore(attempt: AttemptRow): number | null {
  return attempt.submittedAt !== null && attempt.total !== null && attempt.max ? attempt.total / attempt.max : null;
}

/** A learner's submitted attempts as the quiz engine's history (for mastery per concept). */
export function historyOf(results: CohortResults, learnerId: string): AttemptRecord[] {
  return results.attempts.flatMap((attempt) => {
    if (attempt.learnerId !== learnerId || attempt.submittedAt === null || attempt.total === null || attempt.max === null) return [];
    const rows = results.answersByAttempt.get(attempt.id) ?? [];
    return [
      {
        lesson: attempt.lessonId,
        mode: 'test' as const,
        seed: attempt.seed,
        completedAt: attempt.submittedAt.toISOString(),
        total: attempt.total,
        max: attempt.max,
        passed: attempt.passed === true,
        answers: rows.map((row) => ({ questionId: row.questionId, concept: row.concept, points: row.points, maxPoints: row.maxPoints })),
      },
    ];
  });
}
