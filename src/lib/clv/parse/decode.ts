/**
 * Turning uploaded bytes into text. Japanese Excel saves CSV as Shift_JIS unless told otherwise
 * ("CSV UTF-8" adds a BOM); "Unicode text" is UTF-16 with a BOM. So: a BOM decides; without one,
 * strict UTF-8 is tried (Shift_JIS text with kana or kanji is almost never valid UTF-8), and
 * Shift_JIS is the fallback.
 *
 * Bytes are decoded in pieces of about 64 KB cut after a line feed (0x0A never occurs inside a
 * UTF-8 or Shift_JIS character), so a 60 MB file never exists as one 120 MB UTF-16 string,
 * pieces without Japanese stay compact one-byte strings in V8, and each piece is garbage as soon
 * as its lines are read (multi-megabyte strings would wait for a full GC: ~40 MB more peak RSS).
 */

/** What the caller may hand in: text already decoded, or the file's bytes. */
export type CsvInput = string | Uint8Array | ArrayBuffer;

/** The encoding the text was read with; `text` when a string was given. */
export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis' | 'utf-16le' | 'utf-16be' | 'text';

/** The default size limit: 100 MB, about 1.5 million typical rows. */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** Successive pieces of the text, each ending at a line break (but the last). */
export interface TextChunks {
  /** The next piece, or undefined at the end. */
  next(): string | undefined;
  /** The encoding used so far (final once every piece is read). */
  readonly encoding: DetectedEncoding;
  /** True once some bytes were not valid in the encoding (they become U+FFFD). */
  readonly hasReplacementChars: boolean;
}

/** The text (whole or in pieces), or the input was over the size limit (nothing was decoded). */
export type DecodeResult<Text> = { ok: true; text: Text } | { ok: false; reason: 'too-large'; size: number; maxBytes: number };

/** Decoding options. */
export interface DecodeOptions {
  /** Refuse larger input: bytes, or for a string its length in UTF-16 units. Default 100 MB. */
  maxBytes?: number;
  /** Approximate size of a piece. Default 64 KB. */
  chunkBytes?: number;
}

/** Decodes the whole input to one string (BOM removed) and says which encoding was used. */
export function decodeCsvInput(
  input: CsvInput,
  options: DecodeOptions = {},
): DecodeResult<{ text: string; encoding: DetectedEncoding; hasReplacementChars: boolean }> {
  const chunked = decodeCsvChunks(input, options);
  if (!chunked.ok) return chunked;
  const pieces: string[] = [];
  for (let piece = chunked.text.next(); piece !== undefined; piece = chunked.text.next()) pieces.push(piece);
  const { encoding, hasReplacementChars } = chunked.text;
  return { ok: true, text: { text: pieces.join(''), encoding, hasReplacementChars } };
}

/** Decodes the input lazily, piece by piece (see the module comment). */
export function decodeCsvChunks(
  input: CsvInput,
  { maxBytes = DEFAULT_MAX_BYTES, chunkBytes = 64 * 1024 }: DecodeOptions = {},
): DecodeResult<TextChunks> {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) return { ok: false, reason: 'too-large', size, maxBytes };
  if (typeof input === 'string') {
    let done = false;
    const next = (): string | undefined => {
      if (done) return undefined;
      done = true;
      return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    };
    return { ok: true, text: { next, encoding: 'text', hasReplacementChars: false } };
  }
  return { ok: true, text: byteChunks(input instanceof Uint8Array ? input : new Uint8Array(input), chunkBytes) };
}

function byteChunks(bytes: Uint8Array, chunkBytes: number): TextChunks {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  let encoding: DetectedEncoding = 'utf-8';
  let start = 0;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) [encoding, start] = ['utf-8-bom', 3];
  else if (b0 === 0xff && b1 === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (b0 === 0xfe && b1 === 0xff) [encoding, start] = ['utf-16be', 2];
  // UTF-16 has line feeds at odd offsets too; it is rare and small enough to decode whole.
  const pieceSize = encoding === 'utf-16le' || encoding === 'utf-16be' ? Number.POSITIVE_INFINITY : chunkBytes;
  let asciiSoFar = true;
  let hasReplacementChars = false;
  const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  const decodePiece = (piece: Uint8Array): string => {
    if (encoding === 'utf-8') {
      try {
        const text = strictUtf8.decode(piece);
        asciiSoFar &&= text.length === piece.length; // UTF-8 needs more bytes than units unless ASCII
        return text;
      } catch {
        // Everything before was ASCII, which Shift_JIS reads the same: switch for the rest.
        // After real UTF-8 text, this piece is just damaged: read it leniently and say so.
        if (asciiSoFar) encoding = 'shift_jis';
        else return lenient('utf-8', piece);
      }
    }
    return lenient(encoding === 'utf-8-bom' ? 'utf-8' : encoding, piece);
  };
  const lenient = (label: string, piece: Uint8Array): string => {
    const text = new TextDecoder(label, { ignoreBOM: true }).decode(piece);
    hasReplacementChars ||= text.includes('\uFFFD');
    return text;
  };

  return {
    next() {
      if (start >= bytes.length) return undefined;
      const end = pieceEnd(bytes, start, pieceSize);
      const text = decodePiece(bytes.subarray(start, end));
      start = end;
      return text;
    },
    get encoding() {
      return encoding;
    },
    get hasReplacementChars() {
      return hasReplacementChars;
    },
  };
}

/** Just after the last line feed before start + size, or the next one if a line is longer. */
function pieceEnd(bytes: Uint8Array, start: number, size: number): number {
  if (start + size >= bytes.length) return bytes.length;
  const limit = start + size;
  const before = bytes.lastIndexOf(0x0a, limit - 1);
  if (before >= start) return before + 1;
  const after = bytes.indexOf(0x0a, limit);
  return after < 0 ? bytes.length : after + 1;
}
