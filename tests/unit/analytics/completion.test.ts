import { describe, expect, it } from 'vitest';
import { completionSummary, type MatrixAttempt } from '../../../src/lib/analytics/completion.ts';

const now = '2026-05-10T00:00:00Z';
const learners = [{ id: 'ann' }, { id: 'ben' }, { id: 'cai' }];
const assignments = [
  { id: 'past', dueAt: '2026-05-01T00:00:00Z' },
  { id: 'future', dueAt: '2026-06-01T00:00:00Z' },
];
const attempt = (learnerId: string, assignmentId: string, score: number | null, passed: boolean | null): MatrixAttempt => ({
  learnerId,
  assignmentId,
  submittedAt: score === null ? null : '2026-04-25T00:00:00Z',
  passed,
  score,
});

describe('completionSummary', () => {
  // ann: past passed (0.9, after a 0.5), future failed (0.6). ben: past nothing -> overdue, future open.
  // cai: past failed (0.7) -> overdue, future passed (1).
  const summary = completionSummary(
    learners,
    assignments,
    [
      attempt('ann', 'past', 0.5, false),
      attempt('ann', 'past', 0.9, true),
      attempt('ann', 'future', 0.6, false),
      attempt('ben', 'future', null, null),
      attempt('cai', 'past', 0.7, false),
      attempt('cai', 'future', 1, true),
    ],
    now,
  );

  it('fills the matrix learner by learner, assignment by assignment', () => {
    expect(summary.rows.map((row) => row.map((cell) => cell.status))).toEqual([
      ['passed', 'failed'],
      ['overdue', 'in-progress'],
      ['overdue', 'passed'],
    ]);
    expect(summary.rows[0]?.[0]?.bestScore).toBe(0.9);
  });

  it('counts statuses and the share passed (2 of 6 cells)', () => {
    expect(summary.counts).toEqual({ 'not-started': 0, 'in-progress': 1, passed: 2, failed: 1, overdue: 2 });
    expect(summary.passedShare).toBeCloseTo(2 / 6, 10);
  });

  it('lists the overdue cells', () => {
    expect(summary.overdue.map((cell) => [cell.learnerId, cell.assignmentId])).toEqual([
      ['ben', 'past'],
      ['cai', 'past'],
    ]);
  });

  it('averages best scores over learners who submitted: past (0.9 + 0.7) / 2, future (0.6 + 1) / 2', () => {
    expect(summary.lessonAverages).toEqual([
      { assignmentId: 'past', averageBestScore: 0.8, submittedLearners: 2, passedLearners: 1 },
      { assignmentId: 'future', averageBestScore: 0.8, submittedLearners: 2, passedLearners: 1 },
    ]);
  });

  it('handles an empty cohort', () => {
    const empty = completionSummary([], assignments, [], now);
    expect(empty.passedShare).toBe(0);
    expect(empty.lessonAverages[0]?.averageBestScore).toBeNull();
  });
});
