import type { Nodes as HastNodes } from 'hast';
import { mdxToHast } from 'satteri';
import type { RenderedElement } from '../../../src/lib/narration/blockIds.ts';

/**
 * The element tree `.prose` would hold for an MDX body, for tests: Sätteri renders the
 * Markdown as Astro does, and the components render as their contracts say: a Calculator is
 * one island, VisualOnly one wrapper, Spoken nothing; any other component one element. Astro's
 * island bootstrap `<script>` is placed before the first island, as on the real page.
 */
export function renderedProse(body: string): RenderedElement[] {
  const root = mdxToHast(body, { features: { gfm: true, smartPunctuation: true }, position: false });
  let scriptPlaced = false;
  const render = (node: HastNodes): RenderedElement[] => {
    switch (node.type) {
      case 'root':
        return node.children.flatMap(render);
      case 'element':
        return [{ tag: node.tagName, children: node.children.flatMap(render) }];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        if (node.name === 'Spoken') return [];
        const children = (node.children as HastNodes[]).flatMap(render);
        if (node.name === 'Calculator') {
          const island = { tag: 'astro-island', children: [] };
          if (scriptPlaced) return [island];
          scriptPlaced = true;
          return [{ tag: 'script', children: [] }, island];
        }
        return [{ tag: node.name === 'VisualOnly' ? 'div' : 'figure', children }];
      }
      default:
        return [];
    }
  };
  return render(root as HastNodes);
}
