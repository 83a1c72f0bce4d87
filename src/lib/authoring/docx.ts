/**
 * Word (.docx) → lessons and sections. mammoth reads the document (styles, numbering, tables);
 * its document tree is turned into Markdown (Heading n → `#` × n, numbered or bulleted paragraphs
 * → list items, the Title style → the module title), and the Markdown importer makes the
 * structure, so Word and Markdown follow one rule. Pictures become image lines after the text of
 * their paragraph (src/lib/authoring/images.ts); one larger than the limit is emptied from the
 * archive before mammoth reads it, so it is never inflated.
 */
import mammoth from 'mammoth';
import { escapeMarkdown, importMarkdown } from './markdown.ts';
import { ImageCollector, type ImportedFile } from './images.ts';
import { openOfficeZip, relationships, resolvePartPath, ZipTooLarge, zipTooLarge, type OfficeZip } from './officeZip.ts';
import { baseName, documentTitle, type FileImportOptions } from './pptx.ts';
import { AUTHORING_LIMITS } from './schema.ts';
import { importFailure, type ImportResult } from './result.ts';

/** The parts of mammoth's document tree read here (see mammoth/lib/documents.js). */
interface DocNode {
  type: string;
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level?: string | number; isOrdered?: boolean } | null;
  children?: DocNode[];
  /** An image's description (else its title), as mammoth reads it. */
  altText?: string;
  /** An image's bytes; rejects for a linked (external) picture, which mammoth never reads. */
  readAsArrayBuffer?: () => Promise<ArrayBuffer | Uint8Array>;
}

/** The pictures under a node, in document order. */
function imagesOf(node: DocNode): DocNode[] {
  return node.type === 'image' ? [node] : (node.children ?? []).flatMap(imagesOf);
}

function nodeText(node: DocNode): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'tab') return ' ';
  if (node.type === 'break') return '\n';
  if (node.type === 'noteReference' || node.type === 'commentReference') return '';
  return (node.children ?? []).map(nodeText).join('');
}

/** `Heading 2` / `heading 2` / `Heading2` → 2; the Title style → 0; else null. */
function headingLevel(paragraph: DocNode): number | null {
  const name = `${paragraph.styleName ?? ''} ${paragraph.styleId ?? ''}`;
  if (/\btitle\b/i.test(paragraph.styleName ?? '') || paragraph.styleId === 'Title') return 0;
  const match = /heading\s*([1-6])/i.exec(name);
  return match ? Number(match[1]) : null;
}

/** The document's paragraphs (tables' cells included) as Markdown lines, and its Title; each picture with a line follows its paragraph. */
export function documentMarkdown(document: DocNode, imageLines: ReadonlyMap<DocNode, string | null> = new Map()): { markdown: string; title: string } {
  const blocks: string[] = [];
  let title = '';
  const visit = (node: DocNode) => {
    if (node.type !== 'paragraph') {
      (node.children ?? []).forEach(visit);
      return;
    }
    const text = nodeText(node).replace(/\s*\n\s*/g, '\n').trim();
    const pictures = imagesOf(node).flatMap((image) => imageLines.get(image) ?? []);
    if (text) paragraphBlock(node, text);
    blocks.push(...pictures);
  };
  const paragraphBlock = (node: DocNode, text: string) => {
    const level = headingLevel(node);
    if (level === 0) title ||= text.replace(/\n/g, ' ');
    else if (level !== null) blocks.push(`${'#'.repeat(level)} ${escapeMarkdown(text.replace(/\n/g, ' '))}`);
    else if (node.numbering) {
      const depth = Number(node.numbering.level ?? 0) || 0;
      blocks.push(`${'  '.repeat(depth)}${node.numbering.isOrdered ? '1.' : '-'} ${escapeMarkdown(text).replace(/\n/g, '  \n')}`);
    } else blocks.push(escapeMarkdown(text).replace(/\n/g, '  \n'));
  };
  visit(document);
  // List items stay together (one list); other blocks are separate paragraphs.
  const markdown = blocks.reduce((all, block, i) => {
    if (i === 0) return block;
    const isItem = /^\s*(?:-|1\.) /.test(block);
    const previousIsItem = /^\s*(?:-|1\.) /.test(blocks[i - 1]!);
    return `${all}${isItem && previousIsItem ? '\n' : '\n\n'}${block}`;
  }, '');
  return { markdown, title };
}

/** Image parts the document links to that are over the size limit (by their declared size). */
async function oversizeImages(zip: OfficeZip): Promise<string[]> {
  const rels = relationships((await zip.text('word/_rels/document.xml.rels')) ?? '');
  const paths = [...rels.values()].filter((rel) => /\/image$/.test(rel.type)).map((rel) => resolvePartPath('word', rel.target));
  return paths.filter((path) => (zip.declaredSize(path) ?? 0) > AUTHORING_LIMITS.maxImageBytes);
}

/** Each picture's image line, or null when it is skipped (counted by the collector). */
async function pictureLines(tree: DocNode, emptied: boolean, images: ImageCollector): Promise<Map<DocNode, string | null>> {
  const lines = new Map<DocNode, string | null>();
  let inflated = 0;
  for (const node of imagesOf(tree)) {
    let bytes: Uint8Array | null = null;
    try {
      const data = await node.readAsArrayBuffer?.();
      if (data) bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    } catch {
      // A linked picture (mammoth reads no file outside the document) or a missing part.
    }
    inflated += bytes?.byteLength ?? 0;
    if (inflated > AUTHORING_LIMITS.maxUncompressedBytes) throw new ZipTooLarge();
    lines.set(node, emptied && bytes?.byteLength === 0 ? images.skip('too-large') : await images.add(bytes, node.altText ?? ''));
  }
  return lines;
}

export async function importDocx(bytes: Uint8Array, options: FileImportOptions): Promise<ImportResult<ImportedFile>> {
  const opened = await openOfficeZip(bytes, 'Word (.docx)');
  if (!opened.ok) return opened;
  const zip = opened.value;
  if (!zip.has('word/document.xml')) return importFailure('not-a-docx', 'the file is not a Word (.docx) document (no word/document.xml)');
  let tree: DocNode | undefined;
  let coreTitle = '';
  const images = new ImageCollector();
  let imageLines = new Map<DocNode, string | null>();
  try {
    // Measured through the size-checked reader first: mammoth inflates everything it reads.
    await zip.text('word/document.xml');
    coreTitle = await documentTitle(zip);
    // mammoth's Node build reads `buffer` (anything JSZip opens); its browser build `arrayBuffer`.
    const oversize = await oversizeImages(zip);
    const readable = oversize.length ? await zip.withEmptied(oversize) : bytes;
    const buffer = readable.buffer.slice(readable.byteOffset, readable.byteOffset + readable.byteLength) as ArrayBuffer;
    await mammoth.convertToHtml(
      { arrayBuffer: buffer, buffer: readable } as unknown as { arrayBuffer: ArrayBuffer },
      {
        // Keep the tree; the HTML mammoth then writes is not used.
        transformDocument: (document: DocNode) => {
          tree = document;
          return { ...document, children: [] };
        },
      },
    );
    if (tree) imageLines = await pictureLines(tree, oversize.length > 0, images);
  } catch (error) {
    if (error instanceof ZipTooLarge) return zipTooLarge();
    return importFailure('corrupt', 'the document is damaged: it could not be read as Word (.docx)');
  }
  if (!tree) return importFailure('corrupt', 'the document could not be read');
  const { markdown, title } = documentMarkdown(tree, imageLines);
  if (!markdown.trim()) return importFailure('empty', 'the document has no text');
  const result = importMarkdown(markdown, { title: options.title?.trim() || title || coreTitle || baseName(options.fileName), locale: options.locale });
  const media = images.media();
  return result.ok && media ? { ok: true, value: { ...result.value, media } } : result;
}
