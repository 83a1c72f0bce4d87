/**
 * A tiny XML writer: enough for imsmanifest.xml and cmi5.xml, with escaping done in one place so
 * a lesson title like `A & B <C>` can never break the manifest an LMS parses.
 */

/** Text and attribute values: the five XML entities, and characters XML 1.0 forbids dropped. */
export function escapeXml(value: string): string {
  return value
    // XML 1.0 allows tab, LF and CR among the control characters; an LMS parser rejects the rest.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An element: its name (with prefix), attributes in writing order, and children or text. */
export interface XmlElement {
  name: string;
  attributes?: ReadonlyArray<readonly [string, string | number | undefined]>;
  children?: ReadonlyArray<XmlElement | string>;
}

export function el(name: string, attributes: XmlElement['attributes'] = [], children: XmlElement['children'] = []): XmlElement {
  return { name, attributes, children };
}

function writeElement(element: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes = (element.attributes ?? [])
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  const children = element.children ?? [];
  if (children.length === 0) return `${indent}<${element.name}${attributes}/>`;
  if (children.every((child) => typeof child === 'string')) {
    return `${indent}<${element.name}${attributes}>${children.map((text) => escapeXml(text as string)).join('')}</${element.name}>`;
  }
  const inner = children
    .map((child) => (typeof child === 'string' ? `${'  '.repeat(depth + 1)}${escapeXml(child)}` : writeElement(child, depth + 1)))
    .join('\n');
  return `${indent}<${element.name}${attributes}>\n${inner}\n${indent}</${element.name}>`;
}

/** The whole document, with the UTF-8 declaration LMS importers expect. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeElement(root, 0)}\n`;
}
