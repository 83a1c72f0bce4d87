import type { ElementContent, Text } from 'hast';
import { numberUnitRanges } from './numberUnits.ts';

/** Elements whose text is left as written: code, and what is not prose. */
const SKIP = new Set(['code', 'pre', 'script', 'style', 'svg', 'math', 'textarea']);

/** A text node cut so that each number with its unit is a `<span class="num">` of its own. */
export function splitNumberRuns(node: Text): ElementContent[] {
  const ranges = numberUnitRanges(node.value);
  if (ranges.length === 0) return [node];
  const parts: ElementContent[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start > at) parts.push({ type: 'text', value: node.value.slice(at, start) });
    parts.push({ type: 'element', tagName: 'span', properties: { className: ['num'] }, children: [{ type: 'text', value: node.value.slice(start, end) }] });
    at = end;
  }
  if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
  return parts;
}

interface Context {
  parent(node: unknown): { type: string; tagName?: string } | undefined;
  replaceNode(node: unknown, parts: ElementContent[]): void;
}

/**
 * A hast plugin of Astro's Markdown processor (Sätteri) for lesson prose: each number with its
 * unit (「2万5,000円」, "5 years") goes in a `<span class="num">` that CSS keeps on one line. The
 * text itself is unchanged, so narration, search and copying read exactly what was written.
 */
export const keepNumbersTogether = {
  name: 'keep-numbers-together',
  text(node: Text, ctx: Context): void {
    for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent)) {
      if (parent.tagName && SKIP.has(parent.tagName)) return;
    }
    const parts = splitNumberRuns(node);
    if (parts.length > 1) ctx.replaceNode(node, parts);
  },
};
