/**
 * The cohort at a glance: a matrix of learners × assigned lessons with each one's status and best
 * score, how far the whole assignment has got, who is overdue, and the average score per lesson.
 */
import { assignmentProgress, COMPLETION_STATUSES, type AssignmentProgress, type AttemptOutcome, type CompletionStatus } from './status.ts';

export interface MatrixLearner {
  id: string;
}

export interface MatrixAssignment {
  id: string;
  dueAt: Date | string;
}

export interface MatrixAttempt extends AttemptOutcome {
  learnerId: string;
  assignmentId: string;
}

export interface MatrixCell extends AssignmentProgress {
  learnerId: string;
  assignmentId: string;
}

export interface LessonAverage {
  assignmentId: string;
  /** Mean of the learners' best scores (0..1) over those who submitted; null when nobody has. */
  averageBestScore: number | null;
  /** Learners with at least one submission, and those who passed. */
  submittedLearners: number;
  passedLearners: number;
}

export interface CompletionSummary {
  /** One row per learner (input order), one cell per assignment (input order). */
  rows: MatrixCell[][];
  /** Cells per status. */
  counts: Record<CompletionStatus, number>;
  /** Passed cells over all cells, 0..1 (0 for an empty cohort). */
  passedShare: number;
  /** Overdue cells, learner by learner. */
  overdue: MatrixCell[];
  /** One per assignment, input order. */
  lessonAverages: LessonAverage[];
}

export function completionSummary(
  learners: readonly MatrixLearner[],
  assignments: readonly MatrixAssignment[],
  attempts: readonly MatrixAttempt[],
  now: Date | string,
): CompletionSummary {
  const byCell = new Map<string, MatrixAttempt[]>();
  for (const attempt of attempts) {
    const key = `${attempt.learnerId}|${attempt.assignmentId}`;
    byCell.set(key, [...(byCell.get(key) ?? []), attempt]);
  }
  const counts = Object.fromEntries(COMPLETION_STATUSES.map((status) => [status, 0])) as Record<CompletionStatus, number>;
  const rows = learners.map((learner) =>
    assignments.map((assignment) => {
      const cell: MatrixCell = {
        learnerId: learner.id,
        assignmentId: assignment.id,
        ...assignmentProgress(assignment.dueAt, byCell.get(`${learner.id}|${assignment.id}`) ?? [], now),
      };
      counts[cell.status]++;
      return cell;
    }),
  );
  const cells = rows.flat();
  const lessonAverages = assignments.map((assignment, column) => {
    const lessonCells = rows.map((row) => row[column] as MatrixCell);
    const scores = lessonCells.flatMap((cell) => (cell.bestScore === null ? [] : [cell.bestScore]));
    return {
      assignmentId: assignment.id,
      averageBestScore: scores.length ? scores.reduce((sum, score) => sum + score, 0) / scores.length : null,
      submittedLearners: scores.length,
      passedLearners: lessonCells.filter((cell) => cell.status === 'passed').length,
    };
  });
  return {
    rows,
    counts,
    passedShare: cells.length ? counts.passed / cells.length : 0,
    overdue: cells.filter((cell) => cell.status === 'overdue'),
    lessonAverages,
  };
}
