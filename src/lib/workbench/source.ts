import {
  decodeCsvInput,
  DEFAULT_MAX_BYTES,
  detectDelimiter,
  readRecords,
  trimCell,
  type Delimiter,
  type DetectedEncoding,
} from '../clv/parse/index.ts';
import { suggestColumns, type ColumnSuggestion } from './columns.ts';

/**
 * The first look at a file, before anything is computed: what it is (CSV text, an Excel
 * workbook, something else), how it is encoded and separated, its first line and a few rows
 * for the mapping step, and a guess of the columns. Only the head of the file is decoded.
 */

/** Where the data came from, for messages and the file name of exports. */
export type SourceFormat = 'csv' | 'xlsx' | 'paste';

/** Why a file cannot be read at all; each has its own message. */
export type SourceFailure =
  | 'empty-file'
  | 'header-only'
  | 'too-large'
  | 'binary'
  | 'legacy-excel'
  | 'unreadable-xlsx';

export interface SourcePreview {
  name: string;
  format: SourceFormat;
  sizeBytes: number;
  encoding: DetectedEncoding | 'xlsx';
  /** Some bytes were not valid in the encoding used (mojibake is likely). */
  encodingSuspect: boolean;
  delimiter: Delimiter;
  /** The first non-blank line's cells: the header, or the first data row. */
  firstCells: string[];
  /** Up to PREVIEW_ROWS non-blank rows after the first line. */
  sampleRows: string[][];
  /** Lines up to and including the first non-blank one (leading blank lines count). */
  firstLineCount: number;
  suggestion: ColumnSuggestion;
}

export type InspectResult = { ok: true; preview: SourcePreview } | { ok: false; failure: SourceFailure };

/** Rows shown in the mapping step. */
export const PREVIEW_ROWS = 5;
/** Bytes decoded for the preview: enough for the header and many rows. */
export const HEAD_BYTES = 256 * 1024;

/** What kind of bytes these are, from their first bytes. */
export function sniffFormat(head: Uint8Array): 'xlsx' | 'legacy-excel' | 'binary' | 'text' {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx'; // a zip: PK\3\4
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'legacy-excel'; // OLE2 .xls
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  // Text never holds NUL bytes (except UTF-16, which has its BOM); images and PDFs do.
  if (!utf16 && head.subarray(0, 4096).includes(0)) return 'binary';
  return 'text';
}

/** The head of a byte file, cut after its last complete line (unless it is the whole file). */
export function headOf(bytes: Uint8Array, limit = HEAD_BYTES): Uint8Array {
  if (bytes.length <= limit) return bytes;
  const lastLineFeed = bytes.lastIndexOf(0x0a, limit - 1);
  return bytes.subarray(0, lastLineFeed > 0 ? lastLineFeed + 1 : limit);
}

/** Inspects a text file's bytes (its head is enough; `sizeBytes` is the whole file's size). */
export function inspectBytes(head: Uint8Array, sizeBytes: number, name: string, format: SourceFormat = 'csv'): InspectResult {
  if (sizeBytes > DEFAULT_MAX_BYTES) return { ok: false, failure: 'too-large' };
  if (sizeBytes === 0) return { ok: false, failure: 'empty-file' };
  const kind = sniffFormat(head);
  if (kind === 'binary' || kind === 'legacy-excel') return { ok: false, failure: kind };
  const decoded = decodeCsvInput(head);
  if (!decoded.ok) return { ok: false, failure: 'too-large' };
  const { text, encoding, hasReplacementChars } = decoded.text;
  return inspectText(text, { name, format, sizeBytes, encoding, encodingSuspect: hasReplacementChars, complete: head.length === sizeBytes });
}

/** Inspects decoded text (a paste, or a sheet turned into tab-separated text). */
export function inspectText(
  text: string,
  info: {
    name: string;
    format: SourceFormat;
    sizeBytes: number;
    encoding: SourcePreview['encoding'];
    encodingSuspect?: boolean;
    /** Whether `text` is the whole input (so "only a header" can be told). */
    complete: boolean;
  },
): InspectResult {
  const head = text.length > HEAD_BYTES ? text.slice(0, text.lastIndexOf('\n', HEAD_BYTES) + 1 || HEAD_BYTES) : text;
  const delimiter = detectDelimiter(head);
  const records: string[][] = [];
  let firstLineCount = 0;
  readRecords(
    onePiece(head),
    delimiter,
    (cells, recordIndex) => {
      if (records.length === 0) firstLineCount = recordIndex + 1;
      records.push(cells.map(trimCell));
      return records.length > PREVIEW_ROWS ? 'stop' : undefined;
    },
  );
  const [firstCells, ...sampleRows] = records;
  if (firstCells === undefined) return { ok: false, failure: 'empty-file' };
  const suggestion = suggestColumns(firstCells, sampleRows);
  if (sampleRows.length === 0 && suggestion.hasHeader && info.complete && head.length === text.length) {
    return { ok: false, failure: 'header-only' };
  }
  return {
    ok: true,
    preview: {
      name: info.name,
      format: info.format,
      sizeBytes: info.sizeBytes,
      encoding: info.encoding,
      encodingSuspect: info.encodingSuspect ?? false,
      delimiter,
      firstCells,
      sampleRows,
      firstLineCount,
      suggestion,
    },
  };
}

/** A piece source for readRecords that yields one text once. */
function onePiece(text: string): () => string | undefined {
  let done = false;
  return () => {
    if (done) return undefined;
    done = true;
    return text;
  };
}
