/**
 * The one statement that stores a graded submission: all of it or nothing, and once per attempt
 * however many requests race for it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { answers, attempts } from '../../../src/server/db/schema.ts';
import { storeSubmission, type AnswerRow, type GradedSubmission } from '../../../src/server/learner/storeSubmission.ts';
import { startTestApp } from '../support/app.ts';
import { side, startAttempt, type Side } from '../support/fixtures.ts';

let handle: DatabaseHandle;
let a: Side;
beforeAll(async () => {
  handle = await startTestApp();
  a = await side(handle.db, 'Store');
});
afterAll(async () => handle.close());

const answerRows = (count: number): AnswerRow[] =>
  Array.from({ length: count }, (_, position) => ({ position, question_id: `q${position}`, concept: 'clv-definition', choice: position % 2 ? 'b' : null, points: 0.5, max_points: 1, correct: false }));

const submission = (attemptId: string, clientSubmissionId: string, rows = answerRows(5)): GradedSubmission => {
  const now = new Date();
  return { attemptId, submittedAt: now, answeredAt: now, clientSubmissionId, responses: { q0: 1 }, total: 2.5, max: 5, passed: false, answers: rows };
};

const stored = async (attemptId: string) => ({
  attempt: (await handle.db.select().from(attempts).where(eq(attempts.id, attemptId)))[0]!,
  answers: await handle.db.select().from(answers).where(eq(answers.attemptId, attemptId)),
});

describe('storeSubmission', () => {
  it('stores the result and every answer row, as given', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    const given = submission(attemptId, 'store-all-0001');
    expect(await storeSubmission(handle.db, given)).toBe(true);
    const { attempt, answers: rows } = await stored(attemptId);
    expect(attempt).toMatchObject({ submittedAt: given.submittedAt, clientSubmissionId: 'store-all-0001', responses: { q0: 1 }, total: 2.5, max: 5, passed: false });
    expect(rows.sort((x, y) => x.position - y.position)).toEqual(
      given.answers.map((row) => ({ attemptId, position: row.position, questionId: row.question_id, concept: row.concept, choice: row.choice, points: 0.5, maxPoints: 1, correct: false })),
    );
  });

  it('stores nothing when an answer row is refused (one statement, all or nothing)', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    const rows = answerRows(5);
    rows[4] = { ...rows[4]!, position: 0 }; // a second row at position 0 breaks the primary key
    await expect(storeSubmission(handle.db, submission(attemptId, 'store-bad-0001', rows))).rejects.toThrow();
    const { attempt, answers: kept } = await stored(attemptId);
    expect(attempt.submittedAt).toBeNull();
    expect(kept).toHaveLength(0);
  });

  it('lets exactly one of many racing submissions win, with one set of answers', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => storeSubmission(handle.db, submission(attemptId, `store-race-${i}000`))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const { attempt, answers: rows } = await stored(attemptId);
    expect(attempt.clientSubmissionId).toBe(`store-race-${results.indexOf(true)}000`);
    expect(rows).toHaveLength(5);
  });

  it('changes nothing once the attempt is submitted', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    expect(await storeSubmission(handle.db, submission(attemptId, 'store-first-01'))).toBe(true);
    expect(await storeSubmission(handle.db, submission(attemptId, 'store-second-1', answerRows(3)))).toBe(false);
    const { attempt, answers: rows } = await stored(attemptId);
    expect(attempt.clientSubmissionId).toBe('store-first-01');
    expect(rows).toHaveLength(5);
  });
});
