import type { Locale } from '../../lib/i18n/locales.ts';
import type { WorkbenchIssueCode } from '../../lib/workbench/problems.ts';
import type { WorkbenchFailure } from '../../lib/workbench/protocol.ts';

/**
 * Sentences shared by the load and mapping steps: why a file could not be used (each case
 * with what to do about it) and a short name per kind of row problem for the summary.
 */

const FAILURES: Record<Locale, Record<WorkbenchFailure, string>> = {
  ja: {
    'empty-file': 'ファイルが空です。データの入ったファイルを選んでください。',
    'header-only': '見出しの行しかありません。データの行が入っているか確かめてください。',
    'too-large': 'ファイルが 100 MB を超えています。期間を区切って保存し直してください。',
    binary: 'CSV でも Excel（.xlsx）でもないファイルのようです。CSV か .xlsx で保存したファイルを選んでください。',
    'legacy-excel': '古い Excel 形式（.xls）は読めません。Excel で「.xlsx」か「CSV」として保存し直してください。',
    'unreadable-xlsx': 'Excel ファイルを開けませんでした。ファイルが壊れていないか、パスワードがかかっていないか確かめてください。',
    'no-rows': '使える行が1行もありませんでした。下の一覧で理由を確かめ、列の選び方かファイルを直してください。',
    'no-purchases': 'すべての行の金額がマイナス（返品）です。金額の列が正しいか確かめてください。',
    'no-session': 'データがもう残っていません。もう一度読み込んでください。',
    internal: '思わぬエラーで計算できませんでした。ページを再読み込みして、もう一度お試しください。',
  },
  en: {
    'empty-file': 'The file is empty. Choose a file with data in it.',
    'header-only': 'The file has a header row but no data. Check that the rows were saved.',
    'too-large': 'The file is over 100 MB. Save a shorter period and try again.',
    binary: 'This does not look like a CSV or Excel (.xlsx) file. Choose a file saved as CSV or .xlsx.',
    'legacy-excel': 'Old Excel files (.xls) cannot be read. Save it from Excel as .xlsx or CSV.',
    'unreadable-xlsx': 'The Excel file could not be opened. Check that it is not damaged or password-protected.',
    'no-rows': 'Not a single row could be used. See the reasons below, then fix the columns chosen or the file.',
    'no-purchases': 'Every row has a negative amount (refunds only). Check that the amount column is right.',
    'no-session': 'The data is no longer here. Please load it again.',
    internal: 'Something unexpected went wrong. Reload the page and try again.',
  },
};

export function failureMessage(failure: WorkbenchFailure, locale: Locale): string {
  return FAILURES[locale][failure];
}

/** Short names of row problems for the summary list. */
export const PROBLEM_KINDS: Record<Locale, Record<WorkbenchIssueCode, string>> = {
  ja: {
    'invalid-date': '日付が読めない',
    'invalid-amount': '金額が読めない',
    'empty-customer-id': '顧客IDが空',
    'after-observation-end': '今日より後の日付（除外）',
    'negative-amount': 'マイナスの金額（返品として差し引き）',
    'too-many-columns': '列が多すぎる（カンマの入った金額など）',
    'too-few-columns': '列が足りない',
    'quote-error': '引用符（"）の誤り',
    'missing-column': '列が見つからない',
    'file-too-large': 'ファイルが大きすぎる',
    'empty-file': 'ファイルが空',
    'header-only': '見出しだけ',
    'encoding-suspect': '文字化けのおそれ',
    'negative-total': '合計がマイナスのお客様',
    'refund-only': '返品だけのお客様（除外）',
  },
  en: {
    'invalid-date': 'Unreadable date',
    'invalid-amount': 'Unreadable amount',
    'empty-customer-id': 'Empty customer ID',
    'after-observation-end': 'Dated after today (left out)',
    'negative-amount': 'Negative amount (deducted as a refund)',
    'too-many-columns': 'Too many columns (e.g. an amount with a comma)',
    'too-few-columns': 'Too few columns',
    'quote-error': 'Broken quotes (")',
    'missing-column': 'Column not found',
    'file-too-large': 'File too large',
    'empty-file': 'Empty file',
    'header-only': 'Header only',
    'encoding-suspect': 'Possible mojibake',
    'negative-total': 'Customers with a negative total',
    'refund-only': 'Customers with refunds only (left out)',
  },
};
