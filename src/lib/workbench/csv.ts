/**
 * Writing CSV that Excel opens correctly: UTF-8 with a byte order mark (without it, Japanese
 * Excel reads UTF-8 as Shift_JIS and shows mojibake), CRLF line ends, and RFC 4180 quoting:
 * a cell with a comma, a quote or a line break is put in quotes, its quotes doubled.
 */

/** The byte order mark that tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';

/** A cell: text as is, numbers without grouping (Excel reads `1,234` as text when quoted). */
export type CsvCell = string | number | null | undefined;

/** Quotes a cell when it needs it; numbers are written plainly, null/undefined/NaN as empty. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A leading = + - @ makes Excel run the cell as a formula (CSV injection): prefix a quote mark.
  const text = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line per row, CRLF, with the BOM first. */
export function toCsv(headers: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** A file name with today's date: `顧客一覧_2025-04-01.csv`; characters Windows forbids become `_`. */
export function csvFileName(base: string, today: string): string {
  return `${base.replace(/[\\/:*?"<>|]/g, '_')}_${today}.csv`;
}
