import {
  decodeCsvInput,
  FIELD_LABELS,
  FIELD_NAMES,
  parseTransactionsCsv,
  type Delimiter,
  type DetectedEncoding,
  type IssueCode,
  type ParseLocale,
} from '../clv/parse/index.ts';
import type { IsoDate, TransactionRow } from '../clv/types.ts';
import { columnLetter, type FieldColumns } from './columns.ts';
import { createProblemCollector, relocateIssue, type ProblemCollector } from './problems.ts';

/**
 * Reading a whole file in batches of a few megabytes, so that the worker can report progress
 * (rows read) between batches and a 60 MB file never becomes one 120 MB string. Each batch is
 * cut after a line feed (outside quotes) and parsed by the core with the same header line in
 * front, so every batch sees the same columns; issues are moved to the file's row numbers.
 * Batches decode on their own: a batch of plain ASCII reads the same in UTF-8 and Shift_JIS, and
 * the core switches to Shift_JIS as soon as a batch is not valid UTF-8, as it does for a file.
 */

export interface BatchOptions {
  locale: ParseLocale;
  columns: FieldColumns;
  hasHeader: boolean;
  delimiter: Delimiter;
  /** The first non-blank line's cells (the header, or the first data row). */
  firstCells: readonly string[];
  /** Lines up to and including the first non-blank line (from the preview). */
  firstLineCount: number;
  /** Rows dated after this day are left out with a warning (today: a future date is a typo). */
  observationEnd: IsoDate;
  /** Problems kept for the list (counts stay exact). Default MAX_LISTED_PROBLEMS. */
  maxListedProblems?: number;
  /** Approximate size of a batch. Default 4 MB. */
  batchSize?: number;
  onProgress?: (progress: { rowsRead: number; bytesRead: number; totalBytes: number }) => void;
}

export interface BatchResult {
  rows: TransactionRow[];
  problems: ProblemCollector;
  /** Data rows read (blank lines not counted). */
  rowsRead: number;
  encoding: DetectedEncoding;
  encodingSuspect: boolean;
}

/** Issue codes the workbench reports as warnings (the row is used, or left out on purpose). */
const WARNING_CODES = new Set<IssueCode>(['after-observation-end', 'negative-amount', 'encoding-suspect']);
/** Whole-batch conditions that the caller judges for the whole file instead. */
const PER_FILE_CODES = new Set<IssueCode>(['header-only', 'empty-file', 'encoding-suspect']);

const DEFAULT_BATCH_SIZE = 4 * 1024 * 1024;

/** Parses the input (bytes of a CSV file, or text) in batches; see the module comment. */
export function readInBatches(input: Uint8Array | string, options: BatchOptions): BatchResult {
  const { locale } = options;
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const header = placeholderHeader(headerWidth(options.firstCells, options.columns), options.delimiter);
  const names = columnNames(options);
  const parseOptions = {
    locale,
    columns: { ...options.columns },
    header: true,
    delimiter: options.delimiter,
    observationEnd: options.observationEnd,
    refunds: 'keep',
  } as const;
  const rows: TransactionRow[] = [];
  const problems = createProblemCollector(options.maxListedProblems);
  const totalBytes = typeof input === 'string' ? input.length : input.byteLength;
  let encoding: DetectedEncoding = typeof input === 'string' ? 'text' : 'utf-8';
  let encodingSuspect = false;
  let rowsRead = 0;
  // File lines before the current batch's first line; the first line is dropped when a header.
  let linesBefore = options.hasHeader ? options.firstLineCount : 0;
  let first = true;
  for (const [start, end] of batchBounds(input, size)) {
    let text: string;
    if (typeof input === 'string') text = input.slice(start, end);
    else {
      const decoded = decodeCsvInput(input.subarray(start, end), { maxBytes: Number.POSITIVE_INFINITY });
      if (!decoded.ok) break; // unreachable: no size limit
      text = decoded.text.text;
      encoding = pickEncoding(encoding, decoded.text.encoding, first);
      encodingSuspect ||= decoded.text.hasReplacementChars;
    }
    if (first && options.hasHeader) text = dropLines(text, options.firstLineCount);
    first = false;
    // The header goes on with the text's own line break (old Mac files end lines with CR only).
    const lineBreak = text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
    const parsed = parseTransactionsCsv(header + lineBreak + text, { ...parseOptions, maxIssues: problems.room });
    const offset = linesBefore - 1; // the batch's own header is its row 1
    const kept = new Map<IssueCode, number>();
    for (const [list, severity] of [[parsed.errors, 'error'], [parsed.warnings, 'warning']] as const) {
      for (const issue of list) {
        if (PER_FILE_CODES.has(issue.code)) continue;
        kept.set(issue.code, (kept.get(issue.code) ?? 0) + 1);
        const problem = relocateIssue(issue, offset, severity, locale);
        problems.add({ ...problem, column: names[Number(problem.column.slice(1))] ?? problem.column, reason: inFutureWords(problem.reason, issue.code) });
      }
    }
    for (const [code, count] of Object.entries(parsed.stats.issueCounts.byCode) as Array<[IssueCode, number]>) {
      if (PER_FILE_CODES.has(code)) continue;
      problems.addUnlisted(code, WARNING_CODES.has(code) ? 'warning' : 'error', count - (kept.get(code) ?? 0));
    }
    for (const row of parsed.rows) rows.push(row);
    rowsRead += parsed.stats.totalRows;
    linesBefore += parsed.stats.totalRows + parsed.stats.blankRows;
    options.onProgress?.({ rowsRead, bytesRead: end, totalBytes });
  }
  return { rows, problems, rowsRead, encoding, encodingSuspect };
}

/**
 * The observation end given to the core is today, so "after the observation end" means "in the
 * future": say so in the user's words.
 */
function inFutureWords(reason: string, code: IssueCode): string {
  if (code !== 'after-observation-end') return reason;
  return reason.replace('観測終了日', '今日').replace('the observation end', 'today');
}

/** Shift_JIS once any batch needed it; otherwise what the first batch said (BOM or not). */
function pickEncoding(current: DetectedEncoding, batch: DetectedEncoding, first: boolean): DetectedEncoding {
  if (current === 'shift_jis' || batch === 'shift_jis') return 'shift_jis';
  return first ? batch : current;
}

/**
 * The header every batch gets: ASCII placeholders `c0,c1,…`, one per column of the first line.
 * ASCII on purpose: a Japanese header would turn each batch into a two-byte string (twice the
 * memory, slower slicing). Messages name columns by `columnNames` instead.
 */
export function placeholderHeader(columnCount: number, delimiter: Delimiter): string {
  return Array.from({ length: columnCount }, (_, index) => `c${index}`).join(delimiter === 'whitespace' ? ' ' : delimiter);
}

/**
 * Columns a row may fill, as the core counts them from a header: up to the last non-empty cell
 * of the first line (and at least up to the chosen columns).
 */
export function headerWidth(firstCells: readonly string[], columns: FieldColumns): number {
  let last = firstCells.length - 1;
  while (last >= 0 && firstCells[last]!.trim() === '') last--;
  return Math.max(last + 1, columns.customerId + 1, columns.date + 1, columns.amount + 1);
}

/**
 * The column names used in messages: the file's header cells, or for a file without one, the
 * field names on the chosen columns (so messages say 「日付」列) and column letters elsewhere.
 */
export function columnNames(options: Pick<BatchOptions, 'firstCells' | 'hasHeader' | 'columns' | 'locale'>): string[] {
  const { firstCells, hasHeader, columns, locale } = options;
  return firstCells.map((cell, index) => {
    if (hasHeader && cell !== '') return cell;
    const field = FIELD_NAMES.find((name) => columns[name] === index);
    if (field) return FIELD_LABELS[locale][field];
    return locale === 'ja' ? `${columnLetter(index)}列` : `column ${columnLetter(index)}`;
  });
}

/** Removes the first `count` lines (each ending at a line feed, or a CR in old Mac files). */
function dropLines(text: string, count: number): string {
  const lineBreak = text.includes('\n') ? '\n' : '\r';
  let at = 0;
  for (let i = 0; i < count && at >= 0; i++) {
    const lineFeed = text.indexOf(lineBreak, at);
    at = lineFeed < 0 ? -1 : lineFeed + 1;
  }
  return at < 0 ? '' : text.slice(at);
}

/**
 * [start, end) of each batch: cut after a line feed near `size`, and moved on to a later line
 * feed while the batch holds an odd number of quote characters (a quoted cell spans the cut).
 * 0x0A and 0x22 never occur inside a UTF-8 or Shift_JIS multi-byte character. UTF-16 input
 * (rare: Excel's "Unicode text") has NUL high bytes around every character and is read whole.
 */
export function* batchBounds(input: Uint8Array | string, size: number): Generator<[number, number]> {
  const n = typeof input === 'string' ? input.length : input.byteLength;
  const whole = typeof input !== 'string' && ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff));
  const lineFeed = typeof input === 'string' ? '\n' : 0x0a;
  const quote = typeof input === 'string' ? '"' : 0x22;
  const indexOf = (value: string | number, from: number): number =>
    typeof input === 'string' ? input.indexOf(value as string, from) : input.indexOf(value as number, from);
  const lastIndexOf = (value: string | number, from: number): number =>
    typeof input === 'string' ? input.lastIndexOf(value as string, from) : input.lastIndexOf(value as number, from);
  let start = 0;
  while (start < n) {
    let end = n;
    if (!whole && start + size < n) {
      const before = lastIndexOf(lineFeed, start + size - 1);
      const after = before >= start ? before + 1 : indexOf(lineFeed, start + size) + 1;
      end = after > 0 ? after : n;
    }
    let quotes = countQuotes(indexOf, quote, start, end);
    while (quotes % 2 === 1 && end < n) {
      const next = indexOf(lineFeed, end);
      const nextEnd = next < 0 ? n : next + 1;
      quotes += countQuotes(indexOf, quote, end, nextEnd);
      end = nextEnd;
    }
    yield [start, end];
    start = end;
  }
}

function countQuotes(indexOf: (value: string | number, from: number) => number, quote: string | number, start: number, end: number): number {
  let count = 0;
  for (let at = indexOf(quote, start); at >= 0 && at < end; at = indexOf(quote, at + 1)) count++;
  return count;
}
