import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../../src/lib/course/schemas.ts';
import { narrationTargets, type RenderedElement } from '../../../src/lib/narration/blockIds.ts';
import { lessonScript } from '../../../src/lib/narration/script.ts';
import type { NarrationBlockKind } from '../../../src/lib/narration/types.ts';
import { readLessons } from '../content/helpers.ts';
import { renderedProse } from './renderedProse.ts';

const el = (tag: string, ...children: RenderedElement[]): RenderedElement => ({ tag, children });
const targetsOf = (prose: RenderedElement[]) => narrationTargets(prose).map(({ id, path }) => `${id}@${path.join('/')}`);

describe('narrationTargets, the id rule as the page walks it', () => {
  it.each([
    ['numbers the counted element children of .prose from 0', [el('h2'), el('p'), el('p')], ['b0@0', 'b1@1', 'b2@2']],
    [
      'numbers list items under their list, and nested items in one run per item',
      [el('p'), el('ul', el('li'), el('li', el('p'), el('ul', el('li'), el('li')), el('ol', el('li'))))],
      ['b0@0', 'b1@1', 'b1.0@1/0', 'b1.1@1/1', 'b1.1.0@1/1/1/0', 'b1.1.1@1/1/1/1', 'b1.1.2@1/1/2/0'],
    ],
    [
      'skips script, style and template elements (Astro island bootstrap)',
      [el('p'), el('script'), el('astro-island'), el('STYLE'), el('template'), el('ol', el('li'))],
      ['b0@0', 'b1@1', 'b2@2', 'b2.0@2/0'],
    ],
    ['counts what is shown but not read: tables, code, rules', [el('table'), el('pre'), el('hr'), el('h2')], ['b0@0', 'b1@1', 'b2@2', 'b3@3']],
    ['gives an empty .prose no ids', [], []],
  ])('%s', (_, prose, expected) => {
    expect(targetsOf(prose)).toEqual(expected);
  });
});

/** The tags a block of each kind may come from. */
const TAGS_BY_KIND: Partial<Record<NarrationBlockKind, readonly string[]>> = {
  heading: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  paragraph: ['p', 'blockquote', 'figure', 'div'],
  'list-item': ['li'],
  calculator: ['astro-island'],
};

/** Every body block must find, through the page's walk, an element of the kind it was read from. */
function expectBlocksToFindTheirElements(body: string, blocks: ReturnType<typeof lessonScript>) {
  const prose = renderedProse(body);
  const counted = (elements: readonly RenderedElement[]) => elements.filter((element) => element.tag !== 'script');
  const resolve = (path: readonly number[]) =>
    path.slice(1).reduce<RenderedElement | undefined>((element, i) => element && counted(element.children)[i], counted(prose)[path[0]!]);
  const targets = new Map(narrationTargets(prose).map((target) => [target.id, target.path]));
  const bodyBlocks = blocks.filter((block) => /^b\d/.test(block.id));
  expect(bodyBlocks.length).toBeGreaterThan(0);
  for (const block of bodyBlocks) {
    const path = targets.get(block.id);
    expect(path, `${block.id} has no element`).toBeDefined();
    expect(TAGS_BY_KIND[block.kind], block.id).toContain(resolve(path!)?.tag);
  }
}

describe('the build and the page agree on ids', () => {
  it('for the fixture that uses every construct', () => {
    const body = readFileSync(new URL('./fixtures/every-construct.mdx', import.meta.url), 'utf8');
    const blocks = lessonScript({
      title: 't', summary: 's', objectives: [], keyTerms: [], body, locale: 'ja',
      calculatorDescriptions: { ja: { ClvCalculator: '計算機です。' } },
    });
    expectBlocksToFindTheirElements(body, blocks);
  });

  it.each(readLessons().map((source) => [source.path, source] as const))('for %s', (_, source) => {
    const data = lessonSchema.parse(source.frontmatter);
    const names = [...source.body.matchAll(/<Calculator\s+name="(\w+)"/g)].map((match) => match[1]!);
    const descriptions = Object.fromEntries(names.map((name) => [name, 'A calculator.']));
    const blocks = lessonScript({ ...data, body: source.body, locale: source.locale, calculatorDescriptions: { [source.locale]: descriptions } });
    expectBlocksToFindTheirElements(source.body, blocks);
  });
});
