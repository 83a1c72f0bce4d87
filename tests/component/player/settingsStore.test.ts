import { afterEach, describe, expect, it, vi } from 'vitest';

const KEY = 'ltv-dojo:narration';

afterEach(() => {
  vi.resetModules();
  localStorage.clear();
});

/** The store as a fresh page load sees it, with `stored` in localStorage. */
async function loadWith(stored: string | null) {
  if (stored !== null) localStorage.setItem(KEY, stored);
  vi.resetModules();
  return import('../../../src/stores/settings.ts');
}

describe('$settings', () => {
  it.each([
    ['corrupt JSON', '{"version":1,'],
    ['a format from the future', JSON.stringify({ version: 7, rate: 'fast' })],
    ['the wrong shape', '"just a string"'],
  ])('starts from the defaults on %s, without throwing', async (_, stored) => {
    const { $settings } = await loadWith(stored);
    expect($settings.get()).toEqual({ version: 1, rate: 1, voices: {}, positions: {} });
  });

  it('keeps speed, voice and positions across page loads', async () => {
    const first = await loadWith(null);
    first.setNarrationRate(1.75);
    first.setNarrationVoice('ja', 'Kyoko');
    first.saveNarrationPosition('ja/what-is-ltv', 7, 1000);
    const second = await loadWith(localStorage.getItem(KEY));
    expect(second.$settings.get()).toEqual({
      version: 1,
      rate: 1.75,
      voices: { ja: 'Kyoko' },
      positions: { 'ja/what-is-ltv': { index: 7, savedAt: 1000 } },
    });
    expect(second.narrationPosition('ja/what-is-ltv')).toBe(7);
    second.setNarrationVoice('ja', undefined);
    second.clearNarrationPosition('ja/what-is-ltv');
    expect(second.$settings.get()).toMatchObject({ voices: {}, positions: {} });
  });

  it('keeps working for the page when storage refuses to write', async () => {
    const { $settings, setNarrationRate } = await loadWith(null);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const unlisten = $settings.listen(() => {});
    expect(() => setNarrationRate(1.5)).not.toThrow();
    unlisten();
    setItem.mockRestore();
  });
});
