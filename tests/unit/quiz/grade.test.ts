import { describe, expect, it } from 'vitest';
import { simpleClv } from '../../../src/lib/clv/simple.ts';
import { type Attempt, buildAttempt } from '../../../src/lib/quiz/attempt.ts';
import { formatWithUnit } from '../../../src/lib/quiz/display.ts';
import { grade, gradeQuestion } from '../../../src/lib/quiz/grade.ts';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import { miniBank, positionOf } from './helpers.ts';

const bank = miniBank();
const attempt = buildAttempt(bank, { seed: 424242, mode: 'practice', count: bank.questions.length });
const pos = (questionId: string, choiceId: string) => positionOf(attempt, questionId, choiceId);
const gradeOne = (questionId: string, response: unknown, locale: 'ja' | 'en' = 'ja', on: Attempt = attempt) => {
  const index = on.questions.findIndex((item) => item.question.id === questionId);
  return gradeQuestion(on.questions[index]!, answerKey(on).questions[index]!, on.lesson, response, locale);
};

describe('single choice and scenario', () => {
  it.each<[string, unknown, number, boolean]>([
    ['the right option', 'a', 1, true],
    ['a wrong option', 'b', 0, true],
    ['no answer', undefined, 0, false],
  ])('%s', (_name, choice, points, answered) => {
    const result = gradeOne('s1', choice === undefined ? undefined : pos('s1', choice as string));
    expect(result).toMatchObject({ points, answered, maxPoints: 1, correct: points === 1 });
  });

  it.each([99, -1, 1.5, '0', null, [0], true])('treats %j as no answer', (response) => {
    expect(gradeOne('s1', response)).toMatchObject({ points: 0, answered: false });
  });

  it('explains the chosen wrong option and the right answer, with its letter as shown', () => {
    const b = pos('s1', 'b');
    const a = pos('s1', 'a');
    const { feedback } = gradeOne('s1', b, 'en');
    const letter = (position: number) => String.fromCharCode(65 + position);
    expect(feedback).toEqual({
      learnerAnswer: `${letter(b)}. wrong b`,
      correctAnswer: `${letter(a)}. right`,
      explanation: 'Why: a is right',
      mistakeExplanations: [`${letter(b)}. Why: b is wrong`],
      section: 'en-s1',
      sectionHref: '/en/lessons/mini/#en-s1',
    });
    expect(gradeOne('s1', a, 'ja').feedback.sectionHref).toBe('/lessons/mini/#ja-s1');
  });

  it('grades a scenario like a single choice', () => {
    expect(gradeOne('sc1', pos('sc1', 'b')).points).toBe(1);
    expect(gradeOne('sc1', pos('sc1', 'a'), 'ja').feedback.mistakeExplanations).toEqual([expect.stringContaining('解説：売り込み')]);
  });
});

describe('multiple select: (right - wrong) / right options, floored at 0', () => {
  // Right options a, b, c (3); wrong d, e.
  it.each<[string[], number]>([
    [['a', 'b', 'c'], 1],
    [['a', 'b'], 2 / 3],
    [['a'], 1 / 3],
    [['a', 'b', 'c', 'd'], 2 / 3], // 3 - 1 = 2
    [['a', 'b', 'c', 'd', 'e'], 1 / 3], // 3 - 2 = 1: ticking everything is not a strategy
    [['a', 'd'], 0], // 1 - 1
    [['d', 'e'], 0], // -2 floored
    [['a', 'a', 'b'], 2 / 3], // duplicates count once
  ])('%j scores %d', (choices, points) => {
    expect(gradeOne('m1', choices.map((id) => pos('m1', id))).points).toBeCloseTo(points, 12);
  });

  it('counts an empty selection or a non-list as no answer, and ignores positions that do not exist', () => {
    expect(gradeOne('m1', [])).toMatchObject({ points: 0, answered: false });
    expect(gradeOne('m1', pos('m1', 'a'))).toMatchObject({ points: 0, answered: false });
    expect(gradeOne('m1', [pos('m1', 'a'), 7, -1]).points).toBeCloseTo(1 / 3, 12);
  });

  it('explains every wrong option chosen', () => {
    const result = gradeOne('m1', ['a', 'd', 'e'].map((id) => pos('m1', id)), 'en');
    expect(result.feedback.mistakeExplanations).toHaveLength(2);
    expect(result.feedback.mistakeExplanations.join()).toMatch(/d is wrong/);
    expect(result.feedback.mistakeExplanations.join()).toMatch(/e is wrong/);
  });
});

describe('true-false', () => {
  it.each<[unknown, number, boolean]>([
    [true, 1, true],
    [false, 0, true],
    ['true', 0, false],
    [1, 0, false],
  ])('%j', (response, points, answered) => {
    expect(gradeOne('tf1', response)).toMatchObject({ points, answered });
  });

  it('explains why the wrong answer was tempting', () => {
    expect(gradeOne('tf1', false, 'ja').feedback).toMatchObject({ learnerAnswer: '誤り', correctAnswer: '正しい', mistakeExplanations: ['解説：誤りと思いがち'] });
  });
});

describe('numeric: typed as people type, tolerance edges included', () => {
  // n1: 100,000 yen, tolerance ±500.
  it.each<[unknown, number]>([
    ['100000', 1],
    ['100,000', 1],
    ['１００，０００円', 1],
    ['１０００００', 1],
    ['¥100,000', 1],
    ['￥100,000', 1],
    ['100,000円', 1],
    ['10万円', 1],
    ['１０万', 1],
    ['約10万円', 1],
    [' 100000 ', 1],
    [100000, 1],
    ['100,500', 1], // upper edge
    ['99,500', 1], // lower edge
    ['100,501', 0],
    ['99499', 0],
    ['20,000円', 0],
  ])('%j scores %d', (typed, points) => {
    expect(gradeOne('n1', typed)).toMatchObject({ points, answered: true });
  });

  // n2: 40%, relative tolerance 5% -> 38..42.
  it.each<[string, number]>([
    ['40', 1],
    ['42', 1],
    ['42%', 1],
    ['４２％', 1],
    ['38', 1],
    ['40パーセント', 1],
    ['42.01', 0],
    ['37.99', 0],
  ])('percent %j scores %d', (typed, points) => {
    expect(gradeOne('n2', typed).points).toBe(points);
  });

  it.each(['', '   ', null, undefined, Number.NaN, Number.POSITIVE_INFINITY])('treats %j as no answer', (typed) => {
    expect(gradeOne('n1', typed)).toMatchObject({ points: 0, answered: false, feedback: expect.objectContaining({ learnerAnswer: null }) });
  });

  it('keeps text that is not a number, answered but wrong', () => {
    expect(gradeOne('n1', 'たくさん', 'ja')).toMatchObject({ points: 0, answered: true, feedback: expect.objectContaining({ learnerAnswer: '「たくさん」（数字として読めません）' }) });
  });

  it('shows both values with their unit and explains a known mistake', () => {
    const { feedback } = gradeOne('n1', '２万円', 'ja');
    expect(feedback.learnerAnswer).toBe(formatWithUnit('ja', '¥', 20000));
    expect(feedback.correctAnswer).toBe('￥100,000');
    expect(feedback.mistakeExplanations).toEqual(['解説：一年分です']);
    expect(gradeOne('n2', '41', 'en').feedback.correctAnswer).toBe('40%');
  });
});

describe('ordering: (pairs in order - pairs out of order) / all pairs, floored at 0', () => {
  it.each<[string[], number]>([
    [['one', 'two', 'three', 'four'], 1],
    [['two', 'one', 'three', 'four'], 4 / 6], // one swap: 5 - 1
    [['one', 'three', 'two', 'four'], 4 / 6],
    [['two', 'one', 'four', 'three'], 2 / 6], // two swaps: 4 - 2
    [['two', 'three', 'four', 'one'], 0], // 3 - 3
    [['four', 'three', 'two', 'one'], 0], // reversed: 0 - 6, floored
  ])('%j scores %d', (steps, points) => {
    expect(gradeOne('o1', steps.map((id) => pos('o1', id))).points).toBeCloseTo(points, 12);
  });

  it.each([
    ['an incomplete order', ['one', 'two']],
    ['a repeated step', ['one', 'one', 'two', 'three']],
  ])('treats %s as no answer', (_name, steps) => {
    expect(gradeOne('o1', steps.map((id) => pos('o1', id)))).toMatchObject({ points: 0, answered: false });
  });

  it('writes both orders as steps', () => {
    const { feedback } = gradeOne('o1', ['two', 'one', 'three', 'four'].map((id) => pos('o1', id)), 'en');
    expect(feedback.learnerAnswer).toBe('two → one → three → four');
    expect(feedback.correctAnswer).toBe('one → two → three → four');
  });
});

describe('calculated: the answer is recomputed with the CLV core', () => {
  it.each([1, 2, 3, 99, 2 ** 31])('seed %d', (seed) => {
    const on = buildAttempt(bank, { seed, mode: 'practice', questionIds: ['c1'] });
    const { price, frequency, years, margin } = on.questions[0]!.parameters;
    const expected = simpleClv({ averagePurchase: price!, purchasesPerYear: frequency!, retentionYears: years!, grossMargin: margin! });
    expect(answerKey(on).questions[0]).toMatchObject({ type: 'calculated', correct: expected });
    expect(gradeOne('c1', String(Math.round(expected)), 'ja', on).points).toBe(1);
    expect(gradeOne('c1', formatWithUnit('ja', '¥', expected), 'ja', on).points).toBe(1);
    expect(gradeOne('c1', String(expected * 1.001), 'ja', on).points).toBe(1); // relative 0.1%: edge
    expect(gradeOne('c1', String(expected * 1.0011), 'ja', on).points).toBe(0);
    const { feedback } = gradeOne('c1', '0', 'ja', on);
    expect(feedback.explanation).toBe(`解説：答えは${formatWithUnit('ja', '¥', expected)}`);
  });
});

describe('grade: the whole attempt', () => {
  const five = buildAttempt(bank, { seed: 8, mode: 'test', questionIds: ['s1', 'tf1', 'n1', 'sc1', 'o1'] });
  const p = (questionId: string, choiceId: string) => positionOf(five, questionId, choiceId);
  const reversed = ['four', 'three', 'two', 'one'];

  it('passes at exactly the pass mark (4 of 5 = 80%)', () => {
    const result = grade(five, answerKey(five), { s1: p('s1', 'a'), tf1: true, n1: '100,000', sc1: p('sc1', 'b'), o1: reversed.map((id) => p('o1', id)) });
    expect(result).toMatchObject({ total: 4, max: 5, percentage: 80, passMark: 0.8, passed: true, lesson: 'mini', seed: 8, mode: 'test' });
  });

  it('fails below it, with partial credit counted (3 + 4/6 of 5 = 73%)', () => {
    const swapped = ['two', 'one', 'three', 'four'];
    const result = grade(five, answerKey(five), { s1: p('s1', 'a'), tf1: true, n1: '1', sc1: p('sc1', 'b'), o1: swapped.map((id) => p('o1', id)) });
    expect(result.total).toBeCloseTo(3 + 4 / 6, 12);
    expect(result.percentage).toBeCloseTo(73.33, 2);
    expect(result.passed).toBe(false);
  });

  it('scores nothing for no responses, ignores unknown ids and inherited keys', () => {
    const result = grade(five, answerKey(five), JSON.parse('{"zzz": 1, "__proto__": {"s1": 0}}'));
    expect(result).toMatchObject({ total: 0, max: 5, percentage: 0, passed: false });
    expect(result.questions.every((question) => !question.answered)).toBe(true);
  });

  it('refuses an answer key from another attempt', () => {
    const other = buildAttempt(bank, { seed: 9, mode: 'test', questionIds: ['s1', 'tf1', 'n1', 'sc1', 'o1'] });
    expect(() => grade(five, answerKey(other), {})).toThrow(/does not belong to this attempt/);
  });

  it('re-grades the same way from a re-created attempt (server side)', () => {
    const responses = { s1: p('s1', 'b'), tf1: false, n1: '２万円', sc1: p('sc1', 'b'), o1: [0, 1, 2, 3] };
    const again = buildAttempt(bank, { seed: 8, mode: 'test', questionIds: ['s1', 'tf1', 'n1', 'sc1', 'o1'] });
    expect(grade(again, answerKey(again), responses, 'en')).toEqual(grade(five, answerKey(five), responses, 'en'));
  });
});
