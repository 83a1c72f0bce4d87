import { describe, expect, it } from 'vitest';
import {
  decodeSettings,
  defaultSettings,
  encodeSettings,
  MAX_POSITIONS,
  positionKey,
  withoutPosition,
  withPosition,
} from '../../../src/lib/narration/browser/settings.ts';

describe('decodeSettings', () => {
  it('reads what it wrote', () => {
    const settings = withPosition({ ...defaultSettings(), rate: 1.5, voices: { ja: 'Kyoko' } }, 'ja/what-is-ltv', 12, 1000);
    expect(decodeSettings(encodeSettings(settings))).toEqual(settings);
  });

  it.each([
    ['nothing stored', null],
    ['empty', ''],
    ['not JSON', '{broken'],
    ['an array', '[1,2]'],
    ['a newer version', JSON.stringify({ version: 99, rate: 2 })],
    ['no version', JSON.stringify({ rate: 2 })],
  ])('falls back to the defaults for %s, without throwing', (_, encoded) => {
    expect(decodeSettings(encoded)).toEqual(defaultSettings());
  });

  it('keeps the readable fields and resets the others one by one', () => {
    const decoded = decodeSettings(
      JSON.stringify({
        version: 1,
        rate: 1.3, // not a step: the nearest step
        voices: { ja: 'Kyoko', en: 42, fr: 'Amelie' },
        positions: { 'ja/a': { index: 3, savedAt: 5 }, 'ja/b': { index: -1, savedAt: 5 }, 'ja/c': 'x', 'en/d': { index: 2.5, savedAt: 1 } },
      }),
    );
    expect(decoded).toEqual({ version: 1, rate: 1.25, voices: { ja: 'Kyoko' }, positions: { 'ja/a': { index: 3, savedAt: 5 } } });
  });

  it.each([
    [9, 2],
    [0.1, 0.5],
    [Number.MAX_VALUE, 2],
  ])('keeps a stored rate of %s within range: %s', (rate, expected) => {
    expect(decodeSettings(JSON.stringify({ ...defaultSettings(), rate })).rate).toBe(expected);
  });
});

describe('positions', () => {
  it('are kept per language and lesson', () => {
    expect(positionKey('ja', 'what-is-ltv')).toBe('ja/what-is-ltv');
    expect(positionKey('en', 'what-is-ltv')).not.toBe(positionKey('ja', 'what-is-ltv'));
  });

  it(`keep only the ${MAX_POSITIONS} most recent`, () => {
    let settings = defaultSettings();
    for (let i = 0; i < MAX_POSITIONS + 5; i++) settings = withPosition(settings, `ja/l${i}`, i, i);
    const keys = Object.keys(settings.positions);
    expect(keys).toHaveLength(MAX_POSITIONS);
    expect(keys).not.toContain('ja/l0');
    expect(keys).toContain(`ja/l${MAX_POSITIONS + 4}`);
  });

  it('are removed when a lesson was heard to the end', () => {
    const settings = withPosition(defaultSettings(), 'ja/a', 4, 1);
    expect(withoutPosition(settings, 'ja/a').positions).toEqual({});
    expect(withoutPosition(settings, 'ja/none')).toBe(settings);
  });
});
