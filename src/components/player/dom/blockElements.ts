import { isCountedElement, narrationTargets, type RenderedElement } from '../../../lib/narration/blockIds.ts';

/**
 * The lesson page's elements by narration block id, found with the rule in blockIds.ts: the
 * counted children of `.prose`, list items by position, and the fixed parts around the body
 * (title, summary, objectives, glossary) as LessonView renders them.
 */
export function lessonBlockElements(lesson: ParentNode): Map<string, HTMLElement> {
  const elements = new Map<string, HTMLElement>();
  const add = (id: string, element: Element | null | undefined) => {
    if (element instanceof HTMLElement) elements.set(id, element);
  };
  add('title', lesson.querySelector('.lesson__header h1'));
  add('summary', lesson.querySelector('.lesson__summary'));
  add('objectives', lesson.querySelector('#objectives-title'));
  lesson.querySelectorAll('.objectives li').forEach((item, j) => add(`objectives.${j}`, item));
  add('key-terms', lesson.querySelector('#glossary-title'));
  lesson.querySelectorAll('.glossary dt').forEach((term, j) => add(`key-terms.${j}`, term));

  const prose = lesson.querySelector('.prose');
  if (!prose) return elements;
  const children = [...prose.children];
  for (const { id, path } of narrationTargets(children.map(rendered))) add(id, resolve(children, path));
  return elements;
}

/** Only lists and their items matter to the rule, so only they are walked. */
function rendered(element: Element): RenderedElement {
  const tag = element.tagName.toLowerCase();
  const walk = tag === 'ul' || tag === 'ol' || tag === 'li';
  return { tag, children: walk ? [...element.children].map(rendered) : [] };
}

function resolve(top: readonly Element[], path: readonly number[]): Element | undefined {
  let level: readonly Element[] = top;
  let found: Element | undefined;
  for (const position of path) {
    found = level.filter((element) => isCountedElement(element.tagName))[position];
    if (!found) return undefined;
    level = [...found.children];
  }
  return found;
}
