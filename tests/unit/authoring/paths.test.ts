import { describe, expect, it } from 'vitest';
import { editorPath, modulesPath, previewPath } from '../../../src/lib/authoring/paths.ts';
import { localizedPath } from '../../../src/lib/i18n/locales.ts';

const MODULE = '0b6f3c1e-6a0e-4f8e-9a51-2c3d4e5f6a7b';
const LESSON = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

describe('authoring paths', () => {
  it.each([
    ['ja', modulesPath('ja'), '/trainer/modules/'],
    ['en', modulesPath('en'), '/en/trainer/modules/'],
    ['ja', editorPath('ja', MODULE), `/trainer/modules/${MODULE}/`],
    ['en', editorPath('en', MODULE), `/en/trainer/modules/${MODULE}/`],
    ['ja', previewPath('ja', MODULE, LESSON), `/trainer/modules/${MODULE}/lessons/${LESSON}/`],
    ['en', previewPath('en', MODULE, LESSON), `/en/trainer/modules/${MODULE}/lessons/${LESSON}/`],
  ])('%s: %s', (_locale, path, expected) => {
    expect(path).toBe(expected);
  });

  // The header's language switch maps each page to its counterpart by path alone.
  it.each([editorPath, (locale: 'ja' | 'en', id: string) => previewPath(locale, id, LESSON)])('the language switch maps %#', (build) => {
    expect(localizedPath(build('ja', MODULE), 'en')).toBe(build('en', MODULE));
    expect(localizedPath(build('en', MODULE), 'ja')).toBe(build('ja', MODULE));
  });
});
