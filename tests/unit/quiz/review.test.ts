import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../src/lib/quiz/history.ts';
import { dueQuestions, LEITNER_INTERVAL_DAYS, reviewCards, reviewSessions } from '../../../src/lib/quiz/review.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const START = Date.parse('2025-04-01T20:00:00Z');
const at = (days: number) => new Date(START + days * DAY).toISOString();

/** One attempt on `day` answering question q (concept c) of a lesson with the given share of points. */
const answer = (day: number, points: number, questionId = 'q', lesson = 'clv-formula'): AttemptRecord => ({
  lesson,
  mode: 'practice',
  seed: 0,
  completedAt: at(day),
  total: points,
  max: 1,
  passed: points === 1,
  answers: [{ questionId, concept: 'c', points, maxPoints: 1 }],
});

describe('review queue (Leitner boxes 1, 2, 4, 8, 16 days)', () => {
  it('leaves questions answered right the first time out of the queue', () => {
    expect(reviewCards([answer(0, 1)])).toEqual([]);
  });

  it('puts a missed question in box 1, due one day later (6 hours of grace)', () => {
    const history = [answer(0, 0)];
    expect(reviewCards(history)).toEqual([
      { lesson: 'clv-formula', questionId: 'q', concept: 'c', box: 1, dueAt: at(1), lastAnsweredAt: at(0) },
    ]);
    expect(dueQuestions(history, START + 12 * HOUR)).toEqual([]);
    expect(dueQuestions(history, START + DAY - 7 * HOUR)).toEqual([]);
    expect(dueQuestions(history, START + DAY - 6 * HOUR)).toHaveLength(1);
    expect(dueQuestions(history, new Date(START + 3 * DAY))).toHaveLength(1);
    expect(dueQuestions(history, at(3))).toHaveLength(1);
  });

  it('moves a question up one box per right answer when due, and out after box 5', () => {
    // Missed on day 0; then right each time it falls due: days 1, 3, 7, 15, 31.
    const history = [answer(0, 0)];
    const expected: [number, number][] = [];
    let day = 0;
    for (let box = 1; box <= LEITNER_INTERVAL_DAYS.length; box++) {
      day += LEITNER_INTERVAL_DAYS[box - 1]!;
      history.push(answer(day, 1));
      if (box < LEITNER_INTERVAL_DAYS.length) expected.push([box + 1, day + LEITNER_INTERVAL_DAYS[box]!]);
      const cards = reviewCards(history);
      if (box < LEITNER_INTERVAL_DAYS.length) expect(cards).toEqual([expect.objectContaining({ box: box + 1, dueAt: at(day + LEITNER_INTERVAL_DAYS[box]!) })]);
      else expect(cards).toEqual([]);
    }
    expect(expected.map(([box]) => box)).toEqual([2, 3, 4, 5]);
    expect(day).toBe(31);
  });

  it('sends a question back to box 1 when missed again, from any box', () => {
    const history = [answer(0, 0), answer(1, 1), answer(3, 1), answer(7.5, 0)];
    expect(reviewCards(history)).toEqual([expect.objectContaining({ box: 1, dueAt: at(8.5) })]);
  });

  it('counts partial credit as a miss', () => {
    expect(reviewCards([answer(0, 0.67)])).toEqual([expect.objectContaining({ box: 1 })]);
  });

  it('does not promote a right answer given before the question is due (a retake the same evening)', () => {
    const history = [answer(0, 0), answer(0.1, 1)];
    expect(reviewCards(history)).toEqual([expect.objectContaining({ box: 1, dueAt: at(1), lastAnsweredAt: at(0.1) })]);
  });

  it('lists due questions across lessons, most overdue first, and groups them into sessions', () => {
    const history = [answer(0, 0, 'a', 'clv-formula'), answer(2, 0, 'b', 'what-is-ltv'), answer(1, 0, 'c', 'clv-formula'), answer(0, 1, 'd', 'what-is-ltv')];
    const due = dueQuestions(history, at(10));
    expect(due.map((card) => `${card.lesson}/${card.questionId}`)).toEqual(['clv-formula/a', 'clv-formula/c', 'what-is-ltv/b']);
    expect(reviewSessions(due)).toEqual([
      { lesson: 'clv-formula', questionIds: ['a', 'c'] },
      { lesson: 'what-is-ltv', questionIds: ['b'] },
    ]);
    expect(dueQuestions(history, at(2.5)).map((card) => card.questionId)).toEqual(['a', 'c']);
  });

  it('replays attempts by time, whatever their order in the history', () => {
    const inOrder = [answer(0, 0), answer(1, 1), answer(3, 1)];
    expect(reviewCards([...inOrder].reverse())).toEqual(reviewCards(inOrder));
  });
});
