import { locateSentences, wordAt, type TextSpan } from '../../../lib/narration/browser/textRange.ts';
import type { NarrationSegment } from '../../../lib/narration/types.ts';

export const CURRENT_CLASS = 'narration-current';

/** CSS Custom Highlight API, where the browser has it (no DOM changes to the lesson text). */
interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}
const registry = (): { highlights: HighlightRegistry; Highlight: new (...ranges: Range[]) => unknown } | undefined => {
  const css = globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined;
  const Highlight = (globalThis as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : undefined;
};

/**
 * Shows which sentence is being said: the block's element gets a class (always works, needs no
 * boundary events), the sentence inside it a highlight where the browser supports it, and the
 * word a second highlight where the engine reports word boundaries.
 */
export function createHighlighter(elements: ReadonlyMap<string, HTMLElement>, segments: readonly NarrationSegment[]) {
  let current: HTMLElement | undefined;
  const spans = new Map<string, { nodes: Text[]; starts: number[]; sentences: (TextSpan | undefined)[] }>();

  /** The block's visible text nodes (not the key-term tooltips), and where each sentence is in them. */
  function textOf(blockId: string, element: HTMLElement) {
    let cached = spans.get(blockId);
    if (cached) return cached;
    const nodes: Text[] = [];
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('[data-narration="skip"], script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const starts: number[] = [];
    let text = '';
    for (const node of nodes) {
      starts.push(text.length);
      text += node.data;
    }
    const pieces = segments.filter((segment) => segment.blockId === blockId).map((segment) => segment.display);
    cached = { nodes, starts, sentences: locateSentences(text, pieces) };
    spans.set(blockId, cached);
    return cached;
  }

  function rangeOf(text: { nodes: Text[]; starts: number[] }, span: TextSpan): Range | undefined {
    const at = (offset: number, isEnd: boolean) => {
      for (let i = text.nodes.length - 1; i >= 0; i--) {
        const start = text.starts[i]!;
        if (offset > start || (offset === start && !isEnd)) return { node: text.nodes[i]!, offset: offset - start };
      }
      return undefined;
    };
    const from = at(span.start, false);
    const to = at(span.end, true);
    if (!from || !to) return undefined;
    const range = from.node.ownerDocument.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  function clearHighlights(): void {
    const api = registry();
    api?.highlights.delete('narration-sentence');
    api?.highlights.delete('narration-word');
  }

  return {
    /** Marks segment `index`; returns its element (to scroll to), if it has one. */
    show(index: number, word?: number): HTMLElement | undefined {
      const segment = segments[index];
      const element = segment && elements.get(segment.blockId);
      if (element !== current) {
        current?.classList.remove(CURRENT_CLASS);
        element?.classList.add(CURRENT_CLASS);
        current = element;
      }
      clearHighlights();
      const api = registry();
      if (!segment || !element || !api) return element;
      const text = textOf(segment.blockId, element);
      const ordinal = segments.slice(0, index).filter((other) => other.blockId === segment.blockId).length;
      const sentence = text.sentences[ordinal];
      const sentenceRange = sentence && rangeOf(text, sentence);
      if (sentenceRange) api.highlights.set('narration-sentence', new api.Highlight(sentenceRange));
      // Boundaries index the spoken text; only where it is the text shown do they point at a word.
      if (sentence && word !== undefined && segment.spoken === segment.display) {
        const span = wordAt(segment.display, word);
        const wordRange = span && rangeOf(text, { start: sentence.start + span.start, end: sentence.start + span.end });
        if (wordRange) api.highlights.set('narration-word', new api.Highlight(wordRange));
      }
      return element;
    },
    clear(): void {
      current?.classList.remove(CURRENT_CLASS);
      current = undefined;
      clearHighlights();
    },
  };
}
