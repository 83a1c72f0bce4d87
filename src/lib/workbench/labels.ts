import type { Locale } from '../i18n/locales.ts';
import type { TableColumn } from './tableQuery.ts';

/**
 * Column names of the customer table, shared by the page and the CSV export (Japanese headers in
 * Japanese, as Excel users in Japan expect). Short on screen, complete in the file.
 */
export const TABLE_LABELS: Record<Locale, Record<TableColumn, string>> = {
  ja: {
    customerId: '顧客ID',
    firstPurchase: '初回購入',
    lastPurchase: '最終購入',
    purchases: '購入回数',
    totalSpend: '購入合計',
    averageSpend: '平均購入額',
    rfm: 'RFM',
    expectedPurchases90: '90日の予測回数',
    probabilityAlive: '継続の確率',
    clv12: '12か月の予測CLV',
  },
  en: {
    customerId: 'Customer ID',
    firstPurchase: 'First purchase',
    lastPurchase: 'Last purchase',
    purchases: 'Purchases',
    totalSpend: 'Total spend',
    averageSpend: 'Average purchase',
    rfm: 'RFM',
    expectedPurchases90: 'Purchases, next 90 days',
    probabilityAlive: 'P(active)',
    clv12: 'Predicted 12-month CLV',
  },
};

/** Headers of the customer CSV: RFM as three columns, the model columns spelled out. */
export const CUSTOMER_CSV_HEADERS: Record<Locale, string[]> = {
  ja: [
    '顧客ID', '初回購入日', '最終購入日', '購入回数', '購入合計（円）', '平均購入額（円）',
    'R（最近の購入）', 'F（購入回数）', 'M（購入金額）', '90日間の予測購入回数', '継続している確率', '12か月の予測CLV（円・割引後）',
  ],
  en: [
    'Customer ID', 'First purchase', 'Last purchase', 'Purchases', 'Total spend (JPY)', 'Average purchase (JPY)',
    'R (recency)', 'F (frequency)', 'M (monetary)', 'Expected purchases, next 90 days', 'Probability still active', 'Predicted 12-month CLV (JPY, discounted)',
  ],
};

/** Headers of the at-risk CSV: what a salesperson needs before the visit. */
export const AT_RISK_CSV_HEADERS: Record<Locale, string[]> = {
  ja: [
    '顧客ID', '購入合計（円）', '購入回数', '最終購入日', '最後の購入からの日数', 'ふだんの購入間隔（日）', '継続している確率', '12か月の予測CLV（円・割引後）',
  ],
  en: [
    'Customer ID', 'Total spend (JPY)', 'Purchases', 'Last purchase', 'Days since last purchase', 'Usual days between purchases', 'Probability still active', 'Predicted 12-month CLV (JPY, discounted)',
  ],
};

/** File names of the exports (the date is added). */
export const EXPORT_NAMES: Record<Locale, { customers: string; atRisk: string; best: string; problems: string }> = {
  ja: { customers: '顧客一覧', atRisk: '離反リスクのお客様', best: '優良顧客', problems: '読み込めなかった行' },
  en: { customers: 'customers', atRisk: 'at-risk-customers', best: 'best-customers', problems: 'row-problems' },
};
