import { describe, expect, it } from 'vitest';
import { assignmentProgress, completionStatus, type AttemptOutcome } from '../../../src/lib/analytics/status.ts';

const due = '2026-04-30T23:59:59+09:00';
const before = '2026-04-20T10:00:00+09:00';
const after = '2026-05-02T10:00:00+09:00';
const open: AttemptOutcome = { submittedAt: null, passed: null, score: null };
const fail = (score = 0.6): AttemptOutcome => ({ submittedAt: '2026-04-19T10:00:00+09:00', passed: false, score });
const pass = (at = '2026-04-21T10:00:00+09:00', score = 0.8): AttemptOutcome => ({ submittedAt: at, passed: true, score });

describe('completionStatus', () => {
  it.each([
    ['nothing yet, before the due date', [], before, 'not-started'],
    ['nothing yet, after the due date', [], after, 'overdue'],
    ['a test opened, not submitted', [open], before, 'in-progress'],
    ['opened but not submitted past the due date', [open], after, 'overdue'],
    ['submitted and failed, time left', [fail()], before, 'failed'],
    ['failed, then opened again: still failed (a result exists)', [fail(), open], before, 'failed'],
    ['failed and past due', [fail()], after, 'overdue'],
    ['passed', [fail(), pass()], before, 'passed'],
    ['passed late is still passed', [pass('2026-05-01T10:00:00+09:00')], after, 'passed'],
  ] as const)('%s -> %s', (_, attempts, now, expected) => {
    expect(completionStatus(due, attempts, now)).toBe(expected);
  });

  it('counts the due instant itself as on time', () => {
    expect(completionStatus(due, [], due)).toBe('not-started');
  });
});

describe('assignmentProgress', () => {
  it('keeps the best score and the first pass time, ignoring open attempts', () => {
    const progress = assignmentProgress(due, [fail(0.4), pass('2026-04-22T00:00:00Z', 0.8), pass('2026-04-21T00:00:00Z', 1), open], before);
    expect(progress).toEqual({ status: 'passed', bestScore: 1, submitted: 3, passedAt: '2026-04-21T00:00:00.000Z' });
  });

  it('has no score before the first submission', () => {
    expect(assignmentProgress(due, [open], before)).toEqual({ status: 'in-progress', bestScore: null, submitted: 0, passedAt: null });
  });
});
