import { describe, expect, it } from 'vitest';
import { customLessonKey } from '../../../src/lib/authoring/ids.ts';
import { trainerSectionHref } from '../../../src/lib/authoring/trainerLinks.ts';

const VERSION = '0b6f3c1e-6a0e-4f8e-9a51-2c3d4e5f6a7b';
const MODULE = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const LESSON = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const custom = customLessonKey(VERSION, 2);
const preview = { moduleId: MODULE, lessonId: LESSON };

describe('trainerSectionHref', () => {
  it.each([
    ['a built-in lesson, Japanese', 'ja', 'ltv-basics', 'churn', undefined, '/lessons/ltv-basics/#churn'],
    ['a built-in lesson, English', 'en', 'ltv-basics', 'churn', undefined, '/en/lessons/ltv-basics/#churn'],
    ['a custom lesson the trainer owns', 'ja', custom, 's-abc', preview, `/trainer/modules/${MODULE}/lessons/${LESSON}/#s-abc`],
    ['a custom lesson the trainer owns, English', 'en', custom, 's-abc', preview, `/en/trainer/modules/${MODULE}/lessons/${LESSON}/#s-abc`],
    ['a custom lesson the trainer may not preview', 'ja', custom, 's-abc', undefined, null],
  ] as const)('%s', (_name, locale, key, anchor, found, expected) => {
    expect(trainerSectionHref(locale, key, anchor, found)).toBe(expected);
  });
});
