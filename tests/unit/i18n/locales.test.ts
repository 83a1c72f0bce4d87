import { describe, expect, it } from 'vitest';
import { localeFromPath, localizedPath } from '../../../src/lib/i18n/locales.ts';
import { ISLAND_UI, t as islandT } from '../../../src/lib/i18n/islandUi.ts';
import { t, UI } from '../../../src/lib/i18n/ui.ts';
import { formatYen, formatYenCompact, formatPercent } from '../../../src/lib/i18n/format.ts';

describe('localizedPath keeps the page when switching language', () => {
  it.each([
    ['/', 'en', '/en/'],
    ['/', 'ja', '/'],
    ['/en/', 'ja', '/'],
    ['/en', 'ja', '/'],
    ['/lessons/what-is-ltv/', 'en', '/en/lessons/what-is-ltv/'],
    ['/en/lessons/what-is-ltv/', 'ja', '/lessons/what-is-ltv/'],
    ['/en/lessons/what-is-ltv/', 'en', '/en/lessons/what-is-ltv/'],
    // A Japanese page whose slug merely starts with "en" is not English.
    ['/enterprise/', 'en', '/en/enterprise/'],
  ] as const)('%s -> %s = %s', (path, target, expected) => {
    expect(localizedPath(path, target)).toBe(expected);
  });

  it.each([
    ['/', 'ja'],
    ['/en/', 'en'],
    ['/en', 'en'],
    ['/enterprise/', 'ja'],
  ] as const)('localeFromPath(%s) = %s', (path, locale) => {
    expect(localeFromPath(path)).toBe(locale);
  });
});

describe('UI strings', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(UI.en).sort()).toEqual(Object.keys(UI.ja).sort());
    for (const locale of ['ja', 'en'] as const) {
      for (const [key, value] of Object.entries(UI[locale])) expect(value, `${locale}:${key}`).not.toBe('');
    }
  });

  it('fills placeholders', () => {
    expect(t('ja', 'lesson.minutes', { n: 8 })).toBe('約8分');
    expect(t('en', 'lesson.minutes', { n: 8 })).toBe('about 8 min');
    expect(t('en', 'listen.title', { module: 'X', other: 1 })).toBe('Listen: X');
    expect(islandT('ja', 'progress.module', { done: 2 })).toBe('2 / {total} レッスン完了');
  });

  it('the islands’ labels are the site’s: the same keys and texts in both languages', () => {
    expect(Object.keys(ISLAND_UI.en).sort()).toEqual(Object.keys(ISLAND_UI.ja).sort());
    for (const locale of ['ja', 'en'] as const) {
      for (const [key, value] of Object.entries(ISLAND_UI[locale])) {
        expect(value, `${locale}:${key}`).not.toBe('');
        expect(UI[locale][key as keyof (typeof UI)[typeof locale]]).toBe(value);
        expect(islandT(locale, key as keyof (typeof ISLAND_UI)[typeof locale], { module: 'M', n: 3, done: 1, total: 2, fields: 'F' })).toBe(
          t(locale, key as keyof (typeof UI)[typeof locale], { module: 'M', n: 3, done: 1, total: 2, fields: 'F' }),
        );
      }
    }
  });
});

describe('number formatting', () => {
  it('formats yen the Japanese way', () => {
    expect(formatYen('ja', 100000)).toMatch(/^[¥￥]100,000$/);
    expect(formatPercent('en', 0.68)).toBe('68%');
  });

  it.each([
    ['ja', 100_000, '10万円'],
    ['ja', -100_000, '-10万円'],
    ['en', 1_800_000, '¥1.8M'],
    ['en', -1_800_000, '-¥1.8M'],
  ] as const)('compacts %s %d to %s', (locale, value, expected) => {
    expect(formatYenCompact(locale, value)).toBe(expected);
  });
});
