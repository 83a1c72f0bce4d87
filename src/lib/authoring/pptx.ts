/**
 * PowerPoint (.pptx) → one lesson whose sections are the slides, in the deck's order (the order of
 * `p:sldIdLst` in presentation.xml, not the file names). A slide gives its title as the heading,
 * its other text as the section's Markdown (bullets keep their level), and its speaker notes as
 * the spoken version. Slides with no text and no notes, and hidden slides, are skipped.
 * A small reader over the slide XML: a full parser (officeparser) would add about 110 MB of
 * PDF/OCR dependencies for the few elements read here.
 */
import { checkedModule, escapeMarkdown } from './markdown.ts';
import { attribute, decodeXml, openOfficeZip, relationships, resolvePartPath, ZipTooLarge, zipTooLarge, type OfficeZip } from './officeZip.ts';
import { AUTHORING_LIMITS, type ImportedModule, type SectionContent } from './schema.ts';
import { importFailure, type ImportResult } from './result.ts';
import type { Locale } from '../i18n/locales.ts';

const SLIDE_REL = /\/relationships\/slide$/;
const NOTES_REL = /\/relationships\/notesSlide$/;
const TITLE_TYPES = new Set(['title', 'ctrTitle']);
/** Placeholders that repeat on every slide and say nothing about it. */
const CHROME_TYPES = new Set(['sldNum', 'dt', 'ftr', 'hdr', 'sldImg']);

interface Paragraph {
  text: string;
  level: number;
}

/** The text of one `<a:p>`: its runs and fields, `<a:br/>` as a line break. */
function paragraphText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<a:t>([^<]*)<\/a:t>|<a:t\/>|<a:br\b[^>]*\/>/g)) {
    text += match[0].startsWith('<a:br') ? '\n' : decodeXml(match[1] ?? '');
  }
  return text.replace(/[\t\u000B]/g, ' ').trim();
}

function paragraphsOf(xml: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const match of xml.matchAll(/<a:p(?:\s[^>]*)?>([\s\S]*?)<\/a:p>/g)) {
    const body = match[1] ?? '';
    const text = paragraphText(body);
    const level = Number(attribute(/<a:pPr\b[^>]*>/.exec(body)?.[0] ?? '', 'lvl') ?? 0);
    if (text) paragraphs.push({ text, level: Number.isFinite(level) ? Math.min(level, 8) : 0 });
  }
  return paragraphs;
}

/** The shapes of a slide with their placeholder type ('' for a plain text box or table). */
function shapesOf(xml: string): { placeholder: string | null; xml: string }[] {
  const shapes: { placeholder: string | null; xml: string }[] = [];
  for (const match of xml.matchAll(/<p:(sp|graphicFrame)\b[\s\S]*?<\/p:\1>/g)) {
    const ph = /<p:ph\b[^>]*>/.exec(match[0])?.[0];
    shapes.push({ placeholder: ph === undefined ? null : (attribute(ph, 'type') ?? 'body'), xml: match[0] });
  }
  return shapes;
}

export interface Slide {
  title: string;
  body: Paragraph[];
  notes: string;
}

export function readSlide(slideXml: string, notesXml: string | null): Slide | null {
  if (/<p:sld\b[^>]*\sshow="(?:0|false)"/.test(slideXml)) return null;
  const titles: string[] = [];
  const body: Paragraph[] = [];
  for (const shape of shapesOf(slideXml)) {
    if (shape.placeholder && CHROME_TYPES.has(shape.placeholder)) continue;
    const paragraphs = paragraphsOf(shape.xml);
    if (shape.placeholder && TITLE_TYPES.has(shape.placeholder)) titles.push(...paragraphs.map((p) => p.text.replace(/\n/g, ' ')));
    else body.push(...paragraphs);
  }
  const notesShapes = notesXml ? shapesOf(notesXml).filter((shape) => shape.placeholder === 'body') : [];
  const notes = notesShapes.flatMap((shape) => paragraphsOf(shape.xml).map((p) => p.text)).join('\n');
  return { title: titles.join(' '), body, notes };
}

/** A slide's body as Markdown: one paragraph alone, several as a (nested) bullet list. */
export function slideMarkdown(body: readonly Paragraph[]): string {
  const line = (text: string) => escapeMarkdown(text).replace(/\n/g, '  \n');
  if (body.length === 1) return line(body[0]!.text);
  return body.map((p) => `${'  '.repeat(p.level)}- ${line(p.text).replace(/\n/g, `\n${'  '.repeat(p.level + 1)}`)}`).join('\n');
}

/** The slide parts in presentation order. */
async function slidePaths(zip: OfficeZip): Promise<string[] | null> {
  const presentation = await zip.text('ppt/presentation.xml');
  const rels = await zip.text('ppt/_rels/presentation.xml.rels');
  if (presentation === null || rels === null) return null;
  const byId = relationships(rels);
  const list = /<p:sldIdLst>([\s\S]*?)<\/p:sldIdLst>/.exec(presentation)?.[1] ?? '';
  const paths: string[] = [];
  for (const match of list.matchAll(/<p:sldId\b[^>]*>/g)) {
    const rel = byId.get(attribute(match[0], 'r:id') ?? '');
    if (rel && SLIDE_REL.test(rel.type)) paths.push(resolvePartPath('ppt', rel.target));
  }
  return paths;
}

async function notesPath(zip: OfficeZip, slidePath: string): Promise<string | null> {
  const slash = slidePath.lastIndexOf('/');
  const rels = await zip.text(`${slidePath.slice(0, slash)}/_rels/${slidePath.slice(slash + 1)}.rels`);
  if (!rels) return null;
  const notes = [...relationships(rels).values()].find((rel) => NOTES_REL.test(rel.type));
  return notes ? resolvePartPath(slidePath.slice(0, slash), notes.target) : null;
}

/** The document title from docProps/core.xml, if the author set one. */
export async function documentTitle(zip: OfficeZip): Promise<string> {
  const core = await zip.text('docProps/core.xml');
  return decodeXml(/<dc:title>([^<]*)<\/dc:title>/.exec(core ?? '')?.[1] ?? '').trim();
}

export interface FileImportOptions {
  /** The title the trainer typed; else the document's own title, the first heading, or the file name. */
  title?: string;
  fileName: string;
  locale: Locale;
}

export async function importPptx(bytes: Uint8Array, options: FileImportOptions): Promise<ImportResult<ImportedModule>> {
  const opened = await openOfficeZip(bytes, 'PowerPoint (.pptx)');
  if (!opened.ok) return opened;
  const zip = opened.value;
  try {
    const paths = await slidePaths(zip);
    if (paths === null) return importFailure('not-a-pptx', 'the file is not a PowerPoint (.pptx) presentation (no ppt/presentation.xml)');
    if (paths.length === 0) return importFailure('empty', 'the presentation has no slides');
    if (paths.length > AUTHORING_LIMITS.maxSlides) return importFailure('too-many-slides', `${paths.length} slides: at most ${AUTHORING_LIMITS.maxSlides}`, { max: AUTHORING_LIMITS.maxSlides });
    const sections: SectionContent[] = [];
    for (const path of paths) {
      const slideXml = await zip.text(path);
      if (slideXml === null) return importFailure('corrupt', `the presentation lists ${path} but the file does not contain it`);
      const notes = await notesPath(zip, path);
      const slide = readSlide(slideXml, notes ? await zip.text(notes) : null);
      if (!slide || (!slide.title && slide.body.length === 0 && !slide.notes)) continue;
      sections.push({ heading: slide.title, markdown: slideMarkdown(slide.body), spoken: slide.notes || null });
    }
    if (sections.length === 0) return importFailure('empty', 'every slide is empty: no titles, text or notes to import');
    const title = options.title?.trim() || (await documentTitle(zip)) || sections.find((s) => s.heading)?.heading || baseName(options.fileName);
    return checkedModule(title, options.locale, [{ title, sections }]);
  } catch (error) {
    if (error instanceof ZipTooLarge) return zipTooLarge();
    return importFailure('corrupt', 'the presentation is damaged: a part could not be read');
  }
}

export function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').trim() || 'Untitled';
}
