import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitToFit } from '../../../src/lib/narration/capLength.ts';
import { estimateDurationMs, MAX_SEGMENT_MS, segmentBlocks, splitBlockText } from '../../../src/lib/narration/segment.ts';
import { splitSentences } from '../../../src/lib/narration/sentences.ts';

describe('splitSentences in Japanese', () => {
  it.each([
    ['splits at 。！？', 'はい！本当？そうです。', ['はい！', '本当？', 'そうです。']],
    [
      'keeps quoted speech with a 。 inside in one sentence',
      '宮下さんは「売ったあとも。ずっと見ている」と話します。結果は出ました。',
      ['宮下さんは「売ったあとも。ずっと見ている」と話します。', '結果は出ました。'],
    ],
    ['keeps a quote that ends with 。」 together with its と', '「もう一度。」と言いました。次です。', ['「もう一度。」と言いました。', '次です。']],
    ['keeps 『…』 and （…） together', '『本。』は良い。（注：例です。）', ['『本。』は良い。', '（注：例です。）']],
    ['moves a stray opening bracket to the next sentence', 'そうです。（注：例です。）次へ。', ['そうです。', '（注：例です。）', '次へ。']],
    ['keeps numbers whole', '1.1かける1.1で、およそ1.33です。11,500円です。', ['1.1かける1.1で、およそ1.33です。', '11,500円です。']],
    ['starts anew after a quote when the next word only begins with と', '「はい。」ところが違いました。', ['「はい。」', 'ところが違いました。']],
    ['lets a lone bracket go rather than swallow the rest', '「はい。そうです。次へ。', ['「はい。', 'そうです。', '次へ。']],
    ['keeps 「なぜ？」と思う-style questions with their と', 'なぜ？と思うでしょう。', ['なぜ？と思うでしょう。']],
  ])('%s', (_, text, expected) => {
    expect(splitSentences(text, 'ja')).toEqual(expected);
  });
});

describe('splitSentences in English', () => {
  it.each([
    ['keeps a title with its name', 'Mr. Miyashita sells machines. He is busy.', ['Mr. Miyashita sells machines.', 'He is busy.']],
    ['keeps decimals whole', '1.1 times 1.1 is about 1.33, so CLV grows.', ['1.1 times 1.1 is about 1.33, so CLV grows.']],
    ['starts anew at a number after a full stop', 'Let us work it out. 11,500 minus 8,000 is 3,500.', ['Let us work it out.', '11,500 minus 8,000 is 3,500.']],
    [
      'keeps a quotation with a full stop inside together',
      '“Customers noticed. They came back,” he says. Then sales rose.',
      ['“Customers noticed. They came back,” he says.', 'Then sales rose.'],
    ],
    ['pairs straight quotes when they balance', '"It works. Really," she said. Next.', ['"It works. Really," she said.', 'Next.']],
  ])('%s', (_, text, expected) => {
    expect(splitSentences(text, 'en')).toEqual(expected);
  });
});

describe('estimateDurationMs at rate 1.0', () => {
  it.each([
    // 13 characters at 6.5 per second: 2 s. Spaces do not count in Japanese.
    ['ja', 'エルティーブイは大切です。', 2000],
    ['ja', 'あい うえお', 769],
    // 30 characters at 15 per second: 2 s; runs of spaces count once.
    ['en', 'The numbers followed, clearly.', 2000],
    ['en', 'a   b', 200],
    ['en', '', 0],
  ] as const)('%s %j → %i ms', (locale, text, ms) => {
    expect(estimateDurationMs(text, locale)).toBe(ms);
  });
});

describe('the length cap', () => {
  const longJapanese =
    '月の平均が1,000万円なら、以前は750万円から1,250万円まで揺れていたものが、いまは950万円から1,050万円の間に収まり、' +
    '銀行からも以前より有利な条件で融資を受けられるようになり、計画も立てやすくなり、社員の残業も減り、' +
    '新しい機械への投資も決められるようになった、ということです。';

  it('splits a long Japanese sentence at 、 into parts under the cap, losing nothing', () => {
    const parts = splitBlockText(longJapanese, 'ja');
    expect(estimateDurationMs(longJapanese, 'ja')).toBeGreaterThan(MAX_SEGMENT_MS);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(estimateDurationMs(part, 'ja')).toBeLessThanOrEqual(MAX_SEGMENT_MS);
    for (const part of parts.slice(0, -1)) expect(part).toMatch(/、$/);
    expect(parts.join('')).toBe(longJapanese);
  });

  it('never cuts inside a number or a word, even with a tight cap', () => {
    const parts = splitToFit('売上は1,000,000円、利益は250,000円、LTVは12,345円でした。', 2500, (text) => estimateDurationMs(text, 'ja'));
    expect(parts).toEqual(['売上は1,000,000円、', '利益は250,000円、', 'LTVは12,345円でした。']);
    // Tighter than any number takes to say: cuts fall beside the number, not in it.
    const tight = splitToFit('売上は1,000,000円でした', 300, (text) => estimateDurationMs(text, 'ja'));
    expect(tight).toContain('1,000,000'); // said whole, though longer than the cap
    expect(tight.join('')).toBe('売上は1,000,000円でした');
  });

  it('prefers a pause outside a quotation to one inside it', () => {
    const text = '店長は「まず、お客様の話を聞き、次に提案する」と言い、全員がうなずきました。';
    const parts = splitToFit(text, 4500, (part) => estimateDurationMs(part, 'ja'));
    expect(parts[0]).toBe('店長は「まず、お客様の話を聞き、次に提案する」と言い、');
  });

  it('splits long English at commas, then spaces, never inside 1,000', () => {
    const text =
      'With average monthly sales of 10,000,000 yen, sales used to range from 7,500,000 to 12,500,000 yen, ' +
      'and now they stay between 9,500,000 and 10,500,000 yen, which makes planning, hiring and borrowing far easier for everyone involved.';
    const parts = splitBlockText(text, 'en', 5000);
    for (const part of parts) {
      expect(estimateDurationMs(part, 'en')).toBeLessThanOrEqual(5000);
      expect(part).not.toMatch(/^[0-9,]*,$|^,|^\d{3}\b/);
    }
    expect(parts.join(' ')).toBe(text);
  });

  it('keeps any Japanese text whole and each part under the cap (property)', () => {
    const alphabet = fc.constantFrom(...'あいうえおかきくけこ売上利益、。「」1,0'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), (characters) => {
        const text = characters.join('');
        const parts = splitBlockText(text, 'ja', 3000);
        expect(parts.join('')).toBe(text.replace(/\s/g, ''));
        for (const part of parts) {
          expect(part).not.toBe('');
          // Only a run of digits and commas, which is never cut, may exceed the cap.
          if (!/^[0-9,]+$/.test(part)) expect(estimateDurationMs(part, 'ja')).toBeLessThanOrEqual(3000);
        }
      }),
    );
  });
});

describe('segmentBlocks', () => {
  const segments = segmentBlocks(
    [
      { id: 'b0', kind: 'heading', text: 'LTVとは' },
      { id: 'b1', kind: 'paragraph', text: '単価は¥5,000です。LTV ＝ 単価 × 回数 × 年数です。' },
    ],
    'ja',
  );

  it('numbers segments across blocks and keeps their block', () => {
    expect(segments.map(({ index, blockId, kind }) => [index, blockId, kind])).toEqual([
      [0, 'b0', 'heading'],
      [1, 'b1', 'paragraph'],
      [2, 'b1', 'paragraph'],
    ]);
  });

  it('keeps the display text and speaks through the lexicon, timed on what is spoken', () => {
    expect(segments[2]).toMatchObject({
      display: 'LTV ＝ 単価 × 回数 × 年数です。',
      spoken: 'エルティーブイは単価かける回数かける年数です。',
      durationMs: estimateDurationMs('エルティーブイは単価かける回数かける年数です。', 'ja'),
    });
    expect(segments[1]?.spoken).toBe('単価は5,000円です。');
  });
});
