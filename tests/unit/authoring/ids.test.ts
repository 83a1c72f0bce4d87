import { describe, expect, it } from 'vitest';
import { customLessonKey, customModuleKey, isCustomLessonKey, parseCustomLessonKey, parseCustomModuleKey } from '../../../src/lib/authoring/ids.ts';
import { sectionHref } from '../../../src/lib/quiz/display.ts';

const VERSION = '3f2a8c1e-0b7d-4e5f-9a6b-1c2d3e4f5a6b';

describe('custom module keys', () => {
  it('round-trip and stay valid lesson/module slugs', () => {
    expect(parseCustomLessonKey(customLessonKey(VERSION, 2))).toEqual({ versionId: VERSION, position: 2 });
    expect(parseCustomModuleKey(customModuleKey(VERSION))).toBe(VERSION);
    expect(customLessonKey(VERSION, 12)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(['clv-formula', `cm-${VERSION}`, `cm-${VERSION}-0`, `cm-${VERSION}-x`, `cm-${VERSION.toUpperCase()}-1`])('%s is not a custom lesson key', (key) => {
    expect(isCustomLessonKey(key)).toBe(false);
  });

  it('links a custom lesson’s section to the learner page, a built-in one to the course page', () => {
    expect(sectionHref(customLessonKey(VERSION, 1), 's-abc', 'en')).toBe(`/en/learn/lessons/cm-${VERSION}-1/#s-abc`);
    expect(sectionHref(customLessonKey(VERSION, 1), 's-abc', 'ja')).toBe(`/learn/lessons/cm-${VERSION}-1/#s-abc`);
    expect(sectionHref('clv-formula', 'x', 'en')).toBe('/en/lessons/clv-formula/#x');
  });
});
