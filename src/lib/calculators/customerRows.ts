import type { Locale } from '../i18n/locales.ts';

/**
 * The rows of a per-customer CLV table and their text form, apart from the parser: a lesson page
 * shows the preset lists without loading the CSV parser, which comes only when someone pastes.
 */

export type TableColumn = 'customer' | 'averagePurchase' | 'purchasesPerYear' | 'years';
export const TABLE_COLUMNS: readonly TableColumn[] = ['customer', 'averagePurchase', 'purchasesPerYear', 'years'];

/** One good row. */
export interface CustomerRow {
  customer: string;
  averagePurchase: number;
  purchasesPerYear: number;
  years: number;
}

/** One problem, located as Excel shows it: header = row 1. */
export interface RowIssue {
  row: number;
  column?: string;
  message: string;
}

/** Column headers in the learner's language. */
export const LABELS: Record<Locale, Record<TableColumn, string>> = {
  ja: { customer: '顧客', averagePurchase: '平均購入額', purchasesPerYear: '年間の購入回数', years: '継続年数' },
  en: { customer: 'Customer', averagePurchase: 'Average purchase', purchasesPerYear: 'Purchases per year', years: 'Years' },
};

/** The header-and-rows text of a list, tab-separated as Excel copies it, with the learner's headers. */
export function formatCustomerTable(rows: readonly CustomerRow[], locale: Locale): string {
  const header = TABLE_COLUMNS.map((column) => LABELS[locale][column]).join('\t');
  const lines = rows.map((row) => [row.customer, row.averagePurchase, row.purchasesPerYear, row.years].join('\t'));
  return [header, ...lines].join('\n');
}
