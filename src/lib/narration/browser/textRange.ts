/** A span of characters in a text: `text.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Where the sentences of one block sit in the text of its element, in order. Whitespace is
 * ignored on both sides: the script joins Japanese lines that the page still breaks, and
 * collapses runs of spaces. A sentence that cannot be found (it was reworded for listening,
 * or the element holds only part of it) has no span; the ones after it are still looked for.
 */
export function locateSentences(text: string, sentences: readonly string[]): (TextSpan | undefined)[] {
  const compact: string[] = [];
  const original: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    compact.push(text[i]!);
    original.push(i);
  }
  const haystack = compact.join('');
  let cursor = 0;
  return sentences.map((sentence) => {
    const needle = sentence.replace(/\s+/g, '');
    if (needle === '') return undefined;
    const at = haystack.indexOf(needle, cursor);
    if (at === -1) return undefined;
    cursor = at + needle.length;
    return { start: original[at]!, end: original[at + needle.length - 1]! + 1 };
  });
}

/** Characters that end a word for highlighting: spaces and punctuation of both languages. */
const WORD_END = /[\s、。，．,.!?！？「」『』（）()・:;：；"“”]/u;

/** Longest word highlighted in text without spaces, where only the start of a word is reported. */
const MAX_WORD = 12;

/**
 * The word that starts at `charIndex` in `sentence`, as speech engines report it (a boundary
 * event gives the start only, and Japanese has no spaces to find the end by).
 */
export function wordAt(sentence: string, charIndex: number): TextSpan | undefined {
  if (!Number.isInteger(charIndex) || charIndex < 0 || charIndex >= sentence.length) return undefined;
  let end = charIndex;
  while (end < sentence.length && end - charIndex < MAX_WORD && !WORD_END.test(sentence[end]!)) end++;
  return end > charIndex ? { start: charIndex, end } : undefined;
}
