import type { Nodes } from 'mdast';

/**
 * The two author components that separate what is heard from what is seen:
 * `<Spoken>` is read aloud but renders nothing; `<VisualOnly>` is shown but never read.
 */
export const SPOKEN_COMPONENT = 'Spoken';
export const VISUAL_ONLY_COMPONENT = 'VisualOnly';

/**
 * The words a listener should hear for a piece of MDX: emphasis and links become their plain
 * text, inline code is read as written, and everything that has no voice (images, footnote
 * marks, `{expressions}` and `{/* comments *\/}`, `<VisualOnly>`) is dropped. Block children
 * (a `<Spoken>` holding paragraphs, a blockquote) are joined as separate lines.
 */
export function spokenText(nodes: readonly Nodes[]): string {
  return normalizeSpacing(nodes.map(rawSpokenText).join(''));
}

function rawSpokenText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'mdxJsxTextElement':
    case 'mdxJsxFlowElement':
      if (node.name === VISUAL_ONLY_COMPONENT) return '';
      return joinChildren(node.children as Nodes[], node.type === 'mdxJsxFlowElement');
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      return joinChildren(node.children, false) + '\n';
    // Not voiced: pictures, code blocks, raw HTML, math, footnote marks, ESM and expressions.
    case 'image':
    case 'imageReference':
    case 'code':
    case 'html':
    case 'footnoteReference':
    case 'footnoteDefinition':
    case 'definition':
    case 'mdxTextExpression':
    case 'mdxFlowExpression':
    case 'mdxjsEsm':
    case 'yaml':
      return '';
    default:
      return 'children' in node ? joinChildren(node.children as Nodes[], true) : '';
  }
}

function joinChildren(children: readonly Nodes[], asLines: boolean): string {
  return children.map(rawSpokenText).join(asLines ? '\n' : '');
}

/**
 * Letters of scripts written without spaces: a line break between two of them is no pause
 * and no space (「…です。\n次に…」 reads as one run), while between Latin words it is a space.
 * Spaces the author typed stay.
 */
const UNSPACED = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u30fc]`;
const LINE_BREAK_BETWEEN_UNSPACED = new RegExp(String.raw`(?<=${UNSPACED})[^\S\n]*\n\s*(?=${UNSPACED})`, 'gu');

/** Collapses whitespace to single spaces, and drops line breaks between Japanese characters. */
export function normalizeSpacing(text: string): string {
  return text.replace(LINE_BREAK_BETWEEN_UNSPACED, '').replace(/\s+/g, ' ').trim();
}
