import { describe, expect, it } from 'vitest';
import { teamConcepts, weakestConcepts } from '../../../src/lib/analytics/concepts.ts';
import type { AttemptRecord } from '../../../src/lib/quiz/recordSchema.ts';

function record(day: number, answers: [string, number][]): AttemptRecord {
  return {
    lesson: 'clv-formula',
    mode: 'test',
    seed: day,
    completedAt: `2026-04-${String(day).padStart(2, '0')}T00:00:00Z`,
    total: answers.reduce((sum, [, points]) => sum + points, 0),
    max: answers.length,
    passed: false,
    answers: answers.map(([concept, points], i) => ({ questionId: `${concept}-${i}`, concept, points, maxPoints: 1 })),
  };
}

describe('teamConcepts', () => {
  // ann: formula 0 then 1 (recent mean 0.5, learning), definition 1. ben: formula 0 (learning), definition 1.
  // formula: mean of 0.5 and 0 = 0.25, 2 of 2 struggling; definition: 1, nobody struggling.
  const histories = [
    [record(1, [['formula', 0], ['definition', 1]]), record(2, [['formula', 1]])],
    [record(3, [['formula', 0], ['definition', 1]])],
    [],
  ];

  it('averages each learner’s recent share, weakest first', () => {
    expect(teamConcepts(histories)).toEqual([
      { concept: 'formula', meanShare: 0.25, learners: 2, struggling: 2 },
      { concept: 'definition', meanShare: 1, learners: 2, struggling: 0 },
    ]);
  });

  it('reports only weak concepts, at most `limit`', () => {
    expect(weakestConcepts(histories).map((concept) => concept.concept)).toEqual(['formula']);
    expect(weakestConcepts(histories, 1, 1.01)).toHaveLength(1);
  });
});
