/**
 * Where a key term first appears in a lesson's text, so the page can explain it in place.
 * A glossary entry like `LTV（顧客生涯価値）` is usually written in the text as `LTV` or as
 * `顧客生涯価値`, so each term yields several candidates.
 */

/** The spellings a term may take in the text, longest first: the whole term, then its parts. */
export function termCandidates(term: string): string[] {
  const candidates = new Set<string>([term.trim()]);
  const match = /^(.+?)\s*[（(](.+?)[）)]\s*$/.exec(term.trim());
  if (match) {
    candidates.add(match[1]!.trim());
    candidates.add(match[2]!.trim());
  }
  return [...candidates].filter((candidate) => candidate.length >= 2).sort((a, b) => b.length - a.length);
}

export interface TermMatch {
  index: number;
  length: number;
}

/**
 * The earliest occurrence of any candidate in the text; at the same position the longest wins.
 * ASCII-only candidates match case-insensitively and only as whole words ("CAC" not in "CACHE").
 */
export function findTerm(text: string, candidates: readonly string[]): TermMatch | null {
  let best: TermMatch | null = null;
  for (const candidate of candidates) {
    const ascii = /^[\x20-\x7e]+$/.test(candidate);
    const pattern = ascii
      ? new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(candidate)}(?![A-Za-z0-9])`, 'i')
      : new RegExp(escapeRegExp(candidate));
    const found = pattern.exec(text);
    if (!found) continue;
    if (!best || found.index < best.index || (found.index === best.index && candidate.length > best.length)) {
      best = { index: found.index, length: found[0].length };
    }
  }
  return best;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
