import { dayNumberToIso } from '../../lib/clv/dates.ts';
import { formatNumber, formatPercent, formatYen } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { CustomerColumns } from '../../lib/workbench/customerColumns.ts';
import type { TableColumn } from '../../lib/workbench/tableQuery.ts';

/** What a table cell shows; '–' where the model gave no value. */
export function cellText(columns: CustomerColumns, index: number, column: TableColumn, locale: Locale): string {
  const missing = (value: number, show: (value: number) => string) => (Number.isNaN(value) ? '–' : show(value));
  switch (column) {
    case 'customerId':
      return columns.ids[index]!;
    case 'firstPurchase':
      return dayNumberToIso(columns.firstPurchaseDay[index]!);
    case 'lastPurchase':
      return dayNumberToIso(columns.lastPurchaseDay[index]!);
    case 'purchases':
      return formatNumber(locale, columns.purchases[index]!);
    case 'totalSpend':
      return formatYen(locale, columns.totalSpend[index]!);
    case 'averageSpend':
      return formatYen(locale, columns.averageSpend[index]!);
    case 'rfm':
      return `${columns.recencyScore[index]}-${columns.frequencyScore[index]}-${columns.monetaryScore[index]}`;
    case 'expectedPurchases90':
      return missing(columns.expectedPurchases90[index]!, (value) => formatNumber(locale, value, 2));
    case 'probabilityAlive':
      return missing(columns.probabilityAlive[index]!, (value) => formatPercent(locale, value, 0));
    case 'clv12':
      return missing(columns.clv12[index]!, (value) => formatYen(locale, value));
  }
}
