/**
 * Assigned tests: start (the server draws and keeps the seed, the learner gets the view without
 * keys), read back, and submit (graded here, stored in one transaction, idempotent per
 * clientSubmissionId). Every query is scoped to the signed-in learner, so another learner's
 * attempt is a 404, indistinguishable from one that does not exist.
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { Attempt } from '../../lib/quiz/attempt.ts';
import { grade, type GradeResult } from '../../lib/quiz/grade.ts';
import { answerKey } from '../../lib/quiz/key.ts';
import { randomSeed } from '../../lib/quiz/random.ts';
import { learnerView, type LearnerView } from '../../lib/quiz/view.ts';
import type { LearnerIdentity } from '../auth/sessions.ts';
import type { Database } from '../db/client.ts';
import { assignments, attempts, type AttemptRow } from '../db/schema.ts';
import { failure, success, type Outcome } from '../http/outcome.ts';
import { isUuid } from '../db/ids.ts';
import type { Course } from './course.ts';
import { choiceOf, drawTest, redrawTest } from './grading.ts';
import type { StartAttemptBody, SubmitBody } from './schemas.ts';
import { storeSubmission } from './storeSubmission.ts';

/** Unsubmitted attempts a learner may hold per assignment (each reload of a lost tab makes one). */
export const MAX_OPEN_ATTEMPTS = 10;

export interface StartedAttempt {
  attemptId: string;
  assignmentId: string;
  startedAt: string;
  view: LearnerView;
}

/** The graded attempt as the learner sees it after submitting: explanations included, no seed. */
export interface AttemptReview {
  attemptId: string;
  assignmentId: string;
  startedAt: string;
  submittedAt: string;
  clientSubmissionId: string;
  total: number;
  max: number;
  percentage: number;
  passed: boolean;
  passMark: number;
  questions: GradeResult['questions'];
  view: LearnerView;
}

export type AttemptState = { status: 'open'; attempt: StartedAttempt } | { status: 'submitted'; review: AttemptReview };

export async function startAttempt(db: Database, course: Course, learner: LearnerIdentity, body: StartAttemptBody, seed = randomSeed()): Promise<Outcome<StartedAttempt>> {
  const [assignment] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.id, body.assignmentId), eq(assignments.cohortId, learner.cohortId)));
  const bank = assignment && course.bank(assignment.lessonId);
  if (!assignment || !bank) return failure(404, 'not-found');
  const [open] = await db
    .select({ value: count() })
    .from(attempts)
    .where(and(eq(attempts.learnerId, learner.id), eq(attempts.assignmentId, assignment.id), isNull(attempts.submittedAt)));
  if ((open?.value ?? 0) >= MAX_OPEN_ATTEMPTS) return failure(429, 'too-many-open-attempts', { max: MAX_OPEN_ATTEMPTS });
  const attempt = drawTest(bank, seed, assignment.questionCount, assignment.passMark);
  const [row] = await db
    .insert(attempts)
    .values({
      assignmentId: assignment.id,
      learnerId: learner.id,
      lessonId: assignment.lessonId,
      seed,
      questionCount: assignment.questionCount,
      passMark: assignment.passMark,
      locale: body.locale,
      questionIds: attempt.questions.map((item) => item.question.id),
    })
    .returning();
  if (!row) throw new Error('insert returned no attempt');
  return success({ attemptId: row.id, assignmentId: assignment.id, startedAt: row.startedAt.toISOString(), view: learnerView(attempt, body.locale, course.lesson(assignment.lessonId)?.lang) });
}

async function ownAttempt(db: Database, learner: LearnerIdentity, attemptId: string): Promise<AttemptRow | undefined> {
  if (!isUuid(attemptId)) return undefined;
  const [row] = await db.select().from(attempts).where(and(eq(attempts.id, attemptId), eq(attempts.learnerId, learner.id)));
  return row;
}

/**
 * The review of a submitted attempt: scores as stored, feedback re-created from the seed (or
 * taken from the grading just done, on the first submission).
 */
function reviewOf(row: AttemptRow, course: Course, graded?: { attempt: Attempt; result: GradeResult }): AttemptReview | null {
  const bank = course.bank(row.lessonId);
  const attempt = graded?.attempt ?? (bank && redrawTest(bank, row));
  if (!attempt || row.submittedAt === null || row.total === null || row.max === null || row.passed === null) return null;
  const locale = row.locale as Locale;
  const result = graded?.result ?? grade(attempt, answerKey(attempt), row.responses ?? {}, locale);
  return {
    attemptId: row.id,
    assignmentId: row.assignmentId,
    startedAt: row.startedAt.toISOString(),
    submittedAt: row.submittedAt.toISOString(),
    clientSubmissionId: row.clientSubmissionId ?? '',
    total: row.total,
    max: row.max,
    percentage: row.max > 0 ? (row.total / row.max) * 100 : 0,
    passed: row.passed,
    passMark: row.passMark,
    questions: result.questions,
    view: learnerView(attempt, locale, course.lesson(row.lessonId)?.lang),
  };
}

/** An attempt of the learner: the questions while open, the review once submitted. */
export async function readAttempt(db: Database, course: Course, learner: LearnerIdentity, attemptId: string): Promise<Outcome<AttemptState>> {
  const row = await ownAttempt(db, learner, attemptId);
  if (!row) return failure(404, 'not-found');
  if (row.submittedAt !== null) {
    const review = reviewOf(row, course);
    return review ? success({ status: 'submitted', review }) : failure(409, 'attempt-outdated');
  }
  const bank = course.bank(row.lessonId);
  const attempt = bank && redrawTest(bank, row);
  if (!attempt) return failure(409, 'attempt-outdated');
  const view = learnerView(attempt, row.locale as Locale, course.lesson(row.lessonId)?.lang);
  return success({ status: 'open', attempt: { attemptId: row.id, assignmentId: row.assignmentId, startedAt: row.startedAt.toISOString(), view } });
}

/** The stored result for a replay of the same submission; a different submission is a conflict. */
function replay(row: AttemptRow, course: Course, clientSubmissionId: string): Outcome<{ review: AttemptReview; replayed: boolean }> {
  if (row.clientSubmissionId !== clientSubmissionId) return failure(409, 'already-submitted', { attemptId: row.id });
  const review = reviewOf(row, course);
  return review ? success({ review, replayed: true }) : failure(409, 'attempt-outdated');
}

/** The time the learner answered, as claimed by the queue, kept within [startedAt, now]. */
function answeredTime(claimed: string | undefined, startedAt: Date, now: Date): Date {
  const time = claimed ? Date.parse(claimed) : now.getTime();
  return new Date(Math.min(now.getTime(), Math.max(startedAt.getTime(), Number.isNaN(time) ? now.getTime() : time)));
}

/**
 * Grades and stores a submission. Exactly once: the row is updated only while unsubmitted, in
 * the same statement as its answers (storeSubmission.ts), so a retry or a race returns the stored
 * result instead of a second grade.
 */
export async function submitAttempt(
  db: Database,
  course: Course,
  learner: LearnerIdentity,
  attemptId: string,
  body: SubmitBody,
  now = new Date(),
): Promise<Outcome<{ review: AttemptReview; replayed: boolean }>> {
  const row = await ownAttempt(db, learner, attemptId);
  if (!row) return failure(404, 'not-found');
  if (row.submittedAt !== null) return replay(row, course, body.clientSubmissionId);
  const bank = course.bank(row.lessonId);
  const attempt = bank && redrawTest(bank, row);
  if (!attempt) return failure(409, 'attempt-outdated');
  const result = grade(attempt, answerKey(attempt), body.responses, row.locale as Locale);
  const submitted = {
    submittedAt: now,
    answeredAt: answeredTime(body.answeredAt, row.startedAt, now),
    clientSubmissionId: body.clientSubmissionId,
    responses: body.responses,
    total: result.total,
    max: result.max,
    passed: result.passed,
  };
  const won = await storeSubmission(db, {
    attemptId: row.id,
    ...submitted,
    answers: result.questions.map((question, position) => ({
      position,
      question_id: question.questionId,
      concept: question.concept,
      // Own keys only: the client's map could be asked for `constructor` and find a function.
      choice: choiceOf(attempt.questions[position]!, Object.hasOwn(body.responses, question.questionId) ? body.responses[question.questionId] : undefined),
      points: question.points,
      max_points: question.maxPoints,
      correct: question.correct,
    })),
  });
  // The stored row is the row read plus what was just written: no need to read it back.
  const stored: AttemptRow | null = won ? { ...row, ...submitted } : null;
  if (!stored) {
    // Another request submitted this attempt between our read and our write.
    const winner = await ownAttempt(db, learner, attemptId);
    return winner ? replay(winner, course, body.clientSubmissionId) : failure(404, 'not-found');
  }
  const review = reviewOf(stored, course, { attempt, result });
  return review ? success({ review, replayed: false }) : failure(409, 'attempt-outdated');
}
