import { describe, expect, it } from 'vitest';
import { CUSTOM_IMAGE_SRC, sniffImageType } from '../../../src/lib/authoring/images.ts';
import { importFile } from '../../../src/lib/authoring/importFile.ts';
import { AUTHORING_LIMITS } from '../../../src/lib/authoring/limits.ts';
import { markdownToSafeHtml } from '../../../src/lib/authoring/sanitize.ts';
import { makeDocx, makePptx, PNG_1X1, type DocParagraph, type PictureSpec } from './officeFixtures.ts';

/** The start of a JFIF file: enough for the type check. */
const JPEG_HEADER = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const imageLine = (alt: string) => new RegExp(`^!\\[${alt}\\]\\(/api/custom-images/(${ID})\\)$`);

async function importDeck(pictures: PictureSpec[], bullets = ['本文']) {
  const result = await importFile({ fileName: 'deck.pptx', bytes: await makePptx([{ title: '写真', bullets, pictures }]), locale: 'ja' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { markdown: result.value.lessons[0]!.sections[0]!.markdown, media: result.value.media };
}

describe('image type by magic bytes', () => {
  it.each([
    ['a PNG', PNG_1X1, 'image/png'],
    ['a JPEG', JPEG_HEADER, 'image/jpeg'],
    ['a GIF89a', new TextEncoder().encode('GIF89a\u0001\u0000'), 'image/gif'],
    ['a WebP', Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50]), 'image/webp'],
    ['an SVG', SVG, null],
    ['a RIFF that is not WebP (WAV)', Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x41, 0x56, 0x45]), null],
    ['HTML', new TextEncoder().encode('<html><script>'), null],
    ['nothing', new Uint8Array(), null],
  ])('%s → %s', (_name, bytes, type) => {
    expect(sniffImageType(bytes)).toBe(type);
  });
});

describe('PPTX pictures', () => {
  it('turns each kept picture into an image line where it stands, with its description as alt text', async () => {
    const { markdown, media } = await importDeck([
      { name: '図 1', descr: '継続率のグラフ', media: { file: 'image1.png', bytes: PNG_1X1 } },
      { name: '写真 2', media: { file: 'image2.jpeg', bytes: JPEG_HEADER } },
    ]);
    const lines = markdown.split('\n\n');
    expect(lines[0]).toBe('本文');
    const png = imageLine('継続率のグラフ').exec(lines[1]!)?.[1];
    const jpeg = imageLine('写真 2').exec(lines[2]!)?.[1];
    expect(png).toBeDefined();
    expect(jpeg).toBeDefined();
    expect(lines).toHaveLength(3);
    expect(media?.images.map((image) => [image.id, image.contentType, image.bytes.byteLength])).toEqual([
      [png, 'image/png', PNG_1X1.byteLength],
      [jpeg, 'image/jpeg', JPEG_HEADER.byteLength],
    ]);
    expect(media?.images[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(media?.skipped).toEqual({});
  });

  it('refuses an SVG (even named .png) and a picture whose rels point nowhere, and says why', async () => {
    const { markdown, media } = await importDeck([
      { descr: 'svg', media: { file: 'image1.svg', bytes: SVG } },
      { descr: 'disguised', media: { file: 'image2.png', bytes: SVG } },
      { descr: 'gone' },
      { descr: 'kept', media: { file: 'image3.png', bytes: PNG_1X1 } },
    ]);
    expect(markdown.split('\n\n')).toHaveLength(2);
    expect(markdown).not.toMatch(/svg|disguised|gone/);
    expect(media?.images).toHaveLength(1);
    expect(media?.skipped).toEqual({ 'unsupported-type': 2, missing: 1 });
  });

  it('stores identical pictures once and names them by the same id', async () => {
    const { markdown, media } = await importDeck([
      { descr: 'a', media: { file: 'image1.png', bytes: PNG_1X1 } },
      { descr: 'b', media: { file: 'image2.png', bytes: PNG_1X1 } },
    ]);
    const ids = markdown.split('\n\n').slice(1).map((line) => /\/api\/custom-images\/([^)]+)\)/.exec(line)?.[1]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(media?.images).toHaveLength(1);
  });

  it('skips a picture over the size limit before inflating it', async () => {
    const big = new Uint8Array(AUTHORING_LIMITS.maxImageBytes + 1);
    big.set(PNG_1X1);
    const { markdown, media } = await importDeck([{ descr: 'big', media: { file: 'big.png', bytes: big } }]);
    expect(markdown).toBe('本文');
    expect(media).toEqual({ images: [], skipped: { 'too-large': 1 } });
  });

  it(`keeps at most ${AUTHORING_LIMITS.maxImagesPerModule} distinct pictures and counts the rest`, async () => {
    const pictures = Array.from({ length: AUTHORING_LIMITS.maxImagesPerModule + 2 }, (_, n) => {
      const bytes = Uint8Array.from([...PNG_1X1, n]);
      return { descr: `p${n}`, media: { file: `image${n}.png`, bytes } };
    });
    const { markdown, media } = await importDeck(pictures);
    expect(media?.images).toHaveLength(AUTHORING_LIMITS.maxImagesPerModule);
    expect(media?.skipped).toEqual({ 'too-many': 2 });
    expect(markdown.match(/!\[/g)).toHaveLength(AUTHORING_LIMITS.maxImagesPerModule);
  });

  it('uses the shape name when there is no description, and escapes Markdown in alt text', async () => {
    const { markdown } = await importDeck([
      { name: 'Picture [3]', media: { file: 'image1.png', bytes: PNG_1X1 } },
      { media: { file: 'image2.png', bytes: Uint8Array.from([...PNG_1X1, 1]) } },
    ]);
    const lines = markdown.split('\n\n');
    expect(lines[1]).toMatch(imageLine('Picture \\\\\\[3\\\\\\]'));
    expect(lines[2]).toMatch(imageLine(''));
    expect(markdownToSafeHtml(markdown)).toContain('alt="Picture [3]"');
  });

  it('keeps a slide that holds only a picture, and a deck without pictures has no media', async () => {
    const result = await importFile({ fileName: 'd.pptx', bytes: await makePptx([{ pictures: [{ descr: '表紙', media: { file: 'i.png', bytes: PNG_1X1 } }] }, { title: 'テキストのみ', bullets: ['a'] }]), locale: 'ja' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.lessons[0]!.sections[0]!.markdown).toMatch(imageLine('表紙'));
    const plain = await importFile({ fileName: 'd.pptx', bytes: await makePptx([{ title: 'x', bullets: ['a'] }]), locale: 'ja' });
    expect(plain.ok && plain.value.media).toBeUndefined();
  });
});

describe('DOCX pictures', () => {
  async function importDoc(paragraphs: DocParagraph[]) {
    const result = await importFile({ fileName: 'doc.docx', bytes: await makeDocx(paragraphs), locale: 'ja' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return { markdown: result.value.lessons[0]!.sections[0]!.markdown, media: result.value.media };
  }

  it('puts each kept picture after the text of its paragraph, with its description as alt text', async () => {
    const { markdown, media } = await importDoc([
      { style: 'Heading1', text: '概要' },
      { text: '売上の推移です。', image: { descr: '売上グラフ', file: 'image1.png', bytes: PNG_1X1 } },
      { text: '', image: { descr: '写真', file: 'image2.jpeg', bytes: JPEG_HEADER } },
      { text: '以上です。' },
    ]);
    const lines = markdown.split('\n\n');
    expect(lines[0]).toBe('売上の推移です。');
    expect(lines[1]).toMatch(imageLine('売上グラフ'));
    expect(lines[2]).toMatch(imageLine('写真'));
    expect(lines[3]).toBe('以上です。');
    expect(media?.images.map((image) => image.contentType)).toEqual(['image/png', 'image/jpeg']);
  });

  it('refuses an SVG, never reads a linked picture, and skips one over the limit without inflating it', async () => {
    const big = new Uint8Array(AUTHORING_LIMITS.maxImageBytes + 1);
    big.set(PNG_1X1);
    const { markdown, media } = await importDoc([
      { text: '本文', image: { descr: 'svg', file: 'logo.svg', bytes: SVG } },
      { text: '次', image: { descr: 'linked', linked: 'file:///etc/hostname' } },
      { text: '大', image: { descr: 'big', file: 'big.png', bytes: big } },
    ]);
    expect(markdown).toBe('本文\n\n次\n\n大');
    expect(media).toEqual({ images: [], skipped: { 'unsupported-type': 1, missing: 1, 'too-large': 1 } });
  });
});

describe('sanitizer and images', () => {
  const id = '0b6f0c1e-4f6a-4c3e-9a0e-6c2f2a7d1e11';
  it('keeps an image of a stored picture, with its alt text', () => {
    expect(markdownToSafeHtml(`![売上の推移](/api/custom-images/${id})`)).toBe(`<p><img src="/api/custom-images/${id}" alt="売上の推移"></p>`);
    expect(CUSTOM_IMAGE_SRC.test(`/api/custom-images/${id}`)).toBe(true);
  });

  it.each([
    ['an http image', '![x](http://tracker.example/p.gif)'],
    ['an https image', '![x](https://tracker.example/p.gif)'],
    ['a data: image', '![x](data:image/png;base64,iVBORw0KGgo=)'],
    ['a javascript: image', '![x](javascript:alert(1))'],
    ['another path', `![x](/api/custom-audio/${id})`],
    ['a path that only starts like one', `![x](/api/custom-images/${id}/../../trainer)`],
    ['an id with a query', `![x](/api/custom-images/${id}?a=1)`],
    ['a protocol-relative URL', `![x](//evil.example/api/custom-images/${id})`],
    ['raw HTML with a handler', `<img src="/api/custom-images/${id}" onerror="alert(1)">`],
    ['a reference-style remote image', '![x][r]\n\n[r]: https://tracker.example/p.gif'],
  ])('removes %s', (_name, markdown) => {
    const html = markdownToSafeHtml(markdown);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/tracker|javascript|onerror|data:/i);
  });
});
