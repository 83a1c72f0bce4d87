import type { Locale } from '../i18n/locales.ts';

/** Brackets whose content stays in one sentence, even when it holds a full stop. */
export const BRACKET_PAIRS: readonly (readonly [open: string, close: string])[] = [
  ['「', '」'],
  ['『', '』'],
  ['（', '）'],
  ['(', ')'],
  ['【', '】'],
  ['“', '”'],
];
const OPENING = BRACKET_PAIRS.map(([open]) => open).join('');
const CLOSING = BRACKET_PAIRS.map(([, close]) => close).join('');
const STRAY_OPENING = new RegExp(`[${escapeClass(OPENING)}]+\\s*$`, 'u');
const ENDS_WITH_CLOSING = new RegExp(`[${escapeClass(CLOSING)}]\\s*$`, 'u');

const segmenters = new Map<Locale, Intl.Segmenter>();

/**
 * Sentences of `text`, by `Intl.Segmenter`, with the fixes Japanese needs (ICU ends a sentence
 * at every 。, even inside 「…」) and a few English ones (ICU ends one after "Mr.").
 */
export function splitSentences(text: string, locale: Locale): string[] {
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' })));
  let pieces = Array.from(segmenter.segment(text), ({ segment }) => segment);
  if (locale === 'en') pieces = pieces.flatMap(splitBeforeNumber);
  pieces = moveStrayOpeners(pieces);
  pieces = mergeOpenBrackets(pieces, text);
  pieces = locale === 'ja' ? mergeWhile(pieces, continuesQuotation) : mergeWhile(pieces, endsWithAbbreviation);
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

/**
 * "Let us work it out. 11,500 minus 8,000…": ICU keeps a sentence going when the next starts
 * with a digit (it could be "p. 5"). After a full word and a full stop, a number starts anew.
 */
const FULL_STOP_BEFORE_NUMBER = /(?<=(?:\p{L}{2}|%)[.!?]["”’)]?)\s+(?=[0-9])/u;

function splitBeforeNumber(piece: string): string[] {
  const parts = piece.split(FULL_STOP_BEFORE_NUMBER);
  return parts.map((part, i) => (i < parts.length - 1 ? `${part} ` : part));
}

/** 「そうです。（」「注：…）」 → 「そうです。」「（注：…）」: an opening bracket belongs to what follows. */
function moveStrayOpeners(pieces: readonly string[]): string[] {
  const moved = [...pieces];
  for (let i = 0; i < moved.length - 1; i++) {
    const stray = STRAY_OPENING.exec(moved[i]!);
    if (!stray || moved[i]!.slice(0, stray.index).trim() === '') continue;
    moved[i] = moved[i]!.slice(0, stray.index);
    moved[i + 1] = stray[0].trimEnd() + moved[i + 1];
  }
  return moved;
}

/**
 * Joins pieces while a bracket is open, so 「売ったあとも。ずっと…」と話します。 stays one
 * sentence. Only pairs balanced in the whole text count (a lone 「 must not swallow the rest);
 * straight double quotes count when their number is even.
 */
function mergeOpenBrackets(pieces: readonly string[], whole: string): string[] {
  const pairs = BRACKET_PAIRS.filter(([open, close]) => count(whole, open) === count(whole, close));
  const straightQuotes = count(whole, '"') % 2 === 0;
  const depths = pairs.map(() => 0);
  let insideStraightQuote = false;
  const merged: string[] = [];
  let current = '';
  for (const piece of pieces) {
    current += piece;
    for (const character of piece) {
      pairs.forEach(([open, close], p) => {
        if (character === open) depths[p]!++;
        else if (character === close) depths[p] = Math.max(0, depths[p]! - 1);
      });
      if (straightQuotes && character === '"') insideStraightQuote = !insideStraightQuote;
    }
    if (!insideStraightQuote && depths.every((depth) => depth === 0)) {
      merged.push(current);
      current = '';
    }
  }
  if (current !== '') merged.push(current);
  return merged;
}

/** Joins a piece to the previous one while `belongsToPrevious(previous, next)` holds. */
function mergeWhile(pieces: readonly string[], belongsToPrevious: (previous: string, next: string) => boolean): string[] {
  const merged: string[] = [];
  for (const piece of pieces) {
    const last = merged.length - 1;
    if (last >= 0 && belongsToPrevious(merged[last]!, piece)) merged[last] += piece;
    else merged.push(piece);
  }
  return merged;
}

/**
 * 「…なった。」と話します。: ICU ends a sentence after 。」, but a quotative particle after
 * the closing bracket continues it. After ？ or ！ only と and って do (「なぜ？と思う」).
 * Words that merely start with と (ところが, とても…) begin a new sentence.
 */
function continuesQuotation(previous: string, next: string): boolean {
  const start = next.trimStart();
  const quotative = /^(?:って|と(?!ころ|ても|にかく|もかく|りあえず|はいえ|くに))/u.test(start);
  if (ENDS_WITH_CLOSING.test(previous)) return quotative || /^[はがをにのもで](?![ぁ-ゖ])/u.test(start);
  return /[？！?!]\s*$/u.test(previous) && quotative;
}

/** Titles and initials before a name: "Mr. Miyashita", "Dr. Kotler", "J. Smith", "e.g. Tokyo". */
const ABBREVIATION = /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Prof|St|vs|No|Fig|approx|e\.g|i\.e|(?:[A-Z]\.)*[A-Z])\.\s*$/u;

function endsWithAbbreviation(previous: string): boolean {
  return ABBREVIATION.test(previous);
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function escapeClass(characters: string): string {
  return characters.replace(/[\\\]^-]/g, '\\$&');
}
