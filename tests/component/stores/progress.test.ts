import { describe, expect, it } from 'vitest';
import { setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';
import {
  $progress,
  $progressNotice,
  markLessonDone,
  recordLessonVisit,
  recordReadRatio,
} from '../../../src/stores/progress.ts';

const KEY = 'ltv-dojo:progress';

describe('$progress', () => {
  it('persists a finished lesson to localStorage', () => {
    const unlisten = $progress.listen(() => {});
    markLessonDone('what-is-ltv', true, new Date('2026-11-25T08:00:00Z'));
    const stored = JSON.parse(localStorage.getItem(KEY)!);
    expect(stored.lessons['what-is-ltv']).toMatchObject({ done: true, doneAt: '2026-11-25T08:00:00.000Z' });
    markLessonDone('what-is-ltv', false);
    expect(JSON.parse(localStorage.getItem(KEY)!).lessons['what-is-ltv'].done).toBe(false);
    unlisten();
  });

  it('remembers the last lesson and its language', () => {
    const unlisten = $progress.listen(() => {});
    recordLessonVisit('clv-formula', 'en');
    expect($progress.get().last).toEqual({ id: 'clv-formula', locale: 'en' });
    unlisten();
  });

  it('keeps the furthest reading point', () => {
    const unlisten = $progress.listen(() => {});
    recordReadRatio('a', 0.6);
    recordReadRatio('a', 0.2);
    expect($progress.get().lessons['a']!.readRatio).toBe(0.6);
    recordReadRatio('a', 1.4);
    expect($progress.get().lessons['a']!.readRatio).toBe(1);
    unlisten();
  });

  it('resets corrupt storage and raises a notice instead of throwing', () => {
    localStorage.setItem(KEY, '{not json');
    // Re-reading storage: the engine is re-installed so the atom loads the corrupt value.
    setPersistentEngine(localStorage, windowPersistentEvents);
    const unlisten = $progress.listen(() => {});
    expect($progress.get().lessons).toEqual({});
    expect($progressNotice.get()).toEqual({ kind: 'reset-all' });
    unlisten();
  });
});
