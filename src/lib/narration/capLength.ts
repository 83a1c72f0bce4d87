import { BRACKET_PAIRS } from './sentences.ts';

/**
 * Splits a sentence that would take longer than `maxMs` to say into parts that do not, at the
 * pauses a reader would take. Chrome drops utterances after about 15 seconds, and a shorter
 * utterance also makes pause, resume and skip land closer to where the listener was.
 *
 * `measureMs` estimates the speaking time of a part (of its spoken form, which can be longer
 * than the written one: LTV → エルティーブイ).
 */
export function splitToFit(sentence: string, maxMs: number, measureMs: (text: string) => number): string[] {
  const text = sentence.trim();
  if (text.length < 2 || measureMs(text) <= maxMs) return text === '' ? [] : [text];
  const at = bestSplit(text);
  // A number or word longer than the cap is said whole rather than cut.
  if (at === undefined) return [text];
  return [...splitToFit(text.slice(0, at), maxMs, measureMs), ...splitToFit(text.slice(at), maxMs, measureMs)];
}

/**
 * Where to cut, from best to worst: after punctuation outside brackets, at a space outside
 * brackets, the same inside brackets, then anywhere not inside a Latin word or a number. Within a
 * kind, the point nearest the middle, so the parts come out even; a kind whose every point
 * leaves a sliver (under a fifth of the text) gives way to the next.
 */
function bestSplit(text: string): number | undefined {
  const points = splitPoints(text);
  const middle = text.length / 2;
  const nearestMiddle = (candidates: readonly number[]) =>
    candidates.reduce((best, at) => (Math.abs(at - middle) < Math.abs(best - middle) ? at : best));
  for (let rank = 0; rank <= 4; rank++) {
    const ofRank = points.filter((point) => point.rank === rank).map((point) => point.at);
    if (ofRank.length === 0) continue;
    const best = nearestMiddle(ofRank);
    if (rank === 4 || (best >= text.length / 5 && best <= (text.length * 4) / 5)) return best;
  }
  const anywhere = points.map((point) => point.at);
  return anywhere.length > 0 ? nearestMiddle(anywhere) : undefined;
}

interface SplitPoint {
  /** Index the second part starts at. */
  at: number;
  /** 0 = punctuation, 1 = space, both outside brackets; 2, 3 = the same inside; 4 = between other characters. */
  rank: number;
}

/** Pauses a reader takes: 、，, ；; ：: and, in English, the em dash. */
const PAUSE = /[、，,；;：:—]/u;
/** Characters of Latin words and numbers, which are never cut: 1,000 / 7.5 / ¥5,000 / LTV's. */
const WORD = /[A-Za-z0-9０-９.,'’¥$%％]/u;

function splitPoints(text: string): SplitPoint[] {
  const opening = new Map(BRACKET_PAIRS.map(([open, close]) => [open, close]));
  const closing = new Set(BRACKET_PAIRS.map(([, close]) => close));
  const characters = Array.from(text);
  const points: SplitPoint[] = [];
  let depth = 0;
  let offset = 0;
  characters.forEach((character, i) => {
    const next = characters[i + 1];
    const previous = characters[i - 1];
    const at = offset + character.length;
    offset = at;
    if (opening.has(character)) depth++;
    else if (closing.has(character)) depth = Math.max(0, depth - 1);
    if (next === undefined) return;
    const inside = depth > 0 ? 2 : 0;
    const isDigitComma = character === ',' && /[0-9]/.test(previous ?? '') && /[0-9]/.test(next);
    if (PAUSE.test(character) && !isDigitComma) points.push({ at, rank: inside });
    else if (/\s/.test(character)) points.push({ at, rank: inside + 1 });
    else if (!(WORD.test(character) && WORD.test(next))) points.push({ at, rank: 4 });
  });
  return points;
}
