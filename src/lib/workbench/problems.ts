import { locateIssue, type IssueCode, type ParseIssue, type ParseLocale } from '../clv/parse/index.ts';
import { toCsv } from './csv.ts';

/**
 * The problems found while reading a file, as one list the user can download and fix in Excel:
 * row (as Excel numbers it), column, reason. A file is read in batches (see batches.ts); the
 * core numbers each batch's rows from the batch's start, so issues are moved to the file's row
 * numbers here. Customer-level problems (a total below zero) have no row.
 */

/** Workbench checks beyond the parser's: a customer whose refunds exceed their purchases. */
export type WorkbenchIssueCode = IssueCode | 'negative-total' | 'refund-only';

export interface RowProblem {
  /** Row as Excel shows it (header = 1); 0 for the file or a customer as a whole. */
  row: number;
  /** The column's header (or the field's name); '' when the problem is not about one column. */
  column: string;
  code: WorkbenchIssueCode;
  severity: 'error' | 'warning';
  /** The sentence without the location, in the user's language. */
  reason: string;
}

export interface ProblemReport {
  /** Rows read from the file (blank lines not counted). */
  rowsRead: number;
  /** Rows used for the analysis. */
  rowsUsed: number;
  /** rowsRead − rowsUsed: errors, rows left out on purpose (dated in the future) and refunds of customers without a purchase. */
  rowsSkipped: number;
  errors: number;
  warnings: number;
  /** Exact counts per code, including problems beyond the kept list. */
  byCode: Partial<Record<WorkbenchIssueCode, number>>;
  /** The first problems (errors first, then warnings), up to the cap. */
  list: RowProblem[];
  /** True when more problems were found than listed. */
  truncated: boolean;
}

/** Problems kept for the list and the download; counts stay exact beyond it. */
export const MAX_LISTED_PROBLEMS = 10_000;

/**
 * Moves a batch's issue to the file's numbering: `rowOffset` is the number of file lines before
 * the batch's first data line, minus one (the batch's own header line is its row 1). The reason
 * is the message without the core's location prefix (which `locateIssue` produces).
 */
export function relocateIssue(issue: ParseIssue, rowOffset: number, severity: RowProblem['severity'], locale: ParseLocale): RowProblem {
  const prefix = locateIssue(issue.row, issue.column, '', locale);
  const reason = issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
  return {
    row: issue.row > 0 ? issue.row + rowOffset : 0,
    column: issue.column ?? '',
    code: issue.code,
    severity,
    reason,
  };
}

/** The location and reason in one sentence, as the core words it: `12行目「日付」列: …`. */
export function describeProblem(problem: RowProblem, locale: ParseLocale): string {
  return locateIssue(problem.row, problem.column === '' ? undefined : problem.column, problem.reason, locale);
}

/** Collects problems up to the cap while counting all of them. */
export function createProblemCollector(cap: number = MAX_LISTED_PROBLEMS) {
  const errors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const byCode: Partial<Record<WorkbenchIssueCode, number>> = {};
  const counts = { errors: 0, warnings: 0 };
  return {
    /** Room left in the list, so a batch's parser can keep no more than that. */
    get room(): number {
      return Math.max(0, cap - errors.length - warnings.length);
    },
    add(problem: RowProblem): void {
      byCode[problem.code] = (byCode[problem.code] ?? 0) + 1;
      if (problem.severity === 'error') counts.errors++;
      else counts.warnings++;
      if (errors.length + warnings.length >= cap) return;
      (problem.severity === 'error' ? errors : warnings).push(problem);
    },
    /** Counts issues the parser counted but did not keep (its own cap was reached). */
    addUnlisted(code: WorkbenchIssueCode, severity: RowProblem['severity'], count: number): void {
      if (count <= 0) return;
      byCode[code] = (byCode[code] ?? 0) + count;
      if (severity === 'error') counts.errors += count;
      else counts.warnings += count;
    },
    report(rowsRead: number, rowsUsed: number): ProblemReport {
      const list = [...errors, ...warnings];
      return {
        rowsRead,
        rowsUsed,
        rowsSkipped: rowsRead - rowsUsed,
        errors: counts.errors,
        warnings: counts.warnings,
        byCode: { ...byCode },
        list,
        truncated: list.length < counts.errors + counts.warnings,
      };
    },
  };
}

export type ProblemCollector = ReturnType<typeof createProblemCollector>;

const PROBLEM_HEADERS: Record<ParseLocale, string[]> = {
  ja: ['行', '列', '種類', '理由'],
  en: ['Row', 'Column', 'Type', 'Reason'],
};
const SEVERITY: Record<ParseLocale, Record<RowProblem['severity'], string>> = {
  ja: { error: 'エラー（除外）', warning: '注意' },
  en: { error: 'Error (left out)', warning: 'Warning' },
};

/** The problem list as CSV (UTF-8 with BOM): row, column, severity, reason. */
export function problemsCsv(problems: readonly RowProblem[], locale: ParseLocale): string {
  return toCsv(
    PROBLEM_HEADERS[locale],
    problems.map((problem) => [problem.row > 0 ? problem.row : '', problem.column, SEVERITY[locale][problem.severity], problem.reason]),
  );
}

