/** Reading transaction files: decoding, value parsing, column guessing and the row parser. */
export { parseAmount, type AmountFailure, type AmountResult } from './amount.ts';
export { parseDate, type DateFailure, type DateParseOptions, type DateResult } from './date.ts';
export {
  decodeCsvChunks,
  decodeCsvInput,
  DEFAULT_MAX_BYTES,
  type CsvInput,
  type DecodeOptions,
  type DecodeResult,
  type DetectedEncoding,
  type TextChunks,
} from './decode.ts';
export {
  applyColumnMapping,
  FIELD_NAMES,
  guessColumns,
  normalizeHeader,
  type ColumnChoice,
  type ColumnMapping,
  type ColumnRef,
  type ColumnsGuess,
  type FieldName,
  type MatchConfidence,
} from './headers.ts';
export type { IssueCode, IssueCounts, IssueDetail, ParseIssue, ParseLocale } from './issues.ts';
export { describeIssue, FIELD_LABELS, locateIssue } from './messages.ts';
export { detectDelimiter, readRecords, type Delimiter, type RecordVisitor } from './records.ts';
export { toHalfWidth, trimCell } from './text.ts';
export {
  parseTransactionsCsv,
  type ParseStats,
  type ParseTransactionsOptions,
  type ParseTransactionsResult,
} from './transactions.ts';
