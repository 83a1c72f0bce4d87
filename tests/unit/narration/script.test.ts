import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../../src/lib/course/schemas.ts';
import { lessonScript, type LessonScriptInput } from '../../../src/lib/narration/script.ts';
import { segmentBlocks } from '../../../src/lib/narration/segment.ts';
import { readLessons } from '../content/helpers.ts';

const fixture = readFileSync(new URL('./fixtures/every-construct.mdx', import.meta.url), 'utf8');

const lesson: LessonScriptInput = {
  title: 'テストのレッスン ― 台本の作り方',
  summary: '台本に入るものと入らないものを確かめます。',
  objectives: ['見出しを読む', '表を読まない'],
  keyTerms: [
    { term: 'LTV', definition: '一人のお客様が、お付き合いの全期間にもたらす価値です。' },
    { term: '客単価', definition: '1回の会計あたりの平均の金額です。' },
  ],
  body: fixture,
  locale: 'ja',
  calculatorDescriptions: { ja: { ClvCalculator: 'ここで計算機を使います。三つの数字を入れてみましょう。' } },
};

describe('lessonScript on the fixture that uses every construct', () => {
  const blocks = lessonScript(lesson);

  it('reads, in page order, the title, summary, objectives, body and glossary', () => {
    expect(blocks.map(({ id, kind, text }) => [id, kind, text])).toEqual([
      ['title', 'title', 'テストのレッスン ― 台本の作り方'],
      ['summary', 'summary', '台本に入るものと入らないものを確かめます。'],
      ['objectives', 'objectives', 'このレッスンの目標'],
      ['objectives.0', 'objectives', '見出しを読む'],
      ['objectives.1', 'objectives', '表を読まない'],
      ['b0', 'heading', 'はじめに ― LTVの見出し'],
      ['b1', 'paragraph', 'これは段落です。リンクとCLVと太字を含みます。改行のある二行目です。'],
      ['b2', 'calculator', 'ここで計算機を使います。三つの数字を入れてみましょう。'],
      ['spoken-0', 'paragraph', 'この文は聞こえるだけで、画面には出ません。'],
      ['b5.0', 'list-item', '一つ目の項目です。'],
      ['b5.1', 'list-item', '二つ目の項目です。'],
      ['b5.1.0', 'list-item', '入れ子の項目です。'],
      ['b5.2', 'list-item', '三つ目の項目です。'],
      ['b6.0', 'list-item', '順番の一つ目です。'],
      ['b6.1', 'list-item', '順番の二つ目です。'],
      ['b9', 'paragraph', '引用の段落です。'],
      ['b12', 'paragraph', '段落の中の（エルティーブイと読みます）とです。'],
      ['spoken-1', 'paragraph', '聞くだけの一つ目の段落です。'],
      ['spoken-2', 'paragraph', '聞くだけの二つ目の段落です。'],
      ['b14', 'heading', 'まとめ'],
      ['b15', 'paragraph', '宮下さんは「売ったあとも。ずっと見ている」と話します。単価は¥5,000で、LTV ＝ 単価 × 回数です。'],
      ['key-terms', 'key-term', 'キーワード'],
      ['key-terms.0', 'key-term', 'LTV。一人のお客様が、お付き合いの全期間にもたらす価値です。'],
      ['key-terms.1', 'key-term', '客単価。1回の会計あたりの平均の金額です。'],
    ]);
  });

  it('skips a calculator that has no description in the lesson language', () => {
    const english = lessonScript({ ...lesson, locale: 'en' });
    expect(english.some((block) => block.kind === 'calculator')).toBe(false);
    expect(lessonScript({ ...lesson, calculatorDescriptions: undefined }).map((block) => block.id)).not.toContain('b2');
  });

  it('drops HTML comments, which MDX itself would reject', () => {
    const body = 'First.\n\n<!-- a note for authors -->\n\nSecond <!-- inline --> part.';
    const body2 = lessonScript({ ...lesson, locale: 'en', objectives: [], keyTerms: [], body }).slice(2);
    expect(body2).toEqual([
      { id: 'b0', kind: 'paragraph', text: 'First.' },
      { id: 'b1', kind: 'paragraph', text: 'Second part.' },
    ]);
  });

  it('reads smart punctuation as the page shows it and joins English lines with a space', () => {
    const body = '"Customers started," he said --\nand stopped.';
    expect(lessonScript({ ...lesson, locale: 'en', body }).find((block) => block.id === 'b0')?.text).toBe(
      '“Customers started,” he said – and stopped.',
    );
  });

  it('names the MDX error when the body does not parse', () => {
    expect(() => lessonScript({ ...lesson, body: 'a <Broken' })).toThrow(/not valid MDX/);
  });
});

describe.each(readLessons().map((source) => [source.path, source] as const))('the script of %s', (_, source) => {
  const data = lessonSchema.parse(source.frontmatter);
  const calculators = [...source.body.matchAll(/<Calculator\s+name="(\w+)"/g)].map((match) => match[1]!);
  const descriptions = Object.fromEntries(calculators.map((name) => [name, `${name} description.`]));
  const blocks = lessonScript({ ...data, body: source.body, locale: source.locale, calculatorDescriptions: { [source.locale]: descriptions } });
  const segments = segmentBlocks(blocks, source.locale);

  it('has unique ids, and body ids that follow the rule', () => {
    const ids = blocks.map((block) => block.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(title|summary|objectives(\.\d+)?|key-terms(\.\d+)?|b\d+(\.\d+)*|spoken-\d+)$/);
  });

  it('reads every heading of the page and every calculator that has a description', () => {
    const headings = [...source.body.matchAll(/^#{2,6} /gm)].length;
    expect(blocks.filter((block) => block.kind === 'heading')).toHaveLength(headings);
    expect(blocks.filter((block) => block.kind === 'calculator')).toHaveLength(calculators.length);
  });

  it('leaks no markup and no empty segment into speech', () => {
    expect(segments.length).toBeGreaterThan(20);
    for (const segment of segments) {
      expect(segment.display.trim()).not.toBe('');
      expect(segment.spoken.trim()).not.toBe('');
      expect(segment.display).not.toMatch(/[{}<>*`#|]|\]\(|CALCULATOR/);
      expect(segment.durationMs).toBeGreaterThan(0);
    }
  });
});
