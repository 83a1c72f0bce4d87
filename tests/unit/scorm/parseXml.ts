import { Window } from 'happy-dom';

/** Parses XML with happy-dom's DOMParser and fails loudly on any well-formedness error. */
export function parseXml(text: string): Document {
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(text, 'application/xml') as unknown as Document;
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

/** Child elements of `parent` with this exact (prefixed) tag name, in document order. */
export function children(parent: Element, name: string): Element[] {
  return [...parent.children].filter((child) => child.tagName === name);
}

/** The single child `name` of `parent`; throws naming the path when it is missing or repeated. */
export function only(parent: Element, name: string): Element {
  const found = children(parent, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${parent.tagName}>, found ${found.length}`);
  return found[0]!;
}
