import {
  FIELD_NAMES,
  guessColumns,
  parseAmount,
  parseDate,
  trimCell,
  type FieldName,
  type MatchConfidence,
} from '../clv/parse/index.ts';

/**
 * The glue between the core's header guess and the mapping step: which column holds the
 * customer, the date and the amount, whether the first line is a header, and what is wrong with
 * the user's choice. Headers are matched by the core (`guessColumns`: Japanese and English
 * names); a field the header does not name is looked for in the cells themselves, so a file
 * without a header still gets a sensible first guess.
 */

/** A column per field (0-based), as the mapping step shows it; null = not chosen. */
export type ColumnSelection = Record<FieldName, number | null>;

/** A complete choice: every field has a column. */
export type FieldColumns = Record<FieldName, number>;

/** How a suggestion was found: the core's header match, or the cells' contents. */
export type SuggestionSource = MatchConfidence | 'content';

export interface ColumnSuggestion {
  columns: ColumnSelection;
  sources: Record<FieldName, SuggestionSource>;
  /** True unless the first line reads as data (a date and an amount, and no known header). */
  hasHeader: boolean;
}

/** Share of a column's non-empty sample cells that must parse for a content guess. */
export const CONTENT_MATCH_SHARE = 0.8;

/** Guesses the columns from the first line and a few rows after it. */
export function suggestColumns(firstCells: readonly string[], sampleRows: readonly (readonly string[])[]): ColumnSuggestion {
  const cells = firstCells.map(trimCell);
  const guess = guessColumns(cells);
  const namedByHeader = guess.missing.length < FIELD_NAMES.length;
  const hasHeader = namedByHeader || !looksLikeData(cells);
  const columns: ColumnSelection = { customerId: null, date: null, amount: null };
  const sources: Record<FieldName, SuggestionSource> = { customerId: 'none', date: 'none', amount: 'none' };
  if (hasHeader) {
    for (const field of FIELD_NAMES) {
      columns[field] = guess[field].index;
      sources[field] = guess[field].confidence;
    }
  }
  const data = hasHeader ? sampleRows : [cells, ...sampleRows];
  const width = Math.max(cells.length, ...data.map((row) => row.length));
  const taken = new Set(FIELD_NAMES.map((field) => columns[field]).filter((index): index is number => index !== null));
  const pick = (field: FieldName, index: number | null) => {
    if (index === null || columns[field] !== null) return;
    columns[field] = index;
    sources[field] = 'content';
    taken.add(index);
  };
  const free = Array.from({ length: width }, (_, index) => index).filter((index) => !taken.has(index));
  const dateShare = (index: number) => share(data, index, (cell) => parseDate(cell).ok);
  const amountShare = (index: number) => share(data, index, (cell) => parseAmount(cell).ok);
  // Dates first: `20250401` also reads as a number, never the other way round.
  pick('date', best(free.filter((index) => !taken.has(index)), dateShare));
  // Amounts are usually the right-most numeric column (IDs, which can be numbers too, come first).
  pick('amount', best(free.filter((index) => !taken.has(index)).reverse(), amountShare));
  const firstText = free.find((index) => !taken.has(index) && share(data, index, (cell) => cell !== '') >= CONTENT_MATCH_SHARE);
  pick('customerId', firstText ?? null);
  return { columns, sources, hasHeader };
}

/** A problem with a choice: a field without a column, or one column for two fields. */
export type SelectionProblem = { kind: 'missing'; field: FieldName } | { kind: 'duplicate'; fields: [FieldName, FieldName] };

/** Every problem of a choice, in field order; empty when it can be used. */
export function selectionProblems(selection: ColumnSelection): SelectionProblem[] {
  const problems: SelectionProblem[] = [];
  FIELD_NAMES.forEach((field, i) => {
    const index = selection[field];
    if (index === null) {
      problems.push({ kind: 'missing', field });
      return;
    }
    const earlier = FIELD_NAMES.slice(0, i).find((other) => selection[other] === index);
    if (earlier !== undefined) problems.push({ kind: 'duplicate', fields: [earlier, field] });
  });
  return problems;
}

/** The choice as complete columns, or null while it has problems. */
export function completeSelection(selection: ColumnSelection): FieldColumns | null {
  if (selectionProblems(selection).length > 0) return null;
  return { customerId: selection.customerId!, date: selection.date!, amount: selection.amount! };
}

/** What the select for a column shows: `B列: 顧客ID` / `Column B: customer_id`. */
export function columnLabel(index: number, header: string | undefined, locale: 'ja' | 'en'): string {
  const letter = columnLetter(index);
  const name = header === undefined || header === '' ? '' : `: ${header}`;
  return locale === 'ja' ? `${letter}列${name}` : `Column ${letter}${name}`;
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A first line with a date cell and another amount cell is data, not a header. */
function looksLikeData(cells: readonly string[]): boolean {
  const dateAt = cells.findIndex((cell) => parseDate(cell).ok);
  return dateAt >= 0 && cells.some((cell, index) => index !== dateAt && parseAmount(cell).ok);
}

function share(rows: readonly (readonly string[])[], index: number, test: (cell: string) => boolean): number {
  let filled = 0;
  let passing = 0;
  for (const row of rows) {
    const cell = trimCell(row[index] ?? '');
    if (cell === '') continue;
    filled++;
    if (test(cell)) passing++;
  }
  return filled === 0 ? 0 : passing / filled;
}

/** The candidate with the highest share (at least CONTENT_MATCH_SHARE); earlier wins ties. */
function best(candidates: readonly number[], score: (index: number) => number): number | null {
  let chosen: number | null = null;
  let top = CONTENT_MATCH_SHARE;
  for (const index of candidates) {
    const value = score(index);
    if (value >= top && (chosen === null || value > top)) {
      chosen = index;
      top = value;
    }
  }
  return chosen;
}
