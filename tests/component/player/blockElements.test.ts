import { describe, expect, it } from 'vitest';
import { lessonBlockElements } from '../../../src/components/player/dom/blockElements.ts';
import { bodyBlocks } from '../../../src/lib/narration/bodyBlocks.ts';

/** A lesson page as LessonView renders it, with an island script and a calculator in the body. */
const PAGE = `
<article class="lesson">
  <header class="lesson__header"><h1>Title</h1><p class="lesson__summary">Summary</p></header>
  <section class="objectives"><h2 id="objectives-title">Objectives</h2><ul><li>One</li><li>Two</li></ul></section>
  <div class="prose">
    <h2>Heading</h2>
    <p>First paragraph.</p>
    <script>/* island bootstrap */</script>
    <astro-island><section>calculator</section></astro-island>
    <ul><li>Item A</li><li><p>Item B</p><ul><li>Nested</li></ul></li></ul>
    <div class="visual-only"><table></table></div>
    <p>Last paragraph.</p>
  </div>
  <section class="glossary"><h2 id="glossary-title">Key terms</h2><dl><dt>LTV</dt><dd>…</dd></dl></section>
</article>`;

const BODY = `## Heading

First paragraph.

<Calculator name="ClvCalculator" />

- Item A
- Item B

  - Nested

<Spoken>Said, not shown.</Spoken>

<VisualOnly>

| a |
|---|

</VisualOnly>

Last paragraph.
`;

describe('lessonBlockElements', () => {
  it('finds the element of every block the script reads, by the shared rule', () => {
    document.body.innerHTML = PAGE;
    const elements = lessonBlockElements(document.querySelector('article')!);
    const text = (id: string) => elements.get(id)?.textContent?.trim();
    expect(text('title')).toBe('Title');
    expect(text('summary')).toBe('Summary');
    expect(text('objectives')).toBe('Objectives');
    expect(text('objectives.1')).toBe('Two');
    expect(text('key-terms')).toBe('Key terms');
    expect(text('key-terms.0')).toBe('LTV');
    const blocks = bodyBlocks(BODY, (name) => `The ${name}.`);
    const found = blocks.map((block) => [block.id, elements.get(block.id)?.tagName.toLowerCase() ?? null]);
    expect(found).toEqual([
      ['b0', 'h2'],
      ['b1', 'p'],
      ['b2', 'astro-island'],
      ['b3.0', 'li'],
      ['b3.1', 'li'],
      ['b3.1.0', 'li'],
      ['spoken-0', null],
      ['b5', 'p'],
    ]);
    expect(text('b5')).toBe('Last paragraph.');
    expect(text('b3.1.0')).toBe('Nested');
  });
});
