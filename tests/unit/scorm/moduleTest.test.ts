import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawModuleTest, gradeModuleTest } from '../../../src/lib/scorm/moduleTest.ts';
import { modulePassMark } from '../../../src/lib/scorm/packageData.ts';
import { loadBank, repoRoot } from '../quiz/helpers.ts';
import { correctResponses } from './answers.ts';

const banks = ['what-is-ltv', 'sell-and-forget', 'clv-formula'].map((lesson) => loadBank(path.join(repoRoot, `src/content/quizzes/${lesson}.yaml`)));

describe('drawModuleTest', () => {
  it('draws the asked number from every bank, numbered through the test, keys unique', () => {
    const test = drawModuleTest(banks, 42, 2, 'ja');
    expect(test.questions).toHaveLength(6);
    expect(test.questions.map((question) => question.view.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(test.questions.map((question) => question.key)).size).toBe(6);
    expect(test.questions.map((question) => question.lesson)).toEqual(['what-is-ltv', 'what-is-ltv', 'sell-and-forget', 'sell-and-forget', 'clv-formula', 'clv-formula']);
  });

  it('gives another variant for another seed (so one shared answer sheet does not fit)', () => {
    const layouts = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(drawModuleTest(banks, seed, 2, 'ja').questions.map((question) => [question.key, question.view.options?.map((option) => option.text), question.view.prompt]))));
    expect(layouts.size).toBeGreaterThan(1);
  });
});

describe('gradeModuleTest', () => {
  const test = drawModuleTest(banks, 7, 2, 'en');

  it.each([
    ['all right', () => correctResponses(test), 100],
    ['nothing answered', () => ({}), 0],
  ])('%s → %d%%', (_case, responses, percent) => {
    const result = gradeModuleTest(test, responses(), 'en');
    expect(result.max).toBe(6);
    expect(result.percent).toBe(percent);
    expect(result.lessons).toHaveLength(3);
  });

  it('counts one lesson right and the rest blank as 2 of 6 (33.33%)', () => {
    const right = Object.fromEntries(Object.entries(correctResponses(test)).filter(([key]) => key.startsWith('what-is-ltv/')));
    expect(gradeModuleTest(test, right, 'en')).toMatchObject({ total: 2, max: 6, percent: 33.33 });
  });

  it('the module pass mark is the strictest bank pass mark', () => {
    expect(modulePassMark([{ passMark: 0.7 }, { passMark: 0.85 }])).toBe(0.85);
    expect(modulePassMark([])).toBe(0.8);
  });
});
