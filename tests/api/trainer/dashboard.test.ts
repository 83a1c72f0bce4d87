/**
 * The cohort dashboard, the per-learner view and the CSV export, from real submissions.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { assignments } from '../../../src/server/db/schema.ts';
import { startTestApp } from '../support/app.ts';
import { joinAs, responsesFor, side, startAttempt, type Side } from '../support/fixtures.ts';

let handle: DatabaseHandle;
let a: Side;
let overdueAssignment: string;
const learnerIds: Record<string, string> = {};

beforeAll(async () => {
  handle = await startTestApp();
  a = await side(handle.db, 'A');
  // A second lesson, already past due, that nobody has taken.
  const assigned = await a.trainer.post(`/api/trainer/cohorts/${a.cohortId}/assignments`, {
    lessons: ['what-is-ltv'],
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    passMark: 0.8,
  });
  overdueAssignment = (await assigned.json()).assignments[0].id;
  await handle.db.update(assignments).set({ dueAt: new Date(Date.now() - 86_400_000) }).where(eq(assignments.id, overdueAssignment));
  // Three learners answer everything right, three leave everything blank; one of the latter retakes and passes.
  learnerIds['Learner A'] = a.learnerId;
  const plan: [string, number][] = [['Learner A', 1], ['Ito', 1], ['Ueda', 1], ['Endo', 0], ['Oda', 0], ['=HYPERLINK("x")', 0]];
  for (const [name, skill] of plan) {
    const joined = name === 'Learner A' ? { learner: a.learner, learnerId: a.learnerId } : await joinAs(a.invitePath, name);
    learnerIds[name] = joined.learnerId;
    const { attemptId } = await startAttempt(joined.learner, a.assignmentId);
    const responses = skill === 1 ? await responsesFor(handle.db, attemptId, 1) : {};
    expect((await joined.learner.post(`/api/learner/attempts/${attemptId}/submit`, { clientSubmissionId: `dash-${name.length}-${skill}-first`, responses })).status).toBe(200);
    if (name === 'Endo') {
      const retake = await startAttempt(joined.learner, a.assignmentId);
      await joined.learner.post(`/api/learner/attempts/${retake.attemptId}/submit`, { clientSubmissionId: 'dash-endo-retake', responses: await responsesFor(handle.db, retake.attemptId, 1) });
    }
  }
});
afterAll(async () => handle.close());

const dashboard = async () => (await a.trainer.get(`/api/trainer/cohorts/${a.cohortId}`)).json();

describe('cohort dashboard', () => {
  it('fills the completion matrix (6 learners × 2 lessons) with status and best score', async () => {
    const body = await dashboard();
    expect(body.learners).toHaveLength(6);
    expect(body.assignments.map((item: { lessonId: string }) => item.lessonId)).toEqual(['what-is-ltv', 'clv-formula']);
    const byLearner = Object.fromEntries(body.learners.map((learner: { id: string }, row: number) => [learner.id, body.summary.rows[row]]));
    expect(byLearner[learnerIds.Ito!][1]).toMatchObject({ status: 'passed', bestScore: 1, submitted: 1 });
    expect(byLearner[learnerIds.Oda!][1]).toMatchObject({ status: 'failed', bestScore: 0 });
    expect(byLearner[learnerIds.Endo!][1]).toMatchObject({ status: 'passed', bestScore: 1, submitted: 2 });
    expect(byLearner[learnerIds.Ito!][0]).toMatchObject({ status: 'overdue' });
    expect(body.summary.counts).toEqual({ 'not-started': 0, 'in-progress': 0, passed: 4, failed: 2, overdue: 6 });
    expect(body.summary.passedShare).toBeCloseTo(4 / 12, 10);
  });

  it('lists every learner as overdue on the past-due lesson', async () => {
    const body = await dashboard();
    expect(body.summary.overdue.map((cell: { assignmentId: string }) => cell.assignmentId)).toEqual(Array(6).fill(overdueAssignment));
  });

  it('averages the best scores per lesson: (1 + 1 + 1 + 1 + 0 + 0) / 6', async () => {
    const average = (await dashboard()).summary.lessonAverages.find((item: { assignmentId: string }) => item.assignmentId === a.assignmentId);
    expect(average).toEqual({ assignmentId: a.assignmentId, averageBestScore: 4 / 6, submittedLearners: 6, passedLearners: 4 });
  });

  it('analyses items over each learner’s first sitting only', async () => {
    const lesson = (await dashboard()).items.find((item: { assignmentId: string }) => item.assignmentId === a.assignmentId);
    expect(lesson.sittings).toBe(6);
    for (const item of lesson.items) {
      expect(item.facility).toBeGreaterThanOrEqual(0);
      expect(item.facility).toBeLessThanOrEqual(1);
      expect(item.prompt.ja.length).toBeGreaterThan(5);
      // The blank sittings are the only wrong answers: no choice at all.
      if (item.facility < 1) expect(item.mostChosenWrongText).toEqual({ ja: '（未回答）', en: '(no answer)' });
      // Right answers come only from all-right sittings (rest score 1): D is 1 or not computable.
      if (item.discrimination !== null) expect(item.discrimination).toBe(1);
    }
    const answered = lesson.items.reduce((sum: number, item: { sittings: number }) => sum + item.sittings, 0);
    expect(answered).toBe(6 * 5);
  });

  it('names the weakest concepts with the lesson section to revisit', async () => {
    const weak = (await dashboard()).weakConcepts;
    expect(weak.length).toBeGreaterThan(0);
    for (const concept of weak) {
      expect(concept.lessonId).toBe('clv-formula');
      expect(concept.section.ja.length).toBeGreaterThan(0);
      expect(concept.label.ja).not.toBe(concept.concept);
    }
  });
});

describe('per-learner view', () => {
  it('shows attempts with each answer, the right answer, points and times', async () => {
    const detail = await (await a.trainer.get(`/api/trainer/cohorts/${a.cohortId}/learners/${learnerIds.Endo}?locale=ja`)).json();
    expect(detail.learner.name).toBe('Endo');
    expect(detail.attempts).toHaveLength(2);
    const [first, retake] = detail.attempts;
    expect(first).toMatchObject({ total: 0, max: 5, passed: false });
    expect(first.questions.every((question: { learnerAnswer: string | null }) => question.learnerAnswer === null)).toBe(true);
    expect(retake).toMatchObject({ total: 5, passed: true });
    expect(retake.questions[0]).toMatchObject({ number: 1, correct: true, points: 1 });
    expect(retake.questions[0].learnerAnswer).toBe(retake.questions[0].correctAnswer);
    expect(retake.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(retake.submittedAt)).toBeGreaterThanOrEqual(Date.parse(retake.startedAt));
  });

  it('refuses a bad locale', async () => {
    expect((await a.trainer.get(`/api/trainer/cohorts/${a.cohortId}/learners/${learnerIds.Endo}?locale=de`)).status).toBe(400);
  });
});

describe('CSV export', () => {
  it('is UTF-8 with a BOM, one row per learner and lesson, formulas neutralised', async () => {
    const response = await a.trainer.get(`/api/trainer/cohorts/${a.cohortId}/export.csv?locale=ja`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="ltv-dojo-results-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''Cohort%20A-/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('チーム,受講者,社員番号,レッスンID,レッスン,期限,状況,最高点(%),合格点(%),提出回数,合格日時');
    expect(lines).toHaveLength(1 + 12);
    expect(lines.some((line) => line.startsWith('Cohort A,Ito,,clv-formula,') && line.includes(',合格,100,80,1,'))).toBe(true);
    expect(lines.some((line) => line.includes(`"'=HYPERLINK(""x"")"`))).toBe(true);
  });

  it('speaks English when asked', async () => {
    const text = await (await a.trainer.get(`/api/trainer/cohorts/${a.cohortId}/export.csv?locale=en`)).text();
    expect(text).toContain('Cohort,Learner,Employee ID');
    expect(text).toContain(',Overdue,');
  });
});
