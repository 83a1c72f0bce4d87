/**
 * Word (.docx) → lessons and sections. mammoth reads the document (styles, numbering, tables);
 * its document tree is turned into Markdown (Heading n → `#` × n, numbered or bulleted paragraphs
 * → list items, the Title style → the module title), and the Markdown importer makes the
 * structure, so Word and Markdown follow one rule. Images are left out.
 */
import mammoth from 'mammoth';
import { escapeMarkdown, importMarkdown } from './markdown.ts';
import { openOfficeZip, ZipTooLarge, zipTooLarge } from './officeZip.ts';
import { baseName, documentTitle, type FileImportOptions } from './pptx.ts';
import type { ImportedModule } from './schema.ts';
import { importFailure, type ImportResult } from './result.ts';

/** The parts of mammoth's document tree read here (see mammoth/lib/documents.js). */
interface DocNode {
  type: string;
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level?: string | number; isOrdered?: boolean } | null;
  children?: DocNode[];
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

/** The document's paragraphs (tables' cells included) as Markdown lines, and its Title. */
export function documentMarkdown(document: DocNode): { markdown: string; title: string } {
  const blocks: string[] = [];
  let title = '';
  const visit = (node: DocNode) => {
    if (node.type !== 'paragraph') {
      (node.children ?? []).forEach(visit);
      return;
    }
    const text = nodeText(node).replace(/\s*\n\s*/g, '\n').trim();
    if (!text) return;
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

export async function importDocx(bytes: Uint8Array, options: FileImportOptions): Promise<ImportResult<ImportedModule>> {
  const opened = await openOfficeZip(bytes, 'Word (.docx)');
  if (!opened.ok) return opened;
  const zip = opened.value;
  if (!zip.has('word/document.xml')) return importFailure('not-a-docx', 'the file is not a Word (.docx) document (no word/document.xml)');
  let tree: DocNode | undefined;
  let coreTitle = '';
  try {
    // Measured through the size-checked reader first: mammoth inflates everything it reads.
    await zip.text('word/document.xml');
    coreTitle = await documentTitle(zip);
    // mammoth's Node build reads `buffer` (anything JSZip opens); its browser build `arrayBuffer`.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await mammoth.convertToHtml(
      { arrayBuffer: buffer, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer },
      {
        // Keep the tree; the HTML mammoth then writes is not used.
        transformDocument: (document: DocNode) => {
          tree = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    if (error instanceof ZipTooLarge) return zipTooLarge();
    return importFailure('corrupt', 'the document is damaged: it could not be read as Word (.docx)');
  }
  if (!tree) return importFailure('corrupt', 'the document could not be read');
  const { markdown, title } = documentMarkdown(tree);
  if (!markdown.trim()) return importFailure('empty', 'the document has no text');
  return importMarkdown(markdown, { title: options.title?.trim() || title || coreTitle || baseName(options.fileName), locale: options.locale });
}
