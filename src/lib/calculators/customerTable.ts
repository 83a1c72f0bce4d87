import { describeIssue, detectDelimiter, guessColumns, locateIssue, normalizeHeader, readRecords, trimCell } from '../clv/parse/index.ts';
import { LANGUAGE_TAG, type Locale } from '../i18n/locales.ts';
import { parseField, type FieldError, type FieldSpec } from './fields.ts';
import { LABELS, TABLE_COLUMNS, type CustomerRow, type RowIssue, type TableColumn } from './customerRows.ts';

export { formatCustomerTable, TABLE_COLUMNS, type CustomerRow, type RowIssue, type TableColumn } from './customerRows.ts';

/**
 * The per-customer table of the lesson "calculate step by step", as pasted from Excel: one row
 * per customer with the customer, the average purchase, purchases per year and years. Headers in
 * Japanese or English (`平均購入額`, `Average purchase`, `年間の購入回数（回）` …), tab- or
 * comma-separated (the core's delimiter detection and record reader, i.e. papaparse for quoted
 * text), or no header at all when the four columns come in that order. Each bad row is reported
 * with its row number (as Excel numbers it), its column and a message in the learner's language;
 * the good rows are still used.
 */

export interface CustomerTableResult {
  customers: CustomerRow[];
  issues: RowIssue[];
  /** Data rows seen (blank lines not counted). */
  rowCount: number;
  hasHeader: boolean;
}

/** Ranges that reject typos (a year count of 2024) while allowing any real business. */
export const COLUMN_SPECS: Record<Exclude<TableColumn, 'customer'>, FieldSpec> = {
  averagePurchase: { kind: 'money', min: 0, max: 1e10 },
  purchasesPerYear: { kind: 'number', min: 0, max: 10_000 },
  years: { kind: 'number', min: 0, max: 100 },
};

/** Column names in both languages, best first; `(円)` / `（回）` unit notes are ignored. */
const SYNONYMS: Record<TableColumn, readonly string[]> = {
  customer: [
    '顧客', '顧客名', '取引先', '取引先名', '得意先', '得意先名', 'お客様', 'お客様名', '会社名', '店名',
    'customer', 'customer name', 'client', 'account', 'company', 'name',
  ],
  averagePurchase: [
    '平均購入額', '平均購入金額', '1回あたりの金額', '1回あたりの購入額', '1回あたりの平均', '平均単価', '客単価',
    '平均発注額', '平均注文額', '平均金額', '単価',
    'average purchase', 'average purchase value', 'avg purchase', 'average order value', 'average order', 'aov',
    'average ticket', 'average spend',
  ],
  purchasesPerYear: [
    '年間の購入回数', '年間購入回数', '購入回数', '年間回数', '年間の回数', '年間発注回数', '発注回数', '注文回数',
    '来店回数', '購入頻度', '頻度', '回数',
    'purchases per year', 'purchases/year', 'orders per year', 'visits per year', 'frequency', 'purchases', 'orders',
  ],
  years: [
    '継続年数', 'お付き合いの年数', '取引年数', '年数', '継続期間', '期間',
    'years', 'years as a customer', 'retention years', 'retention', 'lifetime', 'tenure',
  ],
};

const FOLDED = Object.fromEntries(
  Object.entries(SYNONYMS).map(([column, names]) => [column, names.map(foldHeader)]),
) as Record<TableColumn, string[]>;

/** The core's header folding, with unit notes in brackets removed: `年数（年）` -> `年数`. */
function foldHeader(header: string): string {
  return normalizeHeader(header.normalize('NFKC').replace(/\(.*?\)|\[.*?\]|【.*?】/g, ''));
}

function score(column: TableColumn, folded: string): number {
  if (folded === '') return 0;
  const names = FOLDED[column];
  const exact = names.indexOf(folded);
  if (exact >= 0) return 1000 - exact;
  let best = 0;
  names.forEach((name, rank) => {
    if (name.length >= 2 && folded.includes(name)) best = Math.max(best, 100 + name.length * 5 - rank);
  });
  return best;
}

/**
 * Which cell of a header row holds each column, or null when a column has no header. The
 * customer column also takes what the core recognises as a customer ID (`顧客ID`, `得意先コード`).
 */
export function matchTableHeaders(headers: readonly string[]): Record<TableColumn, number | null> {
  const folded = headers.map(foldHeader);
  const candidates: Array<{ column: TableColumn; index: number; score: number }> = [];
  for (const column of TABLE_COLUMNS) {
    folded.forEach((header, index) => {
      const value = score(column, header);
      if (value > 0) candidates.push({ column, index, score: value });
    });
  }
  const id = guessColumns(headers).customerId;
  if (id.index !== null) candidates.push({ column: 'customer', index: id.index, score: id.confidence === 'exact' ? 2000 : 150 });
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const found: Record<TableColumn, number | null> = { customer: null, averagePurchase: null, purchasesPerYear: null, years: null };
  const used = new Set<number>();
  for (const candidate of candidates) {
    if (found[candidate.column] !== null || used.has(candidate.index)) continue;
    found[candidate.column] = candidate.index;
    used.add(candidate.index);
  }
  return found;
}

/** True when the cells are a header naming all four columns. */
export function isCustomerTableHeader(cells: readonly string[]): boolean {
  const found = matchTableHeaders(cells);
  return TABLE_COLUMNS.every((column) => found[column] !== null);
}

/** True when the cells are a data row in the header-less order: customer, then three numbers. */
export function isCustomerTableRow(cells: readonly string[]): boolean {
  return (
    cells.length >= 4 &&
    trimCell(cells[0]!) !== '' &&
    (['averagePurchase', 'purchasesPerYear', 'years'] as const).every((column, i) => parseField(cells[i + 1]!, COLUMN_SPECS[column]).ok)
  );
}

const EMPTY_CUSTOMER: Record<Locale, string> = { ja: '顧客名が空です', en: 'The customer is empty' };

/** A cell's problem with the cell as written, in the style of the core's parse messages. */
function cellMessage(locale: Locale, error: FieldError, cell: string): string {
  const limit = 'limit' in error ? error.limit.toLocaleString(LANGUAGE_TAG[locale]) : '';
  if (locale === 'ja') {
    if (error.code === 'required') return '値が空です';
    if (error.code === 'too-small') return `${limit}以上の値にしてください（"${cell}"）`;
    if (error.code === 'too-large') return `${limit}以下の値にしてください（"${cell}"）`;
    return `数字として読めません（"${cell}"）`;
  }
  if (error.code === 'required') return 'The value is empty';
  if (error.code === 'too-small') return `Must be ${limit} or more ("${cell}")`;
  if (error.code === 'too-large') return `Must be ${limit} or less ("${cell}")`;
  return `Not a number ("${cell}")`;
}

/** The core's record reader takes text in pieces; a paste is one piece. */
export function textPieces(text: string): () => string | undefined {
  let done = false;
  return () => {
    if (done) return undefined;
    done = true;
    return text;
  };
}

/** Reads a pasted per-customer table; see the module comment. */
export function parseCustomerTable(text: string, locale: Locale): CustomerTableResult {
  const customers: CustomerRow[] = [];
  const issues: RowIssue[] = [];
  let rowCount = 0;
  let layout: { index: Record<TableColumn, number>; labels: Record<TableColumn, string>; width: number } | null = null;
  let hasHeader = false;
  const issue = (row: number, message: string, column?: string) =>
    issues.push({ row, ...(column !== undefined && { column }), message: locateIssue(row, column, message, locale) });

  readRecords(textPieces(text), detectDelimiter(text), (rawCells, recordIndex, quoteProblem) => {
    const cells = rawCells.map(trimCell);
    if (cells.every((cell) => cell === '')) return;
    if (layout === null) {
      hasHeader = !isCustomerTableRow(cells);
      const found = hasHeader ? matchTableHeaders(cells) : { customer: 0, averagePurchase: 1, purchasesPerYear: 2, years: 3 };
      const index = {} as Record<TableColumn, number>;
      const labels = {} as Record<TableColumn, string>;
      for (const column of TABLE_COLUMNS) {
        index[column] = found[column] ?? -1;
        labels[column] = hasHeader && found[column] !== null ? cells[found[column]]! : LABELS[locale][column];
      }
      layout = { index, labels, width: cells.length };
      if (hasHeader) return;
    }
    const row = recordIndex + 1;
    rowCount++;
    if (quoteProblem !== undefined) {
      issue(row, describeIssue({ code: 'quote-error', detail: quoteProblem }, locale));
      return;
    }
    const { index, labels, width } = layout;
    const needed = Math.max(...Object.values(index)) + 1;
    if (cells.length < needed) {
      issue(row, describeIssue({ code: 'too-few-columns', expected: width, actual: cells.length }, locale));
      return;
    }
    const customer = cells[index.customer]!;
    let ok = customer !== '';
    if (!ok) issue(row, EMPTY_CUSTOMER[locale], labels.customer);
    const values = {} as Record<Exclude<TableColumn, 'customer'>, number>;
    for (const column of ['averagePurchase', 'purchasesPerYear', 'years'] as const) {
      const cell = cells[index[column]]!;
      const result = parseField(cell, COLUMN_SPECS[column]);
      if (result.ok) values[column] = result.value!;
      else {
        ok = false;
        issue(row, cellMessage(locale, result.error, cell), labels[column]);
      }
    }
    if (ok) customers.push({ customer, ...values });
  });
  return { customers, issues, rowCount, hasHeader };
}
