import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { fieldErrorMessage, parseField, type FieldSpec } from '../../lib/calculators/fields.ts';
import { formatNumber } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { csvFileName } from '../../lib/workbench/csv.ts';
import { customersCsv } from '../../lib/workbench/exports.ts';
import { EXPORT_NAMES, TABLE_LABELS } from '../../lib/workbench/labels.ts';
import type { AnalysisResult } from '../../lib/workbench/protocol.ts';
import { TABLE_COLUMNS } from '../../lib/workbench/tableQuery.ts';
import {
  $customerQuery,
  $customerRows,
  $customerSort,
  $customerTablePage,
  $discountRatePerYear,
  $pending,
  localIsoDate,
  searchCustomers,
  setDiscountRate,
  showCustomerPage,
  sortCustomersBy,
} from '../../stores/workbench.ts';
import { cellText } from './cells.ts';
import CustomerTable, { type ColumnDef } from './CustomerTable.tsx';
import { downloadText } from './download.ts';
import Pager from './Pager.tsx';

const TEXT = {
  ja: {
    caption: 'お客様ごとの履歴と予測',
    sortHint: '列の見出しのボタンで並べ替えられます。',
    search: '顧客IDで探す',
    found: (count: string) => `${count}人`,
    discount: '割引率（年）',
    discountHint: '12か月の予測CLVを今の価値に直すときの率です。',
    discountUpdating: '計算し直しています…',
    empty: '見つかりませんでした。',
    export: '表をCSVでダウンロード',
    exportHint: (count: string) => `いまの並び順で${count}人分を保存します（Excel で開けます）。`,
    noModel: '予測の列（–）は、モデルを使えないデータのため空けています。理由は「モデル」のタブにあります。',
  },
  en: {
    caption: 'History and predictions per customer',
    sortHint: 'Sort with the buttons in the column headers.',
    search: 'Search by customer ID',
    found: (count: string) => `${count} customers`,
    discount: 'Discount rate per year',
    discountHint: 'Used to bring the predicted 12-month CLV to today’s value.',
    discountUpdating: 'Recalculating…',
    empty: 'No customer found.',
    export: 'Download the table as CSV',
    exportHint: (count: string) => `Saves ${count} customers in the current order (opens in Excel).`,
    noModel: 'The prediction columns (–) are empty because the model cannot be used on this data; see the Model tab.',
  },
};

/** The discount rate per year in percent: 0 (no discounting) to 50. */
const DISCOUNT_FIELD: FieldSpec = { kind: 'percent', min: 0, max: 50 };

/** The customer table: discount rate, search, sortable columns, pages, CSV export. */
export default function CustomersPanel({ locale, analysis }: { locale: Locale; analysis: AnalysisResult }) {
  const text = TEXT[locale];
  const sort = useStore($customerSort);
  const query = useStore($customerQuery);
  const page = useStore($customerTablePage);
  const rows = useStore($customerRows);
  const pending = useStore($pending);
  const rate = useStore($discountRatePerYear);
  const [rateText, setRateText] = useState(formatNumber(locale, rate * 100, 1));
  const parsedRate = parseField(rateText, DISCOUNT_FIELD);
  const rateValid = parsedRate.ok && parsedRate.value !== undefined;
  const { customers } = analysis;
  const labels = TABLE_LABELS[locale];
  const columns: ColumnDef[] = TABLE_COLUMNS.map((column) => ({
    key: column,
    label: labels[column],
    cell: (customer) => cellText(customers, customer, column, locale),
    sortBy: column,
  }));
  const exportCsv = () =>
    downloadText(csvFileName(EXPORT_NAMES[locale].customers, localIsoDate(new Date())), customersCsv(customers, rows, locale));
  return (
    <div class="workbench-panel-body">
      <div class="workbench-controls">
        <div class={`field${rateValid ? '' : ' field--invalid'}`}>
          <label for="workbench-discount">{text.discount}</label>
          <div class="field__control">
            <input
              id="workbench-discount"
              type="text"
              inputMode="decimal"
              value={rateText}
              aria-describedby="workbench-discount-hint"
              aria-invalid={!rateValid}
              onInput={(event) => setRateText((event.target as HTMLInputElement).value)}
              onChange={() => {
                if (parsedRate.ok && parsedRate.value !== undefined && Math.abs(parsedRate.value - rate) > 1e-9) setDiscountRate(parsedRate.value);
              }}
              data-testid="discount-rate"
            />
            <span class="field__unit">%</span>
          </div>
          <p class="field__hint" id="workbench-discount-hint">
            {parsedRate.ok ? (pending.discount ? text.discountUpdating : text.discountHint) : fieldErrorMessage(locale, parsedRate.error)}
          </p>
        </div>
        <div class="field">
          <label for="workbench-search">{text.search}</label>
          <div class="field__control">
            <input
              id="workbench-search"
              type="search"
              value={query}
              onInput={(event) => searchCustomers((event.target as HTMLInputElement).value)}
              data-testid="customer-search"
            />
          </div>
          <p class="field__hint" aria-live="polite">
            {text.found(formatNumber(locale, rows.length))}
          </p>
        </div>
      </div>
      {!analysis.model.purchasesUsable && <p class="field__hint">{text.noModel}</p>}
      <CustomerTable
        caption={text.caption}
        sortHint={text.sortHint}
        columns={columns}
        rows={page.rows}
        sort={sort}
        onSort={sortCustomersBy}
        empty={text.empty}
        testId="customer-table"
      />
      <Pager locale={locale} page={page} onPage={showCustomerPage} testId="customer-pager" />
      <p>
        <button type="button" class="button button--quiet" onClick={exportCsv} data-testid="export-customers">
          {text.export}
        </button>
      </p>
      <p class="field__hint">{text.exportHint(formatNumber(locale, rows.length))}</p>
    </div>
  );
}
