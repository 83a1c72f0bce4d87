import { describe, expect, it } from 'vitest';
import { packSegments, unpackSegments } from '../../../src/lib/narration/browser/packedSegments.ts';
import { shortcutFor, type KeyPress } from '../../../src/lib/narration/browser/shortcuts.ts';
import { locateSentences, wordAt } from '../../../src/lib/narration/browser/textRange.ts';
import { formatClock } from '../../../src/lib/narration/browser/time.ts';
import { pickVoice, primaryLanguage, voicesFor } from '../../../src/lib/narration/browser/voiceEngine.ts';
import { segmentBlocks } from '../../../src/lib/narration/segment.ts';

describe('locateSentences', () => {
  it('finds each sentence in order, ignoring line breaks the script removed', () => {
    const text = '佐藤さんは今月、\n契約を一件まとめました。月々は2万円です。';
    const spans = locateSentences(text, ['佐藤さんは今月、契約を一件まとめました。', '月々は2万円です。']);
    expect(spans.map((span) => span && text.slice(span.start, span.end))).toEqual([
      '佐藤さんは今月、\n契約を一件まとめました。',
      '月々は2万円です。',
    ]);
  });

  it('finds the second of two equal sentences after the first', () => {
    const text = 'はい。いいえ。はい。';
    expect(locateSentences(text, ['はい。', 'いいえ。', 'はい。'])).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 7 },
      { start: 7, end: 10 },
    ]);
  });

  it('gives no span to a sentence the element does not hold, and still finds the next', () => {
    const text = 'LTV term. The definition follows.';
    expect(locateSentences(text, ['Not here.', 'The definition follows.'])).toEqual([undefined, { start: 10, end: 33 }]);
  });
});

describe('wordAt', () => {
  it.each([
    ['The lifetime value of a customer.', 4, 'lifetime'],
    ['LTVを計算します。', 0, 'LTVを計算します'],
    ['A, b', 3, 'b'],
  ])('%s at %i is "%s"', (sentence, index, word) => {
    const span = wordAt(sentence, index)!;
    expect(sentence.slice(span.start, span.end)).toBe(word);
  });

  it.each([-1, 99, 1.5])('has no word at %s', (index) => expect(wordAt('abc', index)).toBeUndefined());
});

describe('shortcutFor', () => {
  const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
    key,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: 'other',
    ...extra,
  });
  it.each([
    [press('k'), 'toggle'],
    [press('K', { shiftKey: true }), undefined],
    [press('j'), 'previous-sentence'],
    [press('l'), 'next-sentence'],
    [press('J', { shiftKey: true }), 'previous-section'],
    [press('L', { shiftKey: true }), 'next-section'],
    [press('['), 'slower'],
    [press(']'), 'faster'],
    [press(' ', { target: 'narration' }), 'toggle'],
    [press(' '), undefined], // Space scrolls the page for readers.
    [press(' ', { target: 'control' }), undefined], // Space presses the focused button.
    [press('k', { target: 'control' }), 'toggle'],
    [press('k', { target: 'typing' }), undefined],
    [press('l', { ctrlKey: true }), undefined],
    [press('j', { metaKey: true }), undefined],
    [press('x'), undefined],
  ] as const)('%j → %s', (input, action) => expect(shortcutFor(input)).toBe(action));
});

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [59_400, '0:59'],
    [61_000, '1:01'],
    [3_600_000, '1:00:00'],
    [-5, '0:00'],
    [Number.NaN, '0:00'],
  ])('%s ms → %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});

describe('packed segments', () => {
  it('round-trips, sending the spoken text only where the lexicon changed it', () => {
    const segments = segmentBlocks(
      [
        { id: 'title', kind: 'title', text: 'LTVとは何か' },
        { id: 'b0', kind: 'paragraph', text: '一文目です。二文目です。' },
      ],
      'ja',
    );
    const packed = packSegments(segments);
    expect(packed[0]).toHaveProperty('s');
    expect(packed[1]).not.toHaveProperty('s');
    expect(unpackSegments(packed)).toEqual(segments);
  });
});

describe('voices for a lesson', () => {
  const voices = [
    { id: 'a', name: 'Daniel', lang: 'en-GB' },
    { id: 'b', name: 'Kyoko', lang: 'ja-JP' },
    { id: 'c', name: 'Samantha', lang: 'en_US' },
  ];
  it('keeps voices of the language, the exact region first', () => {
    expect(voicesFor(voices, 'en-US').map((voice) => voice.id)).toEqual(['c', 'a']);
    expect(voicesFor(voices, 'ja-JP').map((voice) => voice.id)).toEqual(['b']);
    expect(voicesFor(voices, 'fr-FR')).toEqual([]);
  });
  it('keeps the chosen voice if it reads the language, otherwise picks the first that does', () => {
    expect(pickVoice(voices, 'en-US', 'a')?.id).toBe('a');
    expect(pickVoice(voices, 'en-US', 'b')?.id).toBe('c');
    expect(pickVoice(voices, 'en-US', 'gone')?.id).toBe('c');
    expect(pickVoice(voices, 'fr-FR')).toBeUndefined();
  });
  it.each([
    ['ja-JP', 'ja'],
    ['en_GB', 'en'],
    ['EN', 'en'],
  ])('%s is %s', (tag, primary) => expect(primaryLanguage(tag)).toBe(primary));
});
