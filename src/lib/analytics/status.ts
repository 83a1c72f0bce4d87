/**
 * Where a learner stands on one assignment. The rules, in order:
 * 1. passed: some submitted attempt passed (even after the due date: late is still learnt);
 * 2. overdue: the due date has gone by without a pass;
 * 3. failed: submitted at least once, none passed, still time left;
 * 4. in-progress: a test started, not submitted;
 * 5. not-started: nothing yet.
 */
export const COMPLETION_STATUSES = ['not-started', 'in-progress', 'passed', 'failed', 'overdue'] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];

/** One attempt as the status rules see it. */
export interface AttemptOutcome {
  /** Null while not submitted. */
  submittedAt: Date | string | null;
  /** Null while not submitted. */
  passed: boolean | null;
  /** Points earned / available, 0..1; null while not submitted. */
  score: number | null;
}

export interface AssignmentProgress {
  status: CompletionStatus;
  /** The best score of the submitted attempts, 0..1; null before the first submission. */
  bestScore: number | null;
  /** Submitted attempts. */
  submitted: number;
  /** When the first passing attempt was submitted (ISO); null when none passed. */
  passedAt: string | null;
}

const time = (value: Date | string) => (typeof value === 'string' ? Date.parse(value) : value.getTime());

export function completionStatus(dueAt: Date | string, attempts: readonly AttemptOutcome[], now: Date | string): CompletionStatus {
  const submitted = attempts.filter((attempt) => attempt.submittedAt !== null);
  if (submitted.some((attempt) => attempt.passed === true)) return 'passed';
  if (time(now) > time(dueAt)) return 'overdue';
  if (submitted.length > 0) return 'failed';
  return attempts.length > 0 ? 'in-progress' : 'not-started';
}

/** Status, best score and pass time of one learner on one assignment. */
export function assignmentProgress(dueAt: Date | string, attempts: readonly AttemptOutcome[], now: Date | string): AssignmentProgress {
  const submitted = attempts.filter((attempt) => attempt.submittedAt !== null);
  const scores = submitted.flatMap((attempt) => (attempt.score === null ? [] : [attempt.score]));
  const passTimes = submitted.filter((attempt) => attempt.passed === true).map((attempt) => time(attempt.submittedAt as Date | string));
  return {
    status: completionStatus(dueAt, attempts, now),
    bestScore: scores.length ? Math.max(...scores) : null,
    submitted: submitted.length,
    passedAt: passTimes.length ? new Date(Math.min(...passTimes)).toISOString() : null,
  };
}
