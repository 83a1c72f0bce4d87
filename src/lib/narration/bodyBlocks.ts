import type { List, Nodes, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'satteri';
import { mdxToMdast } from 'satteri';
import { bodyBlockId, listItemId, spokenBlockId } from './blockIds.ts';
import { spokenText, SPOKEN_COMPONENT, VISUAL_ONLY_COMPONENT } from './plainText.ts';
import type { NarrationBlock } from './types.ts';

/** The component that places a calculator: `<Calculator name="LeverSimulator" />`. */
export const CALCULATOR_COMPONENT = 'Calculator';

/**
 * Blocks of the lesson body, in reading order, with ids from the rule in blockIds.ts.
 * `describeCalculator(name)` gives what to say for a calculator, or nothing to skip it.
 *
 * The body is parsed by Sätteri, the parser Astro 7 renders MDX with, with the features the
 * site uses (GFM, smart punctuation), so the tree walked here is the tree that renders.
 */
export function bodyBlocks(body: string, describeCalculator: (name: string) => string | undefined): NarrationBlock[] {
  const root = parseLessonBody(body);
  const blocks: NarrationBlock[] = [];
  let elementIndex = 0;
  let spokenIndex = 0;
  const nextSpokenId = () => spokenBlockId(spokenIndex++);

  for (const node of root.children) {
    if (isSpoken(node)) {
      blocks.push(...spokenBlocks(node, nextSpokenId));
      continue;
    }
    if (!rendersElement(node)) continue;
    const id = bodyBlockId(elementIndex++);
    blocks.push(...blocksOf(node, id, describeCalculator));
  }
  return blocks.filter((block) => block.text !== '');
}

function parseLessonBody(body: string) {
  // MDX rejects HTML comments; lessons pasted from Markdown may still carry them, and they say
  // nothing, so they go before parsing.
  const withoutHtmlComments = body.replace(/<!--[\s\S]*?-->/g, '');
  try {
    return mdxToMdast(withoutHtmlComments, {
      features: { gfm: true, smartPunctuation: true, frontmatter: true },
      position: false,
    }) as { children: RootContent[] };
  } catch (error) {
    throw new Error(`narration: the lesson body is not valid MDX: ${(error as Error).message}`, { cause: error });
  }
}

/** Whether a top-level node becomes an element in `.prose` (and so takes a number). */
function rendersElement(node: RootContent): boolean {
  switch (node.type) {
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
    case 'toml':
      return false;
    case 'mdxJsxFlowElement':
      return node.name !== SPOKEN_COMPONENT;
    default:
      return true;
  }
}

function blocksOf(node: RootContent, id: string, describeCalculator: (name: string) => string | undefined): NarrationBlock[] {
  switch (node.type) {
    case 'heading':
      return [{ id, kind: 'heading', text: spokenText(node.children) }];
    case 'paragraph':
    case 'blockquote':
      return [{ id, kind: 'paragraph', text: spokenText([node]) }];
    case 'list':
      return listBlocks(node, id);
    case 'mdxJsxFlowElement': {
      if (node.name === VISUAL_ONLY_COMPONENT) return [];
      if (node.name === CALCULATOR_COMPONENT) {
        const name = stringAttribute(node, 'name');
        const description = name === undefined ? undefined : describeCalculator(name);
        return description ? [{ id, kind: 'calculator', text: spokenText([{ type: 'text', value: description }]) }] : [];
      }
      return [{ id, kind: 'paragraph', text: spokenText([node]) }];
    }
    // Code, tables, rules and math are shown, not read; they still hold their number.
    default:
      return [];
  }
}

/**
 * One block per item, numbered from `firstNumber` under `parentId`. An item's own text leaves
 * out its nested lists, whose items follow it, numbered in one run (see blockIds.ts).
 */
function listBlocks(list: List, parentId: string, firstNumber = 0): NarrationBlock[] {
  return list.children.flatMap((item, j) => {
    const id = listItemId(parentId, firstNumber + j);
    const blocks: NarrationBlock[] = [{ id, kind: 'list-item', text: spokenText(item.children.filter((child) => !isList(child))) }];
    let nestedNumber = 0;
    for (const nested of item.children.filter(isList)) {
      blocks.push(...listBlocks(nested, id, nestedNumber));
      nestedNumber += nested.children.length;
    }
    return blocks;
  });
}

function isList(node: Nodes): node is List {
  return node.type === 'list';
}

/**
 * A `<Spoken>` element: a single line is one block; paragraphs and list items inside it are
 * one block each. None has an element on the page, so all take `spoken-{n}` ids.
 */
function spokenBlocks(element: MdxJsxFlowElement, nextId: () => string): NarrationBlock[] {
  const children = element.children as Nodes[];
  const isFlow = children.some((child) => child.type === 'paragraph' || child.type === 'list' || child.type === 'heading');
  if (!isFlow) return [{ id: nextId(), kind: 'paragraph', text: spokenText(children) }];
  return children.flatMap((child): NarrationBlock[] => {
    if (child.type === 'list') return listItemsFlat(child).map((item) => ({ id: nextId(), kind: 'list-item', text: spokenText(item) }));
    return [{ id: nextId(), kind: child.type === 'heading' ? 'heading' : 'paragraph', text: spokenText([child]) }];
  });
}

function listItemsFlat(list: List): Nodes[][] {
  return list.children.flatMap((item) => [
    item.children.filter((child) => !isList(child)),
    ...item.children.filter(isList).flatMap(listItemsFlat),
  ]);
}

function isSpoken(node: RootContent): node is MdxJsxFlowElement {
  return node.type === 'mdxJsxFlowElement' && node.name === SPOKEN_COMPONENT;
}

function stringAttribute(element: MdxJsxFlowElement, name: string): string | undefined {
  for (const attribute of element.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === name && typeof attribute.value === 'string') {
      return attribute.value;
    }
  }
  return undefined;
}
