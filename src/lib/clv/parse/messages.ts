import type { FieldName } from './headers.ts';
import type { IssueDetail, ParseLocale } from './issues.ts';

/**
 * The sentences for parse issues, in Japanese (plain, short, as UI labels are) and English.
 * Kept apart from the parser so wording can change without touching the logic.
 */

/** The user-facing name of each field. */
export const FIELD_LABELS: Record<ParseLocale, Record<FieldName, string>> = {
  ja: { customerId: '顧客ID', date: '日付', amount: '金額' },
  en: { customerId: 'customer ID', date: 'date', amount: 'amount' },
};

/** Prefixes the row and column: `3行目「日付」列: …` / `Row 3, column "date": …`. */
export function locateIssue(row: number, column: string | undefined, text: string, locale: ParseLocale): string {
  if (row <= 0) return text;
  if (locale === 'ja') return column === undefined ? `${row}行目: ${text}` : `${row}行目「${column}」列: ${text}`;
  return column === undefined ? `Row ${row}: ${text}` : `Row ${row}, column "${column}": ${text}`;
}

/** The sentence for one issue, without its location. */
export function describeIssue(detail: IssueDetail, locale: ParseLocale): string {
  return locale === 'ja' ? describeJa(detail) : describeEn(detail);
}

function describeJa(detail: IssueDetail): string {
  switch (detail.code) {
    case 'file-too-large':
      return `ファイルが大きすぎます（${megabytes(detail.size)}、上限 ${megabytes(detail.maxBytes)}）。期間を区切って保存し直してください`;
    case 'empty-file':
      return 'ファイルが空です';
    case 'header-only':
      return '見出し行しかありません（データ行がありません）';
    case 'missing-column': {
      const label = FIELD_LABELS.ja[detail.field];
      const found = detail.found.length > 0 ? detail.found.join('、') : 'なし';
      if (detail.requested === undefined) return `「${label}」にあたる列が見つかりません（見つかった列: ${found}）`;
      if (typeof detail.requested === 'number') {
        return `「${label}」に指定された列番号 ${detail.requested}（0 始まり）がありません（列数 ${detail.columnCount}）`;
      }
      return `「${label}」に指定された列「${detail.requested}」が見つかりません（見つかった列: ${found}）`;
    }
    case 'invalid-date':
      if (detail.reason === 'empty') return '日付が空です';
      if (detail.reason === 'impossible-date') return `日付として読めません（"${detail.value}" は存在しない日付です）`;
      if (detail.reason === 'ambiguous-order') {
        return `日付として読めません（"${detail.value}" は日と月の順序が不明です。2025-04-01 のように年から書いてください）`;
      }
      return `日付として読めません（"${detail.value}"）`;
    case 'invalid-amount':
      return detail.reason === 'empty' ? '金額が空です' : `金額として読めません（"${detail.value}"）`;
    case 'empty-customer-id':
      return '顧客IDが空です';
    case 'after-observation-end':
      return `観測終了日（${detail.observationEnd}）より後の日付（${detail.date}）のため除外しました`;
    case 'negative-amount':
      return detail.kept
        ? `マイナスの金額（${detail.amount}）を返品として取り込みました`
        : `マイナスの金額（${detail.amount}）を返品として除外しました`;
    case 'too-many-columns':
      return `列が多すぎます（${detail.expected} 列のはずが ${detail.actual} 列）。「5,000」のようにカンマを含む値は "5,000" と引用符で囲んでください`;
    case 'too-few-columns':
      return `列が足りません（${detail.expected} 列のはずが ${detail.actual} 列）`;
    case 'quote-error':
      return detail.detail === 'MissingQuotes'
        ? '引用符（"）が閉じられていません'
        : '引用符（"）の位置が正しくありません';
    case 'encoding-suspect':
      return `文字コードを判定できない文字があります（${detail.encoding} として読みました）。UTF-8 で保存し直すと確実です`;
  }
}

function describeEn(detail: IssueDetail): string {
  switch (detail.code) {
    case 'file-too-large':
      return `The file is too large (${megabytes(detail.size)}; the limit is ${megabytes(detail.maxBytes)}). Save a shorter period and try again`;
    case 'empty-file':
      return 'The file is empty';
    case 'header-only':
      return 'The file has a header row but no data rows';
    case 'missing-column': {
      const label = FIELD_LABELS.en[detail.field];
      const found = detail.found.length > 0 ? detail.found.join(', ') : 'none';
      if (detail.requested === undefined) return `No column for the ${label} (columns found: ${found})`;
      if (typeof detail.requested === 'number') {
        return `Column number ${detail.requested} (0-based) given for the ${label} does not exist (${detail.columnCount} columns)`;
      }
      return `Column "${detail.requested}" given for the ${label} was not found (columns found: ${found})`;
    }
    case 'invalid-date':
      if (detail.reason === 'empty') return 'The date is empty';
      if (detail.reason === 'impossible-date') return `Not a date ("${detail.value}" does not exist on the calendar)`;
      if (detail.reason === 'ambiguous-order') {
        return `Not a date ("${detail.value}": day and month order is ambiguous; write the year first, as 2025-04-01)`;
      }
      return `Not a date ("${detail.value}")`;
    case 'invalid-amount':
      return detail.reason === 'empty' ? 'The amount is empty' : `Not an amount ("${detail.value}")`;
    case 'empty-customer-id':
      return 'The customer ID is empty';
    case 'after-observation-end':
      return `Left out: the date (${detail.date}) is after the observation end (${detail.observationEnd})`;
    case 'negative-amount':
      return detail.kept
        ? `Negative amount (${detail.amount}) kept as a refund`
        : `Negative amount (${detail.amount}) left out as a refund`;
    case 'too-many-columns':
      return `Too many columns (expected ${detail.expected}, found ${detail.actual}). Put values with commas in quotes, as "5,000"`;
    case 'too-few-columns':
      return `Too few columns (expected ${detail.expected}, found ${detail.actual})`;
    case 'quote-error':
      return detail.detail === 'MissingQuotes' ? 'A quote (") is never closed' : 'A quote (") is misplaced';
    case 'encoding-suspect':
      return `Some characters could not be decoded (read as ${detail.encoding}). Saving the file as UTF-8 avoids this`;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
