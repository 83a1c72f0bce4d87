/**
 * An Excel sheet (as read-excel-file returns it: rows of string, number, boolean, Date or null)
 * turned into tab-separated text, so that a workbook goes through the same parser, the same
 * row numbers and the same messages as a CSV file. Dates become `YYYY-MM-DD`: read-excel-file
 * builds them in UTC from Excel's serial day, so the UTC calendar day is the day as written.
 */

/** One cell as read-excel-file gives it. */
export type SheetCell = string | number | boolean | Date | null | undefined;

/** The sheet as TSV: one line per row (row 1 first, so row numbers match Excel's). */
export function sheetToTsv(rows: readonly (readonly SheetCell[])[]): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(cellText).join('\t'));
  return lines.join('\n');
}

function cellText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDay(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function isoDay(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
