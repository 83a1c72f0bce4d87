import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  completion,
  decodeProgress,
  emptyLessonProgress,
  emptyProgress,
  encodeProgress,
  updateLesson,
} from '../../../src/lib/progress/progress.ts';

const lesson = (change = {}) => ({ ...emptyLessonProgress(), ...change });

describe('decodeProgress', () => {
  it('round-trips the current format', () => {
    const progress = updateLesson(emptyProgress(), 'what-is-ltv', { done: true, readRatio: 0.5 });
    const withLast = { ...progress, last: { id: 'what-is-ltv', locale: 'ja' as const } };
    expect(decodeProgress(encodeProgress(withLast))).toEqual({ progress: withLast });
  });

  it.each([
    ['nothing stored', undefined],
    ['an empty string', ''],
  ])('starts empty with %s and no notice', (_, stored) => {
    expect(decodeProgress(stored)).toEqual({ progress: emptyProgress() });
  });

  it.each([
    ['not JSON', '{oops'],
    ['a JSON array', '[1,2]'],
    ['a future version', JSON.stringify({ version: 99, lessons: {} })],
    ['a fractional version', JSON.stringify({ version: 0.5, lessons: {} })],
  ])('resets everything and says so for %s', (_, stored) => {
    expect(decodeProgress(stored)).toEqual({ progress: emptyProgress(), notice: { kind: 'reset-all' } });
  });

  it('drops only the corrupt lessons and names them', () => {
    const stored = JSON.stringify({
      version: 1,
      lessons: { good: lesson({ done: true }), bad: { done: 'yes' }, worse: lesson({ readRatio: 7 }) },
    });
    const { progress, notice } = decodeProgress(stored);
    expect(Object.keys(progress.lessons)).toEqual(['good']);
    expect(notice).toEqual({ kind: 'reset-lessons', lessonIds: ['bad', 'worse'] });
  });

  it('migrates the version 0 format', () => {
    const { progress, notice } = decodeProgress(JSON.stringify({ completed: ['a', 'b', 3] }));
    expect(notice).toBeUndefined();
    expect(progress.version).toBe(1);
    expect(progress.lessons).toEqual({ a: lesson({ done: true }), b: lesson({ done: true }) });
  });

  it('never throws, whatever is stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (stored) => {
        const { progress } = decodeProgress(stored);
        expect(progress.version).toBe(1);
      }),
    );
  });
});

describe('completion', () => {
  it('counts done lessons among the given ids', () => {
    let progress = updateLesson(emptyProgress(), 'a', { done: true });
    progress = updateLesson(progress, 'b', { readRatio: 1 });
    progress = updateLesson(progress, 'other-module', { done: true });
    expect(completion(progress, ['a', 'b', 'c', 'd'])).toEqual({ done: 1, total: 4, ratio: 0.25 });
    expect(completion(progress, [])).toEqual({ done: 0, total: 0, ratio: 0 });
  });
});
