/**
 * Assigned tests graded on the server: the seed stays on the server, the view has no keys, the
 * review comes only after submission, and submissions are exactly-once per clientSubmissionId.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { answers, attempts } from '../../../src/server/db/schema.ts';
import { MAX_OPEN_ATTEMPTS } from '../../../src/server/learner/attempts.ts';
import { startTestApp } from '../support/app.ts';
import { joinAs, responsesFor, side, startAttempt, type Side } from '../support/fixtures.ts';

let handle: DatabaseHandle;
let a: Side;
beforeAll(async () => {
  handle = await startTestApp();
  a = await side(handle.db, 'A');
});
afterAll(async () => handle.close());

const submit = (attemptId: string, body: unknown, learner = a.learner) => learner.post(`/api/learner/attempts/${attemptId}/submit`, body);

describe('starting an attempt', () => {
  it('stores the seed on the server and sends the view without it', async () => {
    const response = await a.learner.post('/api/learner/attempts', { assignmentId: a.assignmentId, locale: 'en' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(['assignmentId', 'attemptId', 'startedAt', 'view']);
    expect(body.view).toMatchObject({ lesson: 'clv-formula', mode: 'test', locale: 'en', contentLang: 'en', passMark: 0.8, maxPoints: 5 });
    const [row] = await handle.db.select().from(attempts).where(eq(attempts.id, body.attemptId));
    expect(row!.seed).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(body)).not.toContain(String(row!.seed));
    expect(row!.questionIds).toEqual(body.view.questions.map((question: { id: string }) => question.id));
  });

  it('uses the assignment’s pass mark and question count', async () => {
    await a.trainer.post(`/api/trainer/cohorts/${a.cohortId}/assignments`, { lessons: ['clv-formula'], dueAt: new Date(Date.now() + 1e9).toISOString(), passMark: 0.6, questionCount: 3 });
    const { view } = (await (await a.learner.post('/api/learner/attempts', { assignmentId: a.assignmentId })).json()) as { view: { passMark: number; questions: unknown[] } };
    expect(view.passMark).toBe(0.6);
    expect(view.questions).toHaveLength(3);
    await a.trainer.post(`/api/trainer/cohorts/${a.cohortId}/assignments`, { lessons: ['clv-formula'], dueAt: new Date(Date.now() + 1e9).toISOString(), passMark: 0.8, questionCount: 5 });
  });

  it('refuses an unknown field or locale', async () => {
    expect((await a.learner.post('/api/learner/attempts', { assignmentId: a.assignmentId, seed: 1 })).status).toBe(400);
    expect((await a.learner.post('/api/learner/attempts', { assignmentId: a.assignmentId, locale: 'fr' })).status).toBe(400);
  });

  it(`caps unsubmitted attempts per assignment at ${MAX_OPEN_ATTEMPTS}`, async () => {
    const joined = await joinAs(a.invitePath, 'Reloader');
    const statuses: number[] = [];
    for (let i = 0; i <= MAX_OPEN_ATTEMPTS; i++) statuses.push((await joined.learner.post('/api/learner/attempts', { assignmentId: a.assignmentId })).status);
    expect(statuses.slice(0, MAX_OPEN_ATTEMPTS).every((status) => status === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('reading an attempt', () => {
  it('shows questions while open, with no explanations or answers', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    const body = await (await a.learner.get(`/api/learner/attempts/${attemptId}`)).json();
    expect(body.status).toBe('open');
    expect(body.attempt.view.questions).toHaveLength(5);
    expect(JSON.stringify(body)).not.toMatch(/explanation|"correct"|"answer"|mistake/i);
  });

  it('shows the review once submitted', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    await submit(attemptId, { clientSubmissionId: 'read-after-1', responses: await responsesFor(handle.db, attemptId) });
    const body = await (await a.learner.get(`/api/learner/attempts/${attemptId}`)).json();
    expect(body.status).toBe('submitted');
    expect(body.review.questions[0].feedback.explanation.length).toBeGreaterThan(10);
  });
});

describe('submitting', () => {
  let badBodyAttempt: string | undefined;
  it('grades on the server and returns the review with explanations', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    const response = await submit(attemptId, { clientSubmissionId: 'all-right-0001', responses: await responsesFor(handle.db, attemptId, 1) });
    expect(response.status).toBe(200);
    const { review, replayed } = await response.json();
    expect(replayed).toBe(false);
    expect(review).toMatchObject({ total: 5, max: 5, percentage: 100, passed: true, passMark: 0.8, clientSubmissionId: 'all-right-0001' });
    expect(review.questions.every((question: { feedback: { explanation: string; sectionHref: string } }) => question.feedback.explanation && question.feedback.sectionHref.startsWith('/lessons/clv-formula/#'))).toBe(true);
    expect(review).not.toHaveProperty('seed');
  });

  it('stores the answers, score and times', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    await handle.db.update(attempts).set({ startedAt: new Date(Date.now() - 120_000) }).where(eq(attempts.id, attemptId));
    const answeredAt = new Date(Date.now() - 5_000).toISOString();
    await submit(attemptId, { clientSubmissionId: 'stored-0001', responses: {}, answeredAt });
    const [row] = await handle.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(row).toMatchObject({ total: 0, max: 5, passed: false, clientSubmissionId: 'stored-0001' });
    expect(row!.submittedAt).toBeInstanceOf(Date);
    expect(row!.answeredAt!.toISOString()).toBe(answeredAt);
    const stored = await handle.db.select().from(answers).where(eq(answers.attemptId, attemptId));
    expect(stored).toHaveLength(5);
    expect(stored.every((answer) => answer.correct === false && answer.points === 0)).toBe(true);
  });

  it('replays the same clientSubmissionId with the same stored result and no duplicate', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    const body = { clientSubmissionId: 'replayed-0001', responses: await responsesFor(handle.db, attemptId, 1) };
    const first = await (await submit(attemptId, body)).json();
    // The replay even carries different answers (a stale queue copy): the stored result wins.
    const second = await submit(attemptId, { ...body, responses: {} });
    expect(second.status).toBe(200);
    const replay = await second.json();
    expect(replay.replayed).toBe(true);
    expect(replay.review.total).toBe(first.review.total);
    expect(replay.review.submittedAt).toBe(first.review.submittedAt);
    expect(await handle.db.select().from(answers).where(eq(answers.attemptId, attemptId))).toHaveLength(5);
  });

  it('stores exactly one result when the same submission races itself', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    const body = { clientSubmissionId: 'racing-00001', responses: await responsesFor(handle.db, attemptId, 1) };
    const responses = await Promise.all(Array.from({ length: 6 }, () => submit(attemptId, body)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies.filter((reply) => !reply.replayed)).toHaveLength(1);
    expect(new Set(bodies.map((reply) => reply.review.submittedAt)).size).toBe(1);
    expect(await handle.db.select().from(answers).where(eq(answers.attemptId, attemptId))).toHaveLength(5);
  });

  it('refuses a different submission of an attempt already submitted (409)', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    await submit(attemptId, { clientSubmissionId: 'first-00001', responses: {} });
    const again = await submit(attemptId, { clientSubmissionId: 'second-0001', responses: await responsesFor(handle.db, attemptId, 1) });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: 'already-submitted', attemptId });
    const [row] = await handle.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(row!.total).toBe(0);
  });

  it('scores unknown question ids and unreadable answers 0 without failing', async () => {
    const { attemptId, view } = await startAttempt(a.learner, a.assignmentId);
    const response = await submit(attemptId, { clientSubmissionId: 'garbage-0001', responses: { 'not-a-question': 1, [view.questions[0]!.id]: [9, 9, 9] } });
    expect(response.status).toBe(200);
    expect((await response.json()).review.total).toBe(0);
  });

  it.each([
    ['no clientSubmissionId', { responses: {} }, 'clientSubmissionId'],
    ['a short clientSubmissionId', { clientSubmissionId: 'x', responses: {} }, 'clientSubmissionId'],
    ['responses that are not an object', { clientSubmissionId: 'abcdefgh', responses: [1, 2] }, 'responses'],
    ['an answer that is an object', { clientSubmissionId: 'abcdefgh', responses: { q: { $gt: 1 } } }, 'responses.q'],
    ['a 201-character answer', { clientSubmissionId: 'abcdefgh', responses: { q: 'x'.repeat(201) } }, 'responses.q'],
    ['an answeredAt that is not a time', { clientSubmissionId: 'abcdefgh', responses: {}, answeredAt: 'yesterday' }, 'answeredAt'],
    ['an unknown field', { clientSubmissionId: 'abcdefgh', responses: {}, total: 5 }, 'total'],
  ])('refuses %s with a field error', async (_, body, field) => {
    // One attempt for all: a refused body leaves it open.
    badBodyAttempt ??= (await startAttempt(a.learner, a.assignmentId)).attemptId;
    const response = await submit(badBodyAttempt, body);
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).fieldErrors)).toContain(field);
  });

  it('keeps a claimed answer time within the attempt (never in the future or before the start)', async () => {
    const { attemptId } = await startAttempt(a.learner, a.assignmentId);
    await submit(attemptId, { clientSubmissionId: 'future-0001', responses: {}, answeredAt: '2099-01-01T00:00:00Z' });
    const [row] = await handle.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(row!.answeredAt!.getTime()).toBeLessThanOrEqual(row!.submittedAt!.getTime());
    expect(row!.answeredAt!.getTime()).toBeGreaterThanOrEqual(row!.startedAt.getTime());
  });

  it('shows progress on “my assignments”: status and best score', async () => {
    const mine = (await (await a.learner.get('/api/learner/assignments')).json()).assignments[0];
    expect(mine).toMatchObject({ status: 'passed', bestScore: 1, lessonId: 'clv-formula' });
    expect(mine.submitted).toBeGreaterThan(3);
  });
});
