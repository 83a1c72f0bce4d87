import type { IsoDate, TransactionRow } from '../types.ts';
import { decodeCsvChunks, DEFAULT_MAX_BYTES, type CsvInput, type DetectedEncoding } from './decode.ts';
import type { ColumnMapping, ColumnsGuess } from './headers.ts';
import { createIssueLog, type IssueCounts, type ParseIssue, type ParseLocale } from './issues.ts';
import { resolveLayout, type RowLayout } from './layout.ts';
import { detectDelimiter, readRecords, type Delimiter, type Projection } from './records.ts';
import { createRowReader, type RowReader } from './rowReader.ts';

/**
 * Reading a transaction file (customer, date, amount per line) into rows, with every problem
 * reported as a value. A bad row is skipped and named; the rest of the file is still read.
 */

/** Options for parseTransactionsCsv; every one has a default. */
export interface ParseTransactionsOptions {
  /** Language of the issue messages. Default 'ja'. */
  locale?: ParseLocale;
  /** Columns chosen by the caller (header text or 0-based index); unmapped fields are guessed. */
  columns?: ColumnMapping;
  /**
   * Whether the first non-blank line is a header. 'auto' (default) treats it as data only when
   * every field is mapped by index and that line's date and amount cells parse.
   */
  header?: boolean | 'auto';
  /** Cell separator. 'auto' (default) detects `,` tab `;` `|`, or whitespace-padded columns. */
  delimiter?: Delimiter | 'auto';
  /** Larger input is refused with a `file-too-large` error. Default 100 MB. */
  maxBytes?: number;
  /** Issue objects kept per severity; counts stay exact. Default 1,000. */
  maxIssues?: number;
  /** Rows dated after this day are left out with a warning. */
  observationEnd?: IsoDate;
  /** Negative amounts: 'keep' (default) as refund rows with a warning, or 'skip' with an error. */
  refunds?: 'keep' | 'skip';
  /** Read bare numbers in the date column as Excel serial days. Default false. */
  excelSerialDates?: boolean;
}

/** Row counts. totalRows = goodRows + skippedRows; blank lines are in none of them. */
export interface ParseStats {
  totalRows: number;
  goodRows: number;
  skippedRows: number;
  blankRows: number;
  issueCounts: IssueCounts;
  /** True when more issues were found than kept in `errors` / `warnings`. */
  issuesTruncated: boolean;
}

/** The rows read, the problems found, and how the file was read. */
export interface ParseTransactionsResult {
  rows: TransactionRow[];
  /** Problems that left a row (or the whole file) out. */
  errors: ParseIssue[];
  /** Things to know about rows that were read (refunds) or left out on purpose (after the end). */
  warnings: ParseIssue[];
  /** null when the input was refused before decoding. */
  encoding: DetectedEncoding | null;
  delimiter: Delimiter | null;
  hasHeader: boolean;
  /** The columns used, with the guesser's alternatives; null when the file had no lines. */
  columns: ColumnsGuess | null;
  stats: ParseStats;
}

const DEFAULT_MAX_ISSUES = 1000;

/** Parses transaction CSV/TSV/whitespace text or bytes (UTF-8, Shift_JIS, UTF-16) into rows. */
export function parseTransactionsCsv(input: CsvInput, options: ParseTransactionsOptions = {}): ParseTransactionsResult {
  const log = createIssueLog(options.locale ?? 'ja', options.maxIssues ?? DEFAULT_MAX_ISSUES);
  const rows: TransactionRow[] = [];
  const counts = { total: 0, blank: 0 };
  const result = (parts: Partial<ParseTransactionsResult>): ParseTransactionsResult => ({
    rows,
    errors: log.errors,
    warnings: log.warnings,
    encoding: null,
    delimiter: null,
    hasHeader: false,
    columns: null,
    ...parts,
    stats: {
      totalRows: counts.total,
      goodRows: rows.length,
      skippedRows: counts.total - rows.length,
      blankRows: counts.blank,
      issueCounts: log.counts,
      issuesTruncated: log.errors.length < log.counts.errors || log.warnings.length < log.counts.warnings,
    },
  });

  const decoded = decodeCsvChunks(input, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES });
  if (!decoded.ok) {
    log.error(0, { code: 'file-too-large', size: decoded.size, maxBytes: decoded.maxBytes });
    return result({});
  }
  const chunks = decoded.text;
  // The first piece decides the delimiter, then goes to the reader like the rest.
  let firstPiece = chunks.next();
  const delimiter =
    !options.delimiter || options.delimiter === 'auto' ? detectDelimiter(firstPiece ?? '') : options.delimiter;
  const nextPiece = (): string | undefined => {
    const piece = firstPiece ?? chunks.next();
    firstPiece = undefined;
    return piece;
  };

  // Settled by the first non-blank record: the header and columns, then the row reader.
  const state: { layout: RowLayout | null; readRow: RowReader | null } = { layout: null, readRow: null };
  const projection: Projection = { keep: null };
  counts.blank = readRecords(
    nextPiece,
    delimiter,
    (cells, recordIndex, quoteProblem) => {
      if (state.layout === null) {
        const layout = resolveLayout(cells, options, log);
        state.layout = layout;
        if (layout.columns.missing.length === 0) {
          state.readRow = createRowReader(layout, options, log, rows);
          projection.keep = keepColumns(layout);
        }
        if (layout.hasHeader) return undefined;
      }
      const readRow = state.readRow;
      if (readRow === null) return 'stop'; // a column is missing: reported once, nothing to read
      counts.total++;
      const row = recordIndex + 1;
      if (quoteProblem !== undefined) log.error(row, { code: 'quote-error', detail: quoteProblem });
      else readRow(cells, row);
      return undefined;
    },
    projection,
  );

  const { layout, readRow } = state;
  const { encoding } = chunks;
  if (chunks.hasReplacementChars) log.warning(0, { code: 'encoding-suspect', encoding });
  if (layout === null) log.error(0, { code: 'empty-file' });
  else if (readRow !== null && counts.total === 0) log.error(0, { code: 'header-only' });
  return result({ encoding, delimiter, hasHeader: layout?.hasHeader ?? false, columns: layout?.columns ?? null });
}

/** The columns the row reader looks at: the three fields (and, implicitly, any past the header). */
function keepColumns(layout: RowLayout): Uint8Array {
  const keep = new Uint8Array(layout.width);
  for (const index of Object.values(layout.index)) keep[index] = 1;
  return keep;
}
