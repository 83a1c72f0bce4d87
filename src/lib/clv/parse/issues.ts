import type { AmountFailure } from './amount.ts';
import type { DateFailure } from './date.ts';
import type { FieldName } from './headers.ts';
import { describeIssue, locateIssue } from './messages.ts';

/**
 * Problems found while reading a file, as values the user can act on. Each names the row as
 * Excel numbers it (the header is row 1), the column as the file names it, and what was expected.
 * Only the first `maxIssues` of each severity are kept as objects (a million-row file of garbage
 * must not become a million messages); the counts stay exact.
 */

/** The language of the messages. */
export type ParseLocale = 'ja' | 'en';

/** The facts of one problem; `describeIssue` turns them into a sentence. */
export type IssueDetail =
  | { code: 'file-too-large'; size: number; maxBytes: number }
  | { code: 'empty-file' }
  | { code: 'header-only' }
  | { code: 'missing-column'; field: FieldName; found: string[]; columnCount: number; requested?: string | number }
  | { code: 'invalid-date'; value: string; reason: DateFailure }
  | { code: 'invalid-amount'; value: string; reason: AmountFailure }
  | { code: 'empty-customer-id' }
  | { code: 'after-observation-end'; date: string; observationEnd: string }
  | { code: 'negative-amount'; amount: number; kept: boolean }
  | { code: 'too-many-columns'; expected: number; actual: number }
  | { code: 'too-few-columns'; expected: number; actual: number }
  | { code: 'quote-error'; detail: string }
  | { code: 'encoding-suspect'; encoding: string };

/** Every issue code. */
export type IssueCode = IssueDetail['code'];

/** One problem, ready to show. */
export interface ParseIssue {
  /** Row as Excel shows it: header = 1, first data row = 2. 0 for the file as a whole. */
  row: number;
  /** The column's header text (or the field's name when the file has no header). */
  column?: string;
  code: IssueCode;
  message: string;
}

/** Exact counts, including issues beyond the kept ones. */
export interface IssueCounts {
  errors: number;
  warnings: number;
  byCode: Partial<Record<IssueCode, number>>;
}

/** Collects issues up to a cap per severity, counting all. */
export interface IssueLog {
  error(row: number, detail: IssueDetail, column?: string): void;
  warning(row: number, detail: IssueDetail, column?: string): void;
  readonly errors: ParseIssue[];
  readonly warnings: ParseIssue[];
  readonly counts: IssueCounts;
}

/** An issue log; messages are only formatted for the issues that are kept. */
export function createIssueLog(locale: ParseLocale, maxIssues: number): IssueLog {
  const errors: ParseIssue[] = [];
  const warnings: ParseIssue[] = [];
  const counts: IssueCounts = { errors: 0, warnings: 0, byCode: {} };
  const add = (list: ParseIssue[], row: number, detail: IssueDetail, column: string | undefined): void => {
    counts.byCode[detail.code] = (counts.byCode[detail.code] ?? 0) + 1;
    if (list.length >= maxIssues) return;
    const message = locateIssue(row, column, describeIssue(detail, locale), locale);
    list.push(column === undefined ? { row, code: detail.code, message } : { row, column, code: detail.code, message });
  };
  return {
    error(row, detail, column) {
      counts.errors++;
      add(errors, row, detail, column);
    },
    warning(row, detail, column) {
      counts.warnings++;
      add(warnings, row, detail, column);
    },
    errors,
    warnings,
    counts,
  };
}
