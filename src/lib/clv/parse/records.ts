import Papa from 'papaparse';
import { trimCell } from './text.ts';

/**
 * Splitting text into records of cells. Text comes in pieces that end at line breaks. Pieces
 * without a quote character take a line-by-line path (the rule papaparse's own "fast mode"
 * uses, without holding every row in memory); from the first piece with a quote on, the rest of
 * the text goes through papaparse, which handles quoted commas, doubled quotes and line breaks
 * inside quotes, and reports unbalanced quotes. Whitespace-separated files (the CDNOW layout:
 * ` 00001 19970101  1   11.77`) split on runs of spaces and tabs and cannot quote.
 */

/** A cell separator; `whitespace` means any run of spaces and tabs. */
export type Delimiter = ',' | '\t' | ';' | '|' | 'whitespace';

/**
 * Receives each non-blank record's cells and its 0-based index (blank lines included in the
 * count, as Excel numbers rows), and papaparse's code (`MissingQuotes`, `InvalidQuotes`) when
 * the record's quoting is broken. Returning 'stop' ends the reading.
 */
export type RecordVisitor = (cells: string[], recordIndex: number, quoteProblem: string | undefined) => 'stop' | undefined;

/**
 * Columns the visitor reads, set once known (after the header). Unquoted lines then slice only
 * those cells and leave '' in the others (cells past `keep.length` are always sliced, so extra
 * columns can still be checked): half the string allocations for a typical six-column export.
 */
export interface Projection {
  keep: Uint8Array | null;
}

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 10;

/**
 * Picks the delimiter from the first lines: papaparse's guess among `,` tab `;` `|` (the one
 * giving the most consistent field count), else whitespace when every sampled line splits into
 * the same number (at least two) of space-separated fields, else a comma.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = sampleLines(text);
  const guess = Papa.parse<string[]>(sample.join('\n'), { delimitersToGuess: [',', '\t', ';', '|'] });
  const guessed = !guess.errors.some((error) => error.code === 'UndetectableDelimiter');
  if (guessed) return guess.meta.delimiter as Delimiter;
  const counts = sample.map((line) => splitOnWhitespace(line).length);
  if (counts.length > 0 && counts[0]! >= 2 && counts.every((count) => count === counts[0])) return 'whitespace';
  return ',';
}

/** Calls `visit` for every non-blank record of the pieces, in order; returns the blank count. */
export function readRecords(
  nextPiece: () => string | undefined,
  delimiter: Delimiter,
  visit: RecordVisitor,
  projection: Projection = { keep: null },
): number {
  let recordIndex = 0;
  let blank = 0;
  let stopped = false;
  let lineBreak: '\n' | '\r' | undefined;
  const visitCells = (cells: string[], index: number, quoteProblem?: string): boolean => {
    if (isBlank(cells)) blank++;
    else stopped = visit(cells, index, quoteProblem) === 'stop';
    return stopped;
  };
  const visitLine = (line: string, index: number): boolean => {
    if (projection.keep === null || delimiter === 'whitespace') {
      return visitCells(delimiter === 'whitespace' ? splitOnWhitespace(line) : line.split(delimiter), index);
    }
    const cells = splitProjected(line, delimiter, projection.keep);
    if (cells === null) blank++;
    else stopped = visit(cells, index, undefined) === 'stop';
    return stopped;
  };
  for (let piece = nextPiece(); piece !== undefined && !stopped; piece = nextPiece()) {
    lineBreak ??= piece.includes('\n') ? '\n' : '\r';
    if (delimiter === 'whitespace' || !piece.includes('"')) {
      recordIndex = forEachLine(piece, lineBreak, recordIndex, visitLine);
    } else {
      // Quotes may span pieces, so papaparse gets this piece and all that follow as one text.
      const rest = [piece];
      for (let more = nextPiece(); more !== undefined; more = nextPiece()) rest.push(more);
      readQuoted(rest.join(''), delimiter, recordIndex, visitCells);
      break;
    }
  }
  return blank;
}

/** Splits like `line.split(delimiter)` but slices only kept cells; null for a blank line. */
function splitProjected(line: string, delimiter: string, keep: Uint8Array): string[] | null {
  const cells: string[] = [];
  const n = line.length;
  let content = false;
  let start = 0;
  for (let column = 0; ; column++) {
    let end = line.indexOf(delimiter, start);
    if (end < 0) end = n;
    if (column >= keep.length || keep[column] === 1) {
      const cell = line.slice(start, end);
      content ||= trimCell(cell) !== '';
      cells.push(cell);
    } else {
      cells.push('');
    }
    if (end === n) break;
    start = end + 1;
  }
  // The kept cells are empty: the row is blank only if the skipped ones are too.
  return content || !isBlankLine(line, delimiter) ? cells : null;
}

/** A record with no text in any cell (an empty line, or `,,` from an emptied Excel row). */
function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    if (trimCell(cells[i]!) !== '') return false;
  }
  return true;
}

function isBlankLine(line: string, delimiter: string): boolean {
  return isBlank(line.split(delimiter));
}

function readQuoted(
  text: string,
  delimiter: string,
  firstIndex: number,
  visit: (cells: string[], index: number, quoteProblem?: string) => boolean,
): void {
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: lineEnding(text), skipEmptyLines: false });
  const problems = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.type === 'Quotes' && error.row !== undefined && !problems.has(error.row)) problems.set(error.row, error.code);
  }
  const { data } = parsed;
  // A final line break yields one empty record that is not a row the user sees.
  const lastRecord = data[data.length - 1];
  const count = lastRecord !== undefined && lastRecord.length === 1 && lastRecord[0] === '' ? data.length - 1 : data.length;
  for (let i = 0; i < count && !visit(data[i]!, firstIndex + i, problems.get(i)); i++);
}

/**
 * Visits the lines without CR/LF until `visit` returns true; a final line break makes no extra
 * line. Returns the next line's index.
 */
function forEachLine(text: string, lineBreak: string, firstIndex: number, visit: (line: string, index: number) => boolean | void): number {
  let start = 0;
  let index = firstIndex;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf(lineBreak, start);
    if (end < 0) end = n;
    // CRLF: drop the CR that precedes the LF.
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (visit(text.slice(start, stop), index++) === true) break;
    start = end + 1;
  }
  return index;
}

function splitOnWhitespace(line: string): string[] {
  const cells: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    const start = i;
    while (i < n && !isSpace(line.charCodeAt(i))) i++;
    if (i > start) cells.push(line.slice(start, i));
  }
  return cells;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000;
}

function lineEnding(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf < 0) return text.includes('\r') ? '\r' : '\n';
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

function sampleLines(text: string): string[] {
  const lines: string[] = [];
  const head = text.slice(0, SAMPLE_CHARS);
  forEachLine(head, head.includes('\n') ? '\n' : '\r', 0, (line) => {
    if (line.trim() !== '') lines.push(line);
    return lines.length >= SAMPLE_LINES;
  });
  return lines;
}
