import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeProgress,
  encodeProgress,
  freshProgress,
  lessonStatus,
  markLessonDone,
  recordTest,
  SUSPEND_DATA_LIMIT,
  type PackageProgress,
} from '../../../src/lib/scorm/runtimeState.ts';

const progress = (change: Partial<PackageProgress>): PackageProgress => ({ ...freshProgress(), ...change });

describe('lessonStatus', () => {
  it.each([
    ['nothing read', progress({}), 'incomplete'],
    ['some lessons read', progress({ done: [0, 2] }), 'incomplete'],
    ['all three read, no test', progress({ done: [0, 1, 2] }), 'completed'],
    ['tested and failed', progress({ done: [0], attempts: 1, bestScore: 40 }), 'failed'],
    ['tested and passed before reading all', progress({ attempts: 1, bestScore: 90, passed: true }), 'passed'],
  ])('%s → %s', (_case, state, status) => {
    expect(lessonStatus(state, 3)).toBe(status);
  });
});

describe('recordTest', () => {
  it.each([
    // [previous best, previous passed, new percent, mastery, best after, passed after]
    [null, false, 80, 80, 80, true], // 4 of 5 exactly at the mastery score passes
    [null, false, 79.99, 80, 79.99, false],
    [90, true, 40, 80, 90, true], // a worse retake keeps the pass and the best score
    [40, false, 60, 80, 60, false],
    [null, false, 120, 80, 100, true], // clamped to 0..100
  ])('best %s passed %s + %d%% (mastery %d) → best %d passed %s', (best, passed, percent, mastery, bestAfter, passedAfter) => {
    const after = recordTest(progress({ bestScore: best, passed, attempts: best === null ? 0 : 1 }), percent, mastery);
    expect(after.bestScore).toBe(bestAfter);
    expect(after.passed).toBe(passedAfter);
    expect(after.attempts).toBe(best === null ? 1 : 2);
  });

  it('markLessonDone keeps lessons sorted and once each', () => {
    const state = markLessonDone(markLessonDone(markLessonDone(freshProgress(), 2), 0), 2);
    expect(state.done).toEqual([0, 2]);
  });
});

describe('suspend data', () => {
  it('writes a short, readable form', () => {
    const state = progress({ done: [0, 1, 3], location: { kind: 'lesson', lesson: 2, scroll: 0.4234 }, bestScore: 85, passed: true, attempts: 2 });
    expect(encodeProgress(state)).toBe('v1|d=0.1.3|l=L2@0.423|b=85|p=1|a=2');
  });

  it.each([
    ['empty (first launch)', ''],
    ['another format', '{"page":3}'],
    ['a lesson beyond the module', 'v1|d=0.9|l=H|b=|p=0|a=0'],
    ['a scroll share over 1', 'v1|d=|l=L1@4|b=|p=0|a=0'],
    ['a score over 100', 'v1|d=|l=H|b=180|p=0|a=1'],
    ['a negative attempt count', 'v1|d=|l=H|b=|p=0|a=-1'],
    ['an unknown location', 'v1|d=|l=X|b=|p=0|a=0'],
  ])('reads %s as nothing saved', (_case, text) => {
    expect(decodeProgress(text, 6)).toBeNull();
  });

  it('round-trips any state and stays under the 4096-character limit', () => {
    const lessonCount = 40;
    const state = fc.record({
      done: fc.uniqueArray(fc.integer({ min: 0, max: lessonCount - 1 })).map((done) => done.sort((a, b) => a - b)),
      location: fc.oneof(
        fc.constant({ kind: 'home' as const }),
        fc.constant({ kind: 'test' as const }),
        fc.record({ kind: fc.constant('lesson' as const), lesson: fc.integer({ min: 0, max: lessonCount - 1 }), scroll: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000) }),
      ),
      bestScore: fc.option(fc.integer({ min: 0, max: 10000 }).map((n) => n / 100)),
      passed: fc.boolean(),
      attempts: fc.nat(1000),
    });
    fc.assert(
      fc.property(state, (value) => {
        const text = encodeProgress(value);
        expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
        expect(decodeProgress(text, lessonCount)).toEqual(value);
      }),
    );
  });
});
