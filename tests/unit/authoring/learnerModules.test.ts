import { describe, expect, it } from 'vitest';
import { customLessonKey } from '../../../src/lib/authoring/ids.ts';
import { customModulesOf, lessonNeighbours } from '../../../src/lib/authoring/learnerModules.ts';
import { listeningMinutes, narrationMinutes } from '../../../src/lib/narration/minutes.ts';

const V1 = '3f2a8c1e-0b7d-4e5f-9a6b-1c2d3e4f5a6b';
const V2 = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const entry = (versionId: string, n: number, moduleTitle: string) => ({ key: customLessonKey(versionId, n), title: `L${n}`, assignmentId: `${versionId.slice(0, 2)}-${n}`, moduleTitle });

describe('customModulesOf', () => {
  it('groups assigned lessons by version, in the version’s order, leaving built-in lessons out', () => {
    // Listed by due date: lesson 2 of V1 is due before lesson 1.
    const modules = customModulesOf([entry(V1, 2, 'Deck'), { key: 'clv-formula', title: 'CLV', assignmentId: 'b', moduleTitle: 'CLV' }, entry(V2, 1, 'Pricing'), entry(V1, 1, 'Deck')]);
    expect(modules).toEqual([
      { versionId: V1, title: 'Deck', lessons: [{ key: customLessonKey(V1, 1), title: 'L1', assignmentId: '3f-1' }, { key: customLessonKey(V1, 2), title: 'L2', assignmentId: '3f-2' }] },
      { versionId: V2, title: 'Pricing', lessons: [{ key: customLessonKey(V2, 1), title: 'L1', assignmentId: '9e-1' }] },
    ]);
  });

  it('carries the language the module is written in, for pages in the other language', () => {
    const [module] = customModulesOf([{ ...entry(V1, 1, '提案デッキ'), lang: 'ja' }]);
    expect(module?.lang).toBe('ja');
    expect(customModulesOf([entry(V1, 1, 'Deck')])[0]).not.toHaveProperty('lang');
  });

  it('is empty without custom lessons', () => {
    expect(customModulesOf([{ key: 'what-is-ltv', title: 'x', assignmentId: 'a', moduleTitle: 'm' }])).toEqual([]);
  });
});

describe('lessonNeighbours', () => {
  const lessons = [{ key: 'a' }, { key: 'b' }, { key: 'c' }];
  it.each([
    ['a', undefined, 'b'],
    ['b', 'a', 'c'],
    ['c', 'b', undefined],
    ['x', undefined, undefined],
  ])('%s: previous %s, next %s', (key, previous, next) => {
    const found = lessonNeighbours(lessons, key);
    expect(found.previous?.key).toBe(previous);
    expect(found.next?.key).toBe(next);
  });
});

describe('narrationMinutes', () => {
  // 90 s rounds to 2 min; 20 s still shows 1 min; nothing at all is 1 min, never 0.
  it.each([
    [[60_000, 30_000], 2],
    [[20_000], 1],
    [[], 1],
  ])('%j ms → %i min', (durations, minutes) => {
    expect(narrationMinutes(durations.map((durationMs) => ({ durationMs })))).toBe(minutes);
  });
});

describe('listeningMinutes', () => {
  const estimate = [{ durationMs: 300_000 }];
  it('takes the recording’s length when there is one (speech runs longer than reading)', () => {
    expect(listeningMinutes(estimate, { duration: 491 })).toBe(8);
    expect(listeningMinutes(estimate, { duration: 10 })).toBe(1);
  });
  it('falls back to the speech estimate', () => {
    expect(listeningMinutes(estimate)).toBe(5);
  });
});
