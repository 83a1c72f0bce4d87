import { describe, expect, it } from 'vitest';
import { customLessonPage, sectionAnchor } from '../../../src/lib/authoring/lessonPage.ts';
import { applyPronunciations } from '../../../src/lib/authoring/pronunciation.ts';
import { markdownToSafeHtml } from '../../../src/lib/authoring/sanitize.ts';

describe('sanitizer', () => {
  it.each([
    ['a raw script', 'Hi <script>alert(1)</script> there', /<script/i],
    ['an inline event handler', '<img src=x onerror=alert(1)>', /onerror|<img/i],
    ['a javascript: link', '[click](javascript:alert(1))', /javascript:/i],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', /data:/i],
    ['an image from elsewhere', '![pixel](https://tracker.example/p.gif)', /<img/i],
    ['an iframe', '<iframe src="https://e.example"></iframe>', /<iframe/i],
    ['a style attribute', '<p style="position:fixed">x</p>', /style=/i],
  ])('removes %s', (_name, markdown, forbidden) => {
    expect(markdownToSafeHtml(markdown)).not.toMatch(forbidden);
  });

  it.each([
    ['emphasis and lists', '**太字** と\n\n- 一\n- 二', '<p><strong>太字</strong> と</p>\n<ul>\n<li>一</li>\n<li>二</li>\n</ul>'],
    ['an https link', '[site](https://example.com)', '<p><a href="https://example.com">site</a></p>'],
    ['a GFM table', '| a | b |\n|---|---|\n| 1 | 2 |', '<table>'],
  ])('keeps %s', (_name, markdown, expected) => {
    expect(markdownToSafeHtml(markdown)).toContain(expected);
  });
});

describe('pronunciation overrides', () => {
  it.each([
    ['御社の課題', [{ term: '御社', reading: 'おんしゃ' }], 'おんしゃの課題'],
    // Longest first, one pass: 御社様 wins over 御社, and a reading is never rewritten again.
    ['御社様と御社', [{ term: '御社', reading: 'おんしゃ' }, { term: '御社様', reading: 'おんしゃさま' }], 'おんしゃさまとおんしゃ'],
    ['a.b and aXb', [{ term: 'a.b', reading: 'A dot B' }], 'A dot B and aXb'],
    ['unchanged', [], 'unchanged'],
  ])('%s', (text, overrides, expected) => {
    expect(applyPronunciations(text, overrides)).toBe(expected);
  });
});

describe('custom lesson page', () => {
  const sections = [
    { id: '00000000-0000-4000-8000-000000000001', heading: '御社の課題', markdown: '御社の課題を整理します。\n\n- 継続率\n- 単価\n\n```\ncode\n```', spoken: null },
    { id: '00000000-0000-4000-8000-000000000002', heading: '料金', markdown: '| 月額 | ¥5,000 |\n|---|---|', spoken: '月額は五千円です。\n年額ではお得です。' },
  ];
  const page = customLessonPage({ title: 'ご提案', sections, locale: 'ja', pronunciations: [{ term: '御社', reading: 'おんしゃ' }] });

  it('renders each section as an h2 with its anchor, then its sanitized text', () => {
    expect(page.html).toContain(`<h2 id="${sectionAnchor(sections[0]!.id)}">御社の課題</h2>`);
    expect(page.html).toContain('<li>継続率</li>');
    expect(page.toc.map((entry) => entry.heading)).toEqual(['御社の課題', '料金']);
  });

  it('numbers blocks by the rendered elements, reads the spoken version instead of the text, and applies overrides', () => {
    const byBlock = page.segments.map((segment) => [segment.blockId, segment.display, segment.spoken]);
    expect(byBlock).toEqual([
      ['title', 'ご提案', 'ご提案'],
      ['b0', '御社の課題', 'おんしゃの課題'],
      ['b1', '御社の課題を整理します。', 'おんしゃの課題を整理します。'],
      ['b2.0', '継続率', '継続率'],
      ['b2.1', '単価', '単価'],
      // b3 is the code block: counted, not read. b4 is the heading 料金, b5 its table (replaced by the spoken version).
      ['b4', '料金', '料金'],
      ['spoken-0', '月額は五千円です。', '月額は五千円です。'],
      ['spoken-1', '年額ではお得です。', '年額ではお得です。'],
    ]);
  });
});
