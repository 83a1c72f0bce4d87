/**
 * How a narration block finds the element it came from. One rule, used twice: the build
 * numbers the MDX it narrates (bodyBlocks.ts), the page walks its rendered `.prose` with
 * `narrationTargets`, and the two agree because they count the same things.
 *
 * The rule, for the lesson body (`.prose`):
 * - Count the ELEMENT children of `.prose` from 0, in document order. Text and comment nodes
 *   do not count, nor do elements that never render a box: `script`, `style`, `template`,
 *   `link`, `meta` (Astro puts island bootstrap scripts inline before the first island).
 * - `b{i}` is the i-th counted element: a heading, a paragraph, a blockquote, and also
 *   elements that are not read (a code block, a table, an `<hr>`, an image paragraph).
 * - In a list (`ul`/`ol`), `b{i}.{j}` is its j-th `<li>` (from 0); `b{i}.{j}.{k}` is the k-th
 *   `<li>` of the lists directly inside that item (counted across them, normally one list).
 * - MDX comments `{/* … *\/}`, other `{expressions}`, `import`/`export` lines and link or
 *   footnote definitions render no element and do not count. Footnotes render after
 *   everything else, so they never shift a number.
 * - `<Calculator name="X" />` renders exactly one element (its island) and counts once.
 *   `<VisualOnly>` must render exactly one wrapper element and counts once.
 *   Any other component counts once, and its text is read as one block `b{i}`.
 * - `<Spoken>` renders nothing and does not count. Its blocks get `spoken-{n}` ids (n from 0
 *   across the lesson): no element matches them, so nothing is highlighted while they play.
 *
 * Outside `.prose`, the lesson page's fixed parts: `title` (the h1), `summary`,
 * `objectives` (the objectives heading) and `objectives.{j}` (its j-th `<li>`), `key-terms`
 * (the glossary heading) and `key-terms.{j}` (its j-th `<dt>`).
 */

/** An element reduced to what the rule reads: its tag name and its element children. */
export interface RenderedElement {
  tag: string;
  children: readonly RenderedElement[];
}

/** A block id and where its element sits: indexes into counted element children, level by level. */
export interface NarrationTarget {
  id: string;
  path: readonly number[];
}

/** Elements that take part in the document but never render a box of their own. */
const NOT_COUNTED = new Set(['script', 'style', 'template', 'link', 'meta', 'noscript']);

/** True when the element takes a place in the numbering. */
export function isCountedElement(tag: string): boolean {
  return !NOT_COUNTED.has(tag.toLowerCase());
}

/**
 * Every id the rule gives to the rendered children of `.prose`, in document order, with the
 * path to its element. `path` indexes the COUNTED element children at each level, so the
 * page can resolve it with the same filter it used to build the tree.
 */
export function narrationTargets(prose: readonly RenderedElement[]): NarrationTarget[] {
  return counted(prose).flatMap((element, i) => {
    const id = bodyBlockId(i);
    const items = isList(element.tag) ? listItemTargets(element, id, [i], 0) : [];
    return [{ id, path: [i] }, ...items];
  });
}

/**
 * The items of one list, numbered from `firstNumber` under `parentId`; the items of the lists
 * nested in each item follow it, numbered in one run across those lists.
 */
function listItemTargets(
  list: RenderedElement,
  parentId: string,
  listPath: readonly number[],
  firstNumber: number,
): NarrationTarget[] {
  const targets: NarrationTarget[] = [];
  let number = firstNumber;
  counted(list.children).forEach((item, position) => {
    if (item.tag.toLowerCase() !== 'li') return;
    const id = listItemId(parentId, number++);
    const path = [...listPath, position];
    targets.push({ id, path });
    let nestedNumber = 0;
    counted(item.children).forEach((child, childPosition) => {
      if (!isList(child.tag)) return;
      targets.push(...listItemTargets(child, id, [...path, childPosition], nestedNumber));
      nestedNumber += counted(child.children).filter((nested) => nested.tag.toLowerCase() === 'li').length;
    });
  });
  return targets;
}

function counted(elements: readonly RenderedElement[]): RenderedElement[] {
  return elements.filter((element) => isCountedElement(element.tag));
}

function isList(tag: string): boolean {
  const lower = tag.toLowerCase();
  return lower === 'ul' || lower === 'ol';
}

/** `b{i}`: the i-th counted element child of `.prose`. */
export function bodyBlockId(index: number): string {
  return `b${index}`;
}

/** `{listId}.{j}`: the j-th item of a list (or of the lists nested in an item). */
export function listItemId(listId: string, itemIndex: number): string {
  return `${listId}.${itemIndex}`;
}

/** `spoken-{n}`: the n-th block that comes from a `<Spoken>` element; it has no element. */
export function spokenBlockId(index: number): string {
  return `spoken-${index}`;
}
