import { describe, expect, it } from 'vitest';
import { currentOrder, isAnswered, moveStep, responsesToSend, toggleChoice, unansweredCount } from '../../../src/lib/quiz/client/answers.ts';
import { positionFromKey, quizKeyAction, type KeyInput } from '../../../src/lib/quiz/client/keyboard.ts';
import { quizPath, reviewAttemptHref, reviewIdsFromSearch, reviewPath } from '../../../src/lib/quiz/client/paths.ts';
import { formatElapsed, spokenDuration } from '../../../src/lib/quiz/client/time.ts';
import type { LearnerQuestion } from '../../../src/lib/quiz/view.ts';

const question = (type: LearnerQuestion['type'], extra: Partial<LearnerQuestion> = {}): LearnerQuestion => ({
  id: `q-${type}`,
  number: 1,
  type,
  difficulty: 1,
  points: 1,
  prompt: 'p',
  instructions: 'i',
  ...extra,
});
const options = (n: number) => ({ options: Array.from({ length: n }, (_, i) => ({ label: String.fromCharCode(65 + i), text: `o${i}` })) });
const ordering = question('ordering', { steps: [{ text: 'a' }, { text: 'b' }, { text: 'c' }] });

describe('answers', () => {
  it.each([
    ['single', undefined, false],
    ['single', 0, true],
    ['scenario', 2, true],
    ['multiple', [], false],
    ['multiple', [1], true],
    ['true-false', false, true],
    ['true-false', undefined, false],
    ['numeric', '  ', false],
    ['numeric', '５，０００円', true],
    ['calculated', '12', true],
    ['ordering', undefined, true],
  ] as const)('%s with %j is answered: %s', (type, response, expected) => {
    expect(isAnswered(question(type), response as never)).toBe(expected);
  });

  it('toggles multiple-select choices and keeps them sorted', () => {
    expect(toggleChoice(undefined, 2)).toEqual([2]);
    expect(toggleChoice([2], 0)).toEqual([0, 2]);
    expect(toggleChoice([0, 2], 2)).toEqual([0]);
  });

  it('moves a step up or down, never past the ends', () => {
    expect(moveStep([0, 1, 2], 1, -1)).toEqual([1, 0, 2]);
    expect(moveStep([0, 1, 2], 1, 1)).toEqual([0, 2, 1]);
    expect(moveStep([0, 1, 2], 0, -1)).toEqual([0, 1, 2]);
    expect(moveStep([0, 1, 2], 2, 1)).toEqual([0, 1, 2]);
  });

  it('reads the order on screen until a step is moved; a broken stored order falls back to it', () => {
    expect(currentOrder(ordering, undefined)).toEqual([0, 1, 2]);
    expect(currentOrder(ordering, [2, 0, 1])).toEqual([2, 0, 1]);
    expect(currentOrder(ordering, [0, 0, 1])).toEqual([0, 1, 2]);
    expect(currentOrder(ordering, 'x')).toEqual([0, 1, 2]);
  });

  it('sends answered questions only, and the order on screen for ordering', () => {
    const questions = [question('single'), question('numeric'), ordering];
    expect(responsesToSend(questions, { 'q-single': 1, 'q-numeric': ' ' })).toEqual({ 'q-single': 1, 'q-ordering': [0, 1, 2] });
    expect(unansweredCount(questions, { 'q-single': 1 })).toBe(1);
  });
});

describe('keyboard', () => {
  const key = (value: string, change: Partial<KeyInput> = {}): KeyInput => ({ key: value, withModifier: false, composing: false, inTextField: false, onControl: false, ...change });

  it.each([
    ['1', 0],
    ['9', 8],
    ['１', 0],
    ['９', 8],
    ['0', null],
    ['a', null],
    ['10', null],
  ])('key %s picks position %s', (value, expected) => {
    expect(positionFromKey(value)).toBe(expected);
  });

  it('picks options that exist, and true/false with 1 and 2', () => {
    expect(quizKeyAction(key('3'), question('single', options(4)), false)).toEqual({ kind: 'choose', position: 2 });
    expect(quizKeyAction(key('5'), question('single', options(4)), false)).toBeNull();
    expect(quizKeyAction(key('1'), question('true-false'), false)).toEqual({ kind: 'true-false', value: true });
    expect(quizKeyAction(key('2'), question('true-false'), false)).toEqual({ kind: 'true-false', value: false });
    expect(quizKeyAction(key('3'), question('true-false'), false)).toBeNull();
    expect(quizKeyAction(key('1'), ordering, false)).toBeNull();
  });

  it('confirms with Enter, except on buttons and links, with a modifier, or while an IME composes', () => {
    const single = question('single', options(3));
    expect(quizKeyAction(key('Enter'), single, false)).toEqual({ kind: 'confirm' });
    expect(quizKeyAction(key('Enter', { inTextField: true }), question('numeric'), false)).toEqual({ kind: 'confirm' });
    expect(quizKeyAction(key('Enter', { onControl: true }), single, false)).toBeNull();
    expect(quizKeyAction(key('Enter', { composing: true }), question('numeric'), false)).toBeNull();
    expect(quizKeyAction(key('1', { withModifier: true }), single, false)).toBeNull();
  });

  it('lets digits be typed in a text field and ignores them once the answer is locked', () => {
    expect(quizKeyAction(key('1', { inTextField: true }), question('single', options(3)), false)).toBeNull();
    expect(quizKeyAction(key('1'), question('single', options(3)), true)).toBeNull();
    expect(quizKeyAction(key('Enter'), question('single', options(3)), true)).toEqual({ kind: 'confirm' });
  });
});

describe('paths and times', () => {
  it('puts the quiz under its lesson and the review at the top, in both languages', () => {
    expect(quizPath('ja', 'clv-formula')).toBe('/lessons/clv-formula/quiz/');
    expect(quizPath('en', 'clv-formula')).toBe('/en/lessons/clv-formula/quiz/');
    expect(reviewPath('ja')).toBe('/review/');
    expect(reviewPath('en')).toBe('/en/review/');
    expect(reviewAttemptHref('en', 'clv-formula', ['a-b', 'c'])).toBe('/en/lessons/clv-formula/quiz/?review=a-b,c');
  });

  it('reads review ids back, dropping anything that is not an id', () => {
    expect(reviewIdsFromSearch('?review=a-b,c,a-b')).toEqual(['a-b', 'c']);
    expect(reviewIdsFromSearch('?review=<script>,ok')).toEqual(['ok']);
    expect(reviewIdsFromSearch('?review=')).toBeNull();
    expect(reviewIdsFromSearch('')).toBeNull();
  });

  it.each([
    [0, '0:00', '0秒', '0 s'],
    [7_900, '0:07', '7秒', '7 s'],
    [185_000, '3:05', '3分5秒', '3 min 5 s'],
    [3_729_000, '1:02:09', '62分9秒', '62 min 9 s'],
    [-5, '0:00', '0秒', '0 s'],
    [Number.NaN, '0:00', '0秒', '0 s'],
  ])('%d ms reads %s / %s / %s', (ms, clock, ja, en) => {
    expect(formatElapsed(ms)).toBe(clock);
    expect(spokenDuration(ms, 'ja')).toBe(ja);
    expect(spokenDuration(ms, 'en')).toBe(en);
  });
});
