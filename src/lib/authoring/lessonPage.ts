/**
 * A custom lesson as the lesson page shows and reads it: the sections' sanitized HTML in one
 * `.prose` (each section an `<h2>` then its text), and the narration blocks numbered by the rule
 * the player uses to find them on the page (src/lib/narration/blockIds.ts), computed from the very
 * tree that is rendered. A section with a spoken version has its heading read, then the spoken
 * version (blocks `spoken-n`, nothing highlighted) instead of its text.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Locale } from '../i18n/locales.ts';
import { isCountedElement, narrationTargets, spokenBlockId, type RenderedElement } from '../narration/blockIds.ts';
import { normalizeSpacing } from '../narration/plainText.ts';
import { segmentBlocks } from '../narration/segment.ts';
import type { NarrationBlock, NarrationSegment } from '../narration/types.ts';
import { CUSTOM_IMAGE_PREFIX } from './images.ts';
import { withPronunciations } from './pronunciation.ts';
import { sanitizedTree, treeHtml } from './sanitize.ts';
import type { Pronunciation, StoredSection } from './schema.ts';

export interface CustomLessonInput {
  title: string;
  sections: readonly StoredSection[];
  locale: Locale;
  pronunciations: readonly Pronunciation[];
  /**
   * Where a stored picture's image points instead of `/api/custom-images/<id>` (a file inside a
   * SCORM package); null removes the image. Without it, images keep the served path.
   */
  imageSrc?: (imageId: string) => string | null;
}

export interface CustomLessonPage {
  /** Sanitized HTML of the lesson body, for `.prose`. */
  html: string;
  segments: NarrationSegment[];
  /** Section anchors and headings, for a table of contents and question links. */
  toc: { id: string; heading: string }[];
}

import { sectionAnchor } from './ids.ts';

export { sectionAnchor };

const READ_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'li', 'dt', 'dd']);

function textOf(node: ElementContent | RootContent, skipLists = false): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'br') return '\n';
  if (skipLists && (node.tagName === 'ul' || node.tagName === 'ol')) return '';
  const block = ['p', 'li', 'blockquote', 'div'].includes(node.tagName);
  const inner = node.children.map((child) => textOf(child, skipLists)).join('');
  return block ? `${inner}\n` : inner;
}

const elementsOf = (nodes: readonly (ElementContent | RootContent)[]) => nodes.filter((node): node is Element => node.type === 'element');
const rendered = (element: Element): RenderedElement => ({ tag: element.tagName, children: elementsOf(element.children).map(rendered) });

function resolve(top: readonly Element[], path: readonly number[]): Element | undefined {
  let level: readonly Element[] = top;
  let found: Element | undefined;
  for (const position of path) {
    found = level.filter((element) => isCountedElement(element.tagName))[position];
    if (!found) return undefined;
    level = elementsOf(found.children);
  }
  return found;
}

/** Points every image at `imageSrc(id)`, or removes it (the sanitizer left only stored pictures' paths). */
function relocateImages(parent: HastRoot | Element, imageSrc: (imageId: string) => string | null): void {
  parent.children = parent.children.filter((child) => {
    if (child.type !== 'element') return true;
    if (child.tagName !== 'img') {
      relocateImages(child, imageSrc);
      return true;
    }
    const src = imageSrc(String(child.properties.src ?? '').slice(CUSTOM_IMAGE_PREFIX.length));
    if (src === null) return false;
    child.properties.src = src;
    return true;
  }) as typeof parent.children;
}

export function customLessonPage({ title, sections, locale, pronunciations, imageSrc }: CustomLessonInput): CustomLessonPage {
  const root: HastRoot = { type: 'root', children: [] };
  /** For each top-level element: the section it belongs to, and whether it is that section's heading. */
  const owners: { section: StoredSection; heading: boolean }[] = [];
  for (const section of sections) {
    if (section.heading) {
      root.children.push({ type: 'element', tagName: 'h2', properties: { id: sectionAnchor(section.id) }, children: [{ type: 'text', value: section.heading }] });
      owners.push({ section, heading: true });
    }
    for (const node of sanitizedTree(section.markdown).children) {
      if (node.type === 'doctype') continue;
      root.children.push(node);
      if (node.type === 'element') owners.push({ section, heading: false });
    }
  }
  if (imageSrc) relocateImages(root, imageSrc);
  const top = elementsOf(root.children);
  const blocks: NarrationBlock[] = [{ id: 'title', kind: 'title', text: title }];
  let spokenIndex = 0;
  const spokenDone = new Set<string>();
  const pushSpoken = (section: StoredSection) => {
    if (!section.spoken?.trim() || spokenDone.has(section.id)) return;
    spokenDone.add(section.id);
    for (const paragraph of section.spoken.split(/\n\s*\n|\n/)) blocks.push({ id: spokenBlockId(spokenIndex++), kind: 'paragraph', text: paragraph });
  };
  const targets = narrationTargets(top.map(rendered));
  for (const target of targets) {
    const owner = owners[target.path[0]!];
    const element = resolve(top, target.path);
    if (!owner || !element) continue;
    if (owner.heading) {
      blocks.push({ id: target.id, kind: 'heading', text: textOf(element) });
      pushSpoken(owner.section);
      continue;
    }
    if (owner.section.spoken?.trim()) {
      pushSpoken(owner.section);
      continue;
    }
    if (!READ_TAGS.has(element.tagName)) continue;
    const kind = element.tagName === 'li' ? 'list-item' : /^h[1-6]$/.test(element.tagName) ? 'heading' : 'paragraph';
    blocks.push({ id: target.id, kind, text: textOf(element, element.tagName === 'li') });
  }
  for (const section of sections) pushSpoken(section);
  const cleaned = blocks.map((block) => ({ ...block, text: normalizeSpacing(block.text) })).filter((block) => block.text !== '');
  return {
    html: treeHtml(root),
    segments: withPronunciations(segmentBlocks(cleaned, locale), pronunciations, locale),
    toc: sections.filter((section) => section.heading).map((section) => ({ id: sectionAnchor(section.id), heading: section.heading })),
  };
}
