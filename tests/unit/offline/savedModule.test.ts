import { describe, expect, it } from 'vitest';
import { formatBytes, isCacheOfModule, isSavedCacheName, missingFromSave, newestRecord, nextSavedCacheName, parseSavedRecord, plannedBytes, savedCacheName, type SavedModuleRecord } from '../../../src/lib/offline/savedModule.ts';

describe('saved module caches', () => {
  it('names one cache per language and module, recognisable among the precache', () => {
    expect(savedCacheName('ja', 'ltv-selling')).toBe('ltv-saved-v1:ja:ltv-selling');
    expect(savedCacheName('en', 'ltv-selling')).not.toBe(savedCacheName('ja', 'ltv-selling'));
    expect(isSavedCacheName(savedCacheName('en', 'clv-practice'))).toBe(true);
    expect(isSavedCacheName('workbox-precache-v2-http://localhost/')).toBe(false);
  });

  const record: SavedModuleRecord = {
    version: 1,
    locale: 'ja',
    moduleId: 'ltv-selling',
    title: 'LTV思考の営業',
    href: '/listen/ltv-selling/',
    lessons: [{ title: 'LTVとは', href: '/lessons/what-is-ltv/', hasAudio: true }],
    bytes: 18_000_000,
    urls: ['/listen/ltv-selling/'],
    savedAt: '2026-12-04T18:00:00.000Z',
  };

  it.each([
    { name: 'a record', text: JSON.stringify(record), parsed: record },
    { name: 'broken JSON (a write cut short)', text: '{"version":1,', parsed: undefined },
    { name: 'another format', text: JSON.stringify({ ...record, version: 2 }), parsed: undefined },
    { name: 'a negative size', text: JSON.stringify({ ...record, bytes: -1 }), parsed: undefined },
  ])('parses $name', ({ text, parsed }) => expect(parseSavedRecord(text)).toEqual(parsed));
});

describe('plannedBytes', () => {
  it('adds the sizes known at build time and counts the others', () => {
    expect(plannedBytes([{ url: '/a', bytes: 100 }, { url: '/b' }, { url: '/c', bytes: 23 }, { url: '/d' }])).toEqual({ known: 123, unknown: 2 });
  });
});

describe('formatBytes', () => {
  it.each([
    { bytes: 0, locale: 'en' as const, expected: '0 B' },
    { bytes: 999, locale: 'en' as const, expected: '999 B' },
    { bytes: 77_400, locale: 'ja' as const, expected: '77 KB' },
    { bytes: 1_250_000, locale: 'en' as const, expected: '1.3 MB' },
    { bytes: 18_500_000, locale: 'ja' as const, expected: '19 MB' },
    { bytes: 11_000_000_000, locale: 'en' as const, expected: '11 GB' },
  ])('$bytes ($locale) → $expected', ({ bytes, locale, expected }) => expect(formatBytes(bytes, locale)).toBe(expected));
});

describe('later saves of a module', () => {
  it('go into a cache of their own that still counts as the module’s (and no other module’s)', () => {
    const next = nextSavedCacheName('ja', 'ltv-selling', 'k1');
    expect(next).not.toBe(savedCacheName('ja', 'ltv-selling'));
    expect(isSavedCacheName(next)).toBe(true);
    expect(isCacheOfModule(next, 'ja', 'ltv-selling')).toBe(true);
    expect(isCacheOfModule(savedCacheName('ja', 'ltv-selling'), 'ja', 'ltv-selling')).toBe(true);
    expect(isCacheOfModule(next, 'en', 'ltv-selling')).toBe(false);
    // A module whose id starts with another's is not taken for it.
    expect(isCacheOfModule(savedCacheName('ja', 'ltv-selling-2'), 'ja', 'ltv-selling')).toBe(false);
  });

  it('missingFromSave lists what the module has now that the saved copy lacks', () => {
    const record = { urls: ['/lessons/a/', '/audio/ja/a.json', '/audio/ja/a.1111.mp3'] };
    expect(missingFromSave(record, [{ url: '/lessons/a/' }, { url: '/audio/ja/a.json' }, { url: '/audio/ja/a.1111.mp3' }])).toEqual([]);
    expect(missingFromSave(record, [{ url: '/lessons/a/' }, { url: '/audio/ja/a.json' }, { url: '/audio/ja/a.2222.mp3' }, { url: '/lessons/b/' }])).toEqual(['/audio/ja/a.2222.mp3', '/lessons/b/']);
  });

  it('newestRecord picks the latest save', () => {
    const at = (savedAt: string) => ({ savedAt }) as SavedModuleRecord;
    expect(newestRecord([at('2026-12-01T00:00:00.000Z'), at('2026-12-05T00:00:00.000Z'), at('2026-12-03T00:00:00.000Z')])?.savedAt).toBe('2026-12-05T00:00:00.000Z');
    expect(newestRecord([])).toBeUndefined();
  });
});
