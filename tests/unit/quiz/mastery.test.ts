import { describe, expect, it } from 'vitest';
import { recordFromGrade } from '../../../src/lib/quiz/history.ts';
import { type AttemptRecord, attemptRecordSchema } from '../../../src/lib/quiz/recordSchema.ts';
import { buildAttempt } from '../../../src/lib/quiz/attempt.ts';
import { grade } from '../../../src/lib/quiz/grade.ts';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import { conceptMastery, masteryLevel } from '../../../src/lib/quiz/mastery.ts';
import { miniBank } from './helpers.ts';

describe('masteryLevel: mean of the last 5 answers; mastered needs 3+ answers, mean >= 85% and the latest right', () => {
  it.each<[number[], string]>([
    [[], 'not-started'],
    [[0], 'learning'],
    [[0.5], 'learning'],
    [[0.6], 'familiar'],
    [[1], 'familiar'],
    [[1, 1], 'familiar'], // right twice is not yet mastery
    [[1, 1, 1], 'mastered'],
    [[0.7, 1, 1, 1], 'mastered'], // mean 0.925
    [[0.5, 1, 1], 'familiar'], // mean 0.83
    [[1, 1, 0.9], 'familiar'], // latest not fully right
    [[1, 1, 1, 0], 'familiar'], // a fresh miss costs mastery
    [[1, 1, 1, 1, 1, 0, 0], 'familiar'], // window [1, 1, 1, 0, 0]: 0.6
    [[1, 1, 1, 0, 0, 0], 'learning'], // window [1, 1, 0, 0, 0]: 0.4
    [[0, 0, 0, 0, 0, 1, 1, 1], 'familiar'], // window [0, 0, 1, 1, 1]: 0.6
    [[0, 0, 0, 0, 0, 1, 1, 1, 1, 1], 'mastered'], // old misses leave the window
  ])('%j -> %s', (shares, level) => {
    expect(masteryLevel(shares)).toBe(level);
  });
});

const record = (lesson: string, completedAt: string, answers: [string, string, number][]): AttemptRecord => ({
  lesson,
  mode: 'practice',
  seed: 1,
  completedAt,
  total: answers.reduce((sum, [, , points]) => sum + points, 0),
  max: answers.length,
  passed: false,
  answers: answers.map(([questionId, concept, points]) => ({ questionId, concept, points, maxPoints: 1 })),
});

describe('conceptMastery over a history', () => {
  // Given out of order on purpose: the rules read answers by time.
  const history = [
    record('clv-formula', '2025-01-03T09:00:00Z', [['q1', 'discounting', 1], ['q2', 'clv-definition', 0.5]]),
    record('clv-formula', '2025-01-01T09:00:00Z', [['q1', 'discounting', 1], ['q3', 'clv-definition', 1]]),
    record('clv-formula', '2025-01-02T09:00:00Z', [['q4', 'discounting', 1]]),
    record('other', '2025-01-02T10:00:00Z', [['x1', 'cac', 0]]),
    record('broken', 'not a date', [['z', 'discounting', 0]]),
  ];

  it('reports each concept with its level, answer count, recent share and last answer', () => {
    expect(conceptMastery(history, { concepts: ['clv-formula-parts', 'discounting'] })).toEqual([
      { concept: 'clv-formula-parts', level: 'not-started', answers: 0, recentShare: null, lastAnsweredAt: null },
      { concept: 'discounting', level: 'mastered', answers: 3, recentShare: 1, lastAnsweredAt: '2025-01-03T09:00:00.000Z' },
      { concept: 'clv-definition', level: 'familiar', answers: 2, recentShare: 0.75, lastAnsweredAt: '2025-01-03T09:00:00.000Z' },
      { concept: 'cac', level: 'learning', answers: 1, recentShare: 0, lastAnsweredAt: '2025-01-02T10:00:00.000Z' },
    ]);
  });

  it('can be limited to one lesson', () => {
    expect(conceptMastery(history, { lesson: 'other' }).map((m) => m.concept)).toEqual(['cac']);
  });
});

describe('history records', () => {
  it('keeps the scores of a graded attempt, no texts, and validates with the zod/mini schema', () => {
    const bank = miniBank();
    const attempt = buildAttempt(bank, { seed: 3, mode: 'test', questionIds: ['tf1', 'n1'] });
    const result = grade(attempt, answerKey(attempt), { tf1: true, n1: 'x' });
    const stored = recordFromGrade(result, new Date('2025-02-01T08:30:00Z'));
    expect(stored).toEqual({
      lesson: 'mini',
      mode: 'test',
      seed: 3,
      completedAt: '2025-02-01T08:30:00.000Z',
      total: 1,
      max: 2,
      passed: false,
      answers: [
        { questionId: 'tf1', concept: 'c-true-false', points: 1, maxPoints: 1 },
        { questionId: 'n1', concept: 'c-numeric', points: 0, maxPoints: 1 },
      ],
    });
    expect(attemptRecordSchema.parse(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(attemptRecordSchema.safeParse({ ...stored, answers: [{ questionId: 'a', concept: 'b', points: -1, maxPoints: 1 }] }).success).toBe(false);
  });
});
