import { describe, expect, it } from 'vitest';
import { numberUnitRanges } from '../../../src/lib/i18n/numberUnits.ts';
import { splitNumberRuns } from '../../../src/lib/i18n/keepNumbersTogether.ts';

const runs = (text: string) => numberUnitRanges(text).map(({ start, end }) => text.slice(start, end));

describe('numberUnitRanges', () => {
  it.each([
    // The cases: the line broke after 「2万」 and after 「72」.
    ['一回の注文は2万5,000円ほどです', ['2万5,000円']],
    ['年に72万円になります', ['72万円']],
    ['20台かける12万円で、240万円です', ['20台', '12万円', '240万円']],
    ['上位20%のお客様', ['20%']],
    ['5年も注文を続けて', ['5年']],
    ['月に4回、3か月で', ['4回', '3か月']],
    ['¥60,000 × 6年', ['¥60,000', '6年']],
    ['a ¥5,000 order, 4 times a year for 5 years', ['¥5,000', '4 times', '5 years']],
    ['CLV of 1.5 million', []],
    ['第2章', []],
  ])('%s -> %j', (text, expected) => {
    expect(runs(text)).toEqual(expected);
  });
});

describe('splitNumberRuns', () => {
  it('cuts a text node around each number with its unit, the text unchanged', () => {
    const parts = splitNumberRuns({ type: 'text', value: '一回2万5,000円ほどで、年に72万円です。' });
    expect(parts).toEqual([
      { type: 'text', value: '一回' },
      { type: 'element', tagName: 'span', properties: { className: ['num'] }, children: [{ type: 'text', value: '2万5,000円' }] },
      { type: 'text', value: 'ほどで、年に' },
      { type: 'element', tagName: 'span', properties: { className: ['num'] }, children: [{ type: 'text', value: '72万円' }] },
      { type: 'text', value: 'です。' },
    ]);
  });

  it('leaves a text without numbers as it is', () => {
    const node = { type: 'text' as const, value: 'No numbers here.' };
    expect(splitNumberRuns(node)).toEqual([node]);
  });
});
