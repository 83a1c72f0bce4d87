/**
 * The byte range of a `Range` header (RFC 9110 §14): `<audio>` seeks with one, and Safari plays
 * nothing without a 206. One range only: a multi-range request, or one this does not parse, is
 * answered with the whole file (what §14.2 allows a server to do).
 */
export type RangeAnswer = { kind: 'whole' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/;

export function byteRange(header: string | null, size: number): RangeAnswer {
  const match = header ? SINGLE.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  const [first, last] = [match[1]!, match[2]!];
  if (first === '') {
    // `bytes=-n`: the last n bytes.
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? { kind: 'unsatisfiable' } : { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  return start >= size ? { kind: 'unsatisfiable' } : { kind: 'partial', start, end };
}
