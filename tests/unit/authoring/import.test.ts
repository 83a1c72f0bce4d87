import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/lib/authoring/importFile.ts';
import { importMarkdown } from '../../../src/lib/authoring/markdown.ts';
import { AUTHORING_LIMITS } from '../../../src/lib/authoring/schema.ts';
import { makeDocx, makePptx } from './officeFixtures.ts';

const ok = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error)}`);
  return result.value;
};

describe('Markdown import', () => {
  it('makes lessons of the shallowest heading level and sections of the next', () => {
    const module = ok(importMarkdown('# 製品A\n\n## 特長\n\n御社の課題を**解決**します。\n\n### 詳細\n\n- 一\n- 二\n\n# 価格\n\n## 料金表\n\n月額5,000円です。', { title: '研修', locale: 'ja' }));
    expect(module.lessons.map((lesson) => lesson.title)).toEqual(['製品A', '価格']);
    expect(module.lessons[0]!.sections).toEqual([{ heading: '特長', markdown: '御社の課題を**解決**します。\n\n### 詳細\n\n- 一\n- 二', spoken: null }]);
    expect(module.lessons[1]!.sections[0]!.markdown).toBe('月額5,000円です。');
  });

  it('with one heading level, makes sections of one lesson named after the module', () => {
    const module = ok(importMarkdown('Intro text.\n\n## One\n\nFirst.\n\n## Two\n\nSecond.', { title: 'Playbook', locale: 'en' }));
    expect(module.lessons).toHaveLength(1);
    expect(module.lessons[0]!.title).toBe('Playbook');
    expect(module.lessons[0]!.sections.map((s) => [s.heading, s.markdown])).toEqual([['', 'Intro text.'], ['One', 'First.'], ['Two', 'Second.']]);
  });

  it.each([
    ['empty', '   \n'],
  ])('refuses %s text', (code, text) => {
    const result = importMarkdown(text, { title: 't', locale: 'en' });
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it('refuses a section longer than the limit, naming it', () => {
    const result = importMarkdown(`## Long\n\n${'a'.repeat(AUTHORING_LIMITS.maxSectionChars + 1)}`, { title: 't', locale: 'en' });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'text-too-long', message: expect.stringContaining('"Long"') });
  });
});

describe('PPTX import', () => {
  it('keeps the deck order, titles, bullets with levels, notes as spoken text, and skips empty and hidden slides', async () => {
    const bytes = await makePptx(
      [
        { title: '御社向けご提案', bullets: ['LTVを高める三つの施策'], notes: '御社向けのご提案です。\n三つの施策をご紹介します。' },
        {},
        { title: '施策1 ― 継続率', bullets: ['解約理由を聞く', ['月次で確認', 1], 'A & B <比較>'] },
        { title: '隠しスライド', bullets: ['見せない'], hidden: true },
        { title: 'まとめ', notes: 'ご清聴ありがとうございました。' },
      ],
      { title: '提案資料' },
    );
    const module = ok(await importFile({ fileName: 'deck.pptx', bytes, locale: 'ja' }));
    expect(module.title).toBe('提案資料');
    const sections = module.lessons[0]!.sections;
    expect(sections.map((s) => s.heading)).toEqual(['御社向けご提案', '施策1 ― 継続率', 'まとめ']);
    expect(sections[0]).toEqual({ heading: '御社向けご提案', markdown: 'LTVを高める三つの施策', spoken: '御社向けのご提案です。\n三つの施策をご紹介します。' });
    expect(sections[1]!.markdown).toBe('- 解約理由を聞く\n  - 月次で確認\n- A & B \\<比較\\>');
    expect(sections[1]!.spoken).toBeNull();
    expect(sections[2]).toMatchObject({ markdown: '', spoken: 'ご清聴ありがとうございました。' });
  });

  it('names the module after the first slide title when the deck has no title', async () => {
    const module = ok(await importFile({ fileName: 'x.pptx', bytes: await makePptx([{ title: 'Pricing 2026', bullets: ['a'] }]), locale: 'en' }));
    expect(module.title).toBe('Pricing 2026');
  });

  const cases: [string, () => Promise<Uint8Array>, string][] = [
    ['an empty file', async () => new Uint8Array(), 'empty'],
    ['a text file renamed .pptx', async () => new TextEncoder().encode('hello'), 'not-a-zip'],
    ['a password-protected (OLE) file', async () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'encrypted'],
    ['a truncated ZIP', async () => (await makePptx([{ title: 'a' }])).slice(0, 60), 'corrupt'],
    ['a DOCX renamed .pptx', async () => makeDocx([{ text: 'x' }]), 'not-a-pptx'],
    ['a deck of empty slides', async () => makePptx([{}, {}]), 'empty'],
    ['a deck over the slide limit', async () => makePptx(Array.from({ length: AUTHORING_LIMITS.maxSlides + 1 }, () => ({ title: 's' }))), 'too-many-slides'],
    ['an empty ZIP', async () => new JSZip().generateAsync({ type: 'uint8array' }), 'empty'],
  ];
  it.each(cases)('refuses %s with a specific error', async (_name, make, code) => {
    const result = await importFile({ fileName: 'deck.pptx', bytes: await make(), locale: 'ja' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it('refuses a file over the upload limit before unzipping', async () => {
    const result = await importFile({ fileName: 'big.pptx', bytes: new Uint8Array(AUTHORING_LIMITS.maxUploadBytes + 1), locale: 'en' });
    expect(result.ok ? null : result.error.code).toBe('too-large');
  });

  it('refuses a zip bomb by the declared uncompressed size', async () => {
    const zip = new JSZip();
    zip.file('ppt/presentation.xml', 'a'.repeat(AUTHORING_LIMITS.maxUncompressedBytes + 10));
    zip.file('ppt/_rels/presentation.xml.rels', '<Relationships/>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const result = await importFile({ fileName: 'bomb.pptx', bytes, locale: 'en' });
    expect(result.ok ? null : result.error.code).toBe('too-large');
  }, 60_000);
});

describe('DOCX import', () => {
  it('turns Heading 1 into lessons and Heading 2 into sections, keeping Japanese and lists', async () => {
    const bytes = await makeDocx([
      { style: 'Title', text: '営業プレイブック' },
      { style: 'Heading1', text: '初回訪問' },
      { style: 'Heading2', text: '準備' },
      { text: '御社の状況を事前に調べます。' },
      { text: '業界ニュース', list: true },
      { text: '決算資料', list: true },
      { style: 'Heading1', text: '提案' },
      { style: 'Heading2', text: '価格の伝え方' },
      { text: '年額で伝えます。' },
    ]);
    const module = ok(await importFile({ fileName: 'playbook.docx', bytes, locale: 'ja' }));
    expect(module.title).toBe('営業プレイブック');
    expect(module.lessons.map((l) => l.title)).toEqual(['初回訪問', '提案']);
    expect(module.lessons[0]!.sections[0]).toEqual({ heading: '準備', markdown: '御社の状況を事前に調べます。\n\n- 業界ニュース\n- 決算資料', spoken: null });
  });

  it.each([
    ['an empty document', [] as { text: string }[], 'empty'],
  ])('refuses %s', async (_name, paragraphs, code) => {
    const result = await importFile({ fileName: 'a.docx', bytes: await makeDocx(paragraphs), locale: 'ja' });
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it('refuses a PPTX renamed .docx', async () => {
    const result = await importFile({ fileName: 'a.docx', bytes: await makePptx([{ title: 'x' }]), locale: 'ja' });
    expect(result.ok ? null : result.error.code).toBe('not-a-docx');
  });
});

describe('file types', () => {
  it.each([
    ['old.ppt', 'unsupported-type'],
    ['data.xlsx', 'unsupported-type'],
  ])('refuses %s', async (fileName, code) => {
    const result = await importFile({ fileName, bytes: new Uint8Array([1]), locale: 'ja' });
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it('reads a UTF-8 Markdown file with a BOM and CRLF line ends', async () => {
    const bytes = new TextEncoder().encode('\uFEFF## 概要\r\n\r\n本文です。\r\n');
    const module = ok(await importFile({ fileName: 'notes.md', bytes, locale: 'ja' }));
    expect(module.title).toBe('notes');
    expect(module.lessons[0]!.sections[0]).toMatchObject({ heading: '概要', markdown: '本文です。' });
  });

  it('refuses a Markdown file that is not UTF-8', async () => {
    const result = await importFile({ fileName: 'sjis.md', bytes: Uint8Array.from([0x82, 0xa0, 0xff]), locale: 'ja' });
    expect(result.ok ? null : result.error.code).toBe('invalid-content');
  });
});
