/**
 * PowerPoint (.pptx) → one lesson whose sections are the slides, in the deck's order (the order of
 * `p:sldIdLst` in presentation.xml, not the file names). A slide gives its title as the heading,
 * its other text as the section's Markdown (bullets keep their level), and its speaker notes as
 * the spoken version. Pictures (PNG, JPEG, GIF, WebP) become image lines where they stand among the
 * slide's shapes (src/lib/authoring/images.ts). Slides with nothing to show or say, and hidden
 * slides, are skipped.
 * A small reader over the slide XML: a full parser (officeparser) would add about 110 MB of
 * PDF/OCR dependencies for the few elements read here.
 */
import { ImageCollector, type ImportedFile } from './images.ts';
import { checkedModule, escapeMarkdown } from './markdown.ts';
import { attribute, decodeXml, openOfficeZip, relationships, resolvePartPath, ZipTooLarge, zipTooLarge, type OfficeZip } from './officeZip.ts';
import { AUTHORING_LIMITS, type SectionContent } from './schema.ts';
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

/** A picture on a slide: its relationship id (to ppt/media/...) and its alt text. */
export interface SlidePicture {
  rId: string;
  alt: string;
}

interface Shape {
  /** The placeholder type, or null for a plain text box, table or picture. */
  placeholder: string | null;
  xml: string;
  picture: SlidePicture | null;
}

/** A picture's alt text: the description the author wrote, else the shape's name. */
function pictureOf(xml: string): SlidePicture | null {
  const rId = attribute(/<a:blip\b[^>]*>/.exec(xml)?.[0] ?? '', 'r:embed');
  if (!rId) return null;
  const cNvPr = /<p:cNvPr\b[^>]*>/.exec(xml)?.[0] ?? '';
  return { rId, alt: attribute(cNvPr, 'descr')?.trim() || attribute(cNvPr, 'name')?.trim() || '' };
}

/** The shapes of a slide in their order on it (pictures included). */
function shapesOf(xml: string): Shape[] {
  const shapes: Shape[] = [];
  for (const match of xml.matchAll(/<p:(sp|graphicFrame|pic)\b[\s\S]*?<\/p:\1>/g)) {
    const ph = /<p:ph\b[^>]*>/.exec(match[0])?.[0];
    const picture = match[1] === 'pic' ? pictureOf(match[0]) : null;
    shapes.push({ placeholder: ph === undefined || picture ? null : (attribute(ph, 'type') ?? 'body'), xml: match[0], picture });
  }
  return shapes;
}

/** What a slide's body holds, in order: paragraphs of text and pictures. */
export type SlideItem = Paragraph | { picture: SlidePicture };

export interface Slide {
  title: string;
  body: SlideItem[];
  notes: string;
}

export function readSlide(slideXml: string, notesXml: string | null): Slide | null {
  if (/<p:sld\b[^>]*\sshow="(?:0|false)"/.test(slideXml)) return null;
  const titles: string[] = [];
  const body: SlideItem[] = [];
  for (const shape of shapesOf(slideXml)) {
    if (shape.picture) {
      body.push({ picture: shape.picture });
      continue;
    }
    if (shape.placeholder && CHROME_TYPES.has(shape.placeholder)) continue;
    const paragraphs = paragraphsOf(shape.xml);
    if (shape.placeholder && TITLE_TYPES.has(shape.placeholder)) titles.push(...paragraphs.map((p) => p.text.replace(/\n/g, ' ')));
    else body.push(...paragraphs);
  }
  const notesShapes = notesXml ? shapesOf(notesXml).filter((shape) => shape.placeholder === 'body') : [];
  const notes = notesShapes.flatMap((shape) => paragraphsOf(shape.xml).map((p) => p.text)).join('\n');
  return { title: titles.join(' '), body, notes };
}

/** Paragraphs as Markdown: one paragraph alone, several as a (nested) bullet list. */
function textMarkdown(paragraphs: readonly Paragraph[]): string {
  const line = (text: string) => escapeMarkdown(text).replace(/\n/g, '  \n');
  if (paragraphs.length === 1) return line(paragraphs[0]!.text);
  return paragraphs.map((p) => `${'  '.repeat(p.level)}- ${line(p.text).replace(/\n/g, `\n${'  '.repeat(p.level + 1)}`)}`).join('\n');
}

/**
 * A slide's body as Markdown: runs of text as textMarkdown, each picture as its image line
 * (`pictureLines`; a picture without one was skipped).
 */
export function slideMarkdown(body: readonly SlideItem[], pictureLines: ReadonlyMap<SlidePicture, string | null> = new Map()): string {
  const blocks: string[] = [];
  let run: Paragraph[] = [];
  const flush = () => {
    if (run.length) blocks.push(textMarkdown(run));
    run = [];
  };
  for (const item of body) {
    if (!('picture' in item)) {
      run.push(item);
      continue;
    }
    flush();
    const line = pictureLines.get(item.picture);
    if (line) blocks.push(line);
  }
  flush();
  return blocks.join('\n\n');
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

/** A slide's relationships with their targets resolved to part paths. */
async function slideRelationships(zip: OfficeZip, slidePath: string): Promise<Map<string, { type: string; path: string }>> {
  const slash = slidePath.lastIndexOf('/');
  const rels = await zip.text(`${slidePath.slice(0, slash)}/_rels/${slidePath.slice(slash + 1)}.rels`);
  const resolved = new Map<string, { type: string; path: string }>();
  for (const [id, rel] of relationships(rels ?? '')) resolved.set(id, { type: rel.type, path: resolvePartPath(slidePath.slice(0, slash), rel.target) });
  return resolved;
}

/** Each picture's image line, or null when it is skipped (counted by the collector). */
async function pictureLines(zip: OfficeZip, slide: Slide, rels: Map<string, { path: string }>, images: ImageCollector): Promise<Map<SlidePicture, string | null>> {
  const lines = new Map<SlidePicture, string | null>();
  for (const item of slide.body) {
    if (!('picture' in item)) continue;
    const path = rels.get(item.picture.rId)?.path;
    const size = path === undefined ? null : zip.declaredSize(path);
    // Refused before it is inflated: a huge picture costs nothing.
    if (path === undefined || size === null) lines.set(item.picture, images.skip('missing'));
    else if (size > AUTHORING_LIMITS.maxImageBytes) lines.set(item.picture, images.skip('too-large'));
    else lines.set(item.picture, await images.add(await zip.bytes(path), item.picture.alt));
  }
  return lines;
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

export async function importPptx(bytes: Uint8Array, options: FileImportOptions): Promise<ImportResult<ImportedFile>> {
  const opened = await openOfficeZip(bytes, 'PowerPoint (.pptx)');
  if (!opened.ok) return opened;
  const zip = opened.value;
  try {
    const paths = await slidePaths(zip);
    if (paths === null) return importFailure('not-a-pptx', 'the file is not a PowerPoint (.pptx) presentation (no ppt/presentation.xml)');
    if (paths.length === 0) return importFailure('empty', 'the presentation has no slides');
    if (paths.length > AUTHORING_LIMITS.maxSlides) return importFailure('too-many-slides', `${paths.length} slides: at most ${AUTHORING_LIMITS.maxSlides}`, { max: AUTHORING_LIMITS.maxSlides });
    const sections: SectionContent[] = [];
    const images = new ImageCollector();
    for (const path of paths) {
      const slideXml = await zip.text(path);
      if (slideXml === null) return importFailure('corrupt', `the presentation lists ${path} but the file does not contain it`);
      const rels = await slideRelationships(zip, path);
      const notes = [...rels.values()].find((rel) => NOTES_REL.test(rel.type))?.path;
      const slide = readSlide(slideXml, notes ? await zip.text(notes) : null);
      if (!slide) continue;
      const markdown = slideMarkdown(slide.body, await pictureLines(zip, slide, rels, images));
      if (!slide.title && !markdown && !slide.notes) continue;
      sections.push({ heading: slide.title, markdown, spoken: slide.notes || null });
    }
    if (sections.length === 0) return importFailure('empty', 'every slide is empty: no titles, text or notes to import');
    const title = options.title?.trim() || (await documentTitle(zip)) || sections.find((s) => s.heading)?.heading || baseName(options.fileName);
    const checked = checkedModule(title, options.locale, [{ title, sections }]);
    const media = images.media();
    return checked.ok && media ? { ok: true, value: { ...checked.value, media } } : checked;
  } catch (error) {
    if (error instanceof ZipTooLarge) return zipTooLarge();
    return importFailure('corrupt', 'the presentation is damaged: a part could not be read');
  }
}

export function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').trim() || 'Untitled';
}
