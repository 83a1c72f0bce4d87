/**
 * Which column holds the customer, the date and the amount. Header names are matched after
 * NFKC folding, lower-casing and removing spaces, `_`, `-` and `.`, so `Customer ID`,
 * `customer_id`, `ＣｕｓｔｏｍｅｒＩＤ` and `customerId` are one name. An exact synonym beats a
 * header that merely contains one (`購入金額(税込)` contains `購入金額`); each column serves one field.
 */

/** The three columns a transaction needs. */
export type FieldName = 'customerId' | 'date' | 'amount';

/** The fields in the order they are reported. */
export const FIELD_NAMES: readonly FieldName[] = ['customerId', 'date', 'amount'];

/** How sure the choice is: set by the caller, an exact synonym, a header containing one, or none. */
export type MatchConfidence = 'explicit' | 'exact' | 'partial' | 'none';

/** A column by its position (0-based: column A is 0) and its header text. */
export interface ColumnRef {
  index: number;
  header: string;
}

/** The column chosen for one field, with the other plausible columns a UI can offer. */
export interface ColumnChoice {
  /** 0-based column index, or null when no column fits. */
  index: number | null;
  header: string | null;
  confidence: MatchConfidence;
  /** Other columns that also match, best first. */
  alternatives: ColumnRef[];
}

/** The column for every field, the headers seen, and which fields have no column. */
export interface ColumnsGuess {
  customerId: ColumnChoice;
  date: ColumnChoice;
  amount: ColumnChoice;
  headers: string[];
  missing: FieldName[];
}

/** A column per field given by the caller: its header text, or its 0-based index. */
export type ColumnMapping = Partial<Record<FieldName, string | number>>;

// Best first: an earlier synonym wins a tie between two columns.
const SYNONYMS: Record<FieldName, readonly string[]> = {
  customerId: [
    '顧客ID', '顧客番号', '会員ID', '会員番号', 'お客様ID', '顧客コード', '得意先コード',
    'customer_id', 'customer id', 'customer_no', 'member_id', 'client_id', 'user_id', 'customer', 'id',
  ],
  date: [
    '日付', '購入日', '取引日', '注文日', '売上日', '購入日時', '注文日時', '取引日時', '売上日時',
    'date', 'order_date', 'purchase_date', 'transaction_date', 'invoice_date',
  ],
  amount: [
    '金額', '売上', '売上金額', '購入金額', '合計', '合計金額', '売上高', '税込金額',
    'amount', 'value', 'sales', 'revenue', 'total', 'dollar_value',
  ],
};

// Short English words that appear inside unrelated headers (`product_id`, `total_qty`): exact only.
const EXACT_ONLY = new Set(['id', 'value', 'total', 'sales', 'date']);
// Headers that contain a synonym but name something else (`顧客名` contains `顧客`, `生年月日`).
const NOT_FOR: Record<FieldName, readonly string[]> = {
  customerId: ['name', '名', 'product', '商品'],
  date: ['birth', '生年', '誕生'],
  amount: ['数', 'qty', 'quantity', 'count'],
};

/** Folds a header for matching: NFKC, lower case, no spaces, `_`, `-` or `.`. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s_\-.]+/g, '');
}

const NORMALIZED = Object.fromEntries(
  Object.entries(SYNONYMS).map(([field, names]) => [field, names.map(normalizeHeader)]),
) as Record<FieldName, string[]>;

interface Candidate {
  field: FieldName;
  index: number;
  score: number;
  exact: boolean;
}

/** Guesses the customer, date and amount columns from header names (see the module comment). */
export function guessColumns(headers: readonly string[]): ColumnsGuess {
  const folded = headers.map(normalizeHeader);
  const candidates: Candidate[] = [];
  for (const field of FIELD_NAMES) {
    folded.forEach((header, index) => {
      const score = matchScore(field, header);
      if (score > 0) candidates.push({ field, index, score, exact: score > PARTIAL_LIMIT });
    });
  }
  // Greedy by score: the strongest match is settled first, so `顧客ID` takes its column before
  // the weaker `id` could, and no column is given to two fields.
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen = new Map<FieldName, Candidate>();
  const usedColumns = new Set<number>();
  for (const candidate of candidates) {
    if (chosen.has(candidate.field) || usedColumns.has(candidate.index)) continue;
    chosen.set(candidate.field, candidate);
    usedColumns.add(candidate.index);
  }
  const choice = (field: FieldName): ColumnChoice => {
    const best = chosen.get(field);
    const alternatives = candidates
      .filter((c) => c.field === field && c.index !== best?.index)
      .map((c) => ({ index: c.index, header: headers[c.index]! }));
    if (!best) return { index: null, header: null, confidence: 'none', alternatives };
    const confidence = best.exact ? 'exact' : 'partial';
    return { index: best.index, header: headers[best.index]!, confidence, alternatives };
  };
  return withMissing({
    customerId: choice('customerId'),
    date: choice('date'),
    amount: choice('amount'),
    headers: [...headers],
  });
}

/** Applies a caller's mapping over a guess; a name or index not found is reported in `unknown`. */
export function applyColumnMapping(
  guess: ColumnsGuess,
  mapping: ColumnMapping,
  columnCount: number,
): { columns: ColumnsGuess; unknown: Array<{ field: FieldName; requested: string | number }> } {
  const columns = { ...guess };
  const unknown: Array<{ field: FieldName; requested: string | number }> = [];
  for (const field of FIELD_NAMES) {
    const requested = mapping[field];
    if (requested === undefined) continue;
    const index = findColumn(guess.headers, requested, columnCount);
    if (index === null) {
      unknown.push({ field, requested });
      columns[field] = { index: null, header: null, confidence: 'none', alternatives: guess[field].alternatives };
    } else {
      columns[field] = { index, header: guess.headers[index] ?? null, confidence: 'explicit', alternatives: [] };
    }
  }
  // A guessed field whose column the caller gave to another field falls back to an alternative.
  const taken = new Set(FIELD_NAMES.filter((field) => mapping[field] !== undefined).map((field) => columns[field].index));
  for (const field of FIELD_NAMES) {
    const choice = columns[field];
    if (mapping[field] !== undefined || choice.index === null || !taken.has(choice.index)) continue;
    const [next, ...rest] = choice.alternatives.filter((alternative) => !taken.has(alternative.index));
    columns[field] = next
      ? { index: next.index, header: next.header, confidence: choice.confidence, alternatives: rest }
      : { index: null, header: null, confidence: 'none', alternatives: [] };
  }
  return { columns: withMissing(columns), unknown };
}

function findColumn(headers: readonly string[], requested: string | number, columnCount: number): number | null {
  if (typeof requested === 'number') {
    return Number.isInteger(requested) && requested >= 0 && requested < columnCount ? requested : null;
  }
  const exact = headers.indexOf(requested);
  if (exact >= 0) return exact;
  const folded = normalizeHeader(requested);
  const index = headers.findIndex((header) => normalizeHeader(header) === folded);
  return index >= 0 ? index : null;
}

function withMissing(columns: Omit<ColumnsGuess, 'missing'>): ColumnsGuess {
  return { ...columns, missing: FIELD_NAMES.filter((field) => columns[field].index === null) };
}

// Exact matches score EXACT_SCORE − rank; partial ones stay below PARTIAL_LIMIT.
const EXACT_SCORE = 10_000;
const PARTIAL_LIMIT = 5_000;

function matchScore(field: FieldName, header: string): number {
  if (header === '') return 0;
  const synonyms = NORMALIZED[field];
  const exact = synonyms.indexOf(header);
  if (exact >= 0) return EXACT_SCORE - exact;
  if (NOT_FOR[field].some((word) => header.includes(word))) return 0;
  // A header containing a longer synonym is the better partial match (`売上金額` over `売上`).
  let best = 0;
  synonyms.forEach((synonym, rank) => {
    if (EXACT_ONLY.has(synonym) || !header.includes(synonym)) return;
    best = Math.max(best, 100 + synonym.length * 10 - rank);
  });
  return best;
}
