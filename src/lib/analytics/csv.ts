/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it, Japanese Excel reads UTF-8 as
 * Shift_JIS and shows mojibake), CRLF line ends, RFC 4180 quoting. Cells that start like a
 * formula (= + - @, tab, carriage return) get a leading apostrophe, so a learner named
 * `=HYPERLINK(...)` cannot run anything in the trainer's spreadsheet (OWASP "CSV injection").
 */
export type CsvCell = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file, BOM first. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
