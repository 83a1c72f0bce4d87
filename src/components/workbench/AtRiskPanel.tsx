import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { formatNumber, formatPercent } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { AT_RISK_RULE, BEST_CUSTOMERS_COUNT } from '../../lib/workbench/atRisk.ts';
import { csvFileName } from '../../lib/workbench/csv.ts';
import { atRiskCsv, daysSinceLastPurchase, usualIntervalDays } from '../../lib/workbench/exports.ts';
import { EXPORT_NAMES, TABLE_LABELS } from '../../lib/workbench/labels.ts';
import type { AnalysisResult } from '../../lib/workbench/protocol.ts';
import { pageOf } from '../../lib/workbench/tableQuery.ts';
import { $lastDay, localIsoDate } from '../../stores/workbench.ts';
import { cellText } from './cells.ts';
import CustomerTable, { type ColumnDef } from './CustomerTable.tsx';
import { downloadText } from './download.ts';
import Pager from './Pager.tsx';

const TEXT = {
  ja: {
    atRiskTitle: '離れそうな大切なお客様',
    rule: (top: string, alive: string) =>
      `これまでの購入合計が上位${top}に入り、2回以上買っていただいたのに、モデルが「まだ続いている確率」を${alive}未満と見ているお客様です。次の訪問や連絡の候補として、購入合計の大きい順に並べています。`,
    atRiskCount: (count: string) => `${count}人`,
    daysSince: '最後の購入から',
    interval: 'ふだんの間隔',
    days: (days: string) => `${days}日`,
    none: '条件に当てはまるお客様はいません。',
    noModel: 'モデルを使えないデータのため、離反リスクは出せません。理由は「モデル」のタブにあります。',
    exportAtRisk: '離反リスクの一覧をCSVでダウンロード',
    bestTitle: '優良顧客',
    bestRule: (count: number) => `12か月の予測CLVが高い順に${count}人です。関係を深めたいお客様です。`,
    bestRuleHistory: (count: number) => `予測CLVを出せないため、購入合計の高い順に${count}人を並べています。`,
    exportBest: '優良顧客の一覧をCSVでダウンロード',
  },
  en: {
    atRiskTitle: 'Valuable customers drifting away',
    rule: (top: string, alive: string) =>
      `Customers whose total spend is in the top ${top}, who bought at least twice, and whom the model now gives less than ${alive} chance of still being active. Listed by total spend, largest first: the candidates for your next visit or call.`,
    atRiskCount: (count: string) => `${count} customers`,
    daysSince: 'Since last purchase',
    interval: 'Usual interval',
    days: (days: string) => `${days} days`,
    none: 'No customer meets these conditions.',
    noModel: 'The model cannot be used on this data, so there is no at-risk list. See the Model tab for why.',
    exportAtRisk: 'Download the at-risk list as CSV',
    bestTitle: 'Best customers',
    bestRule: (count: number) => `The ${count} customers with the highest predicted 12-month CLV: the relationships to deepen.`,
    bestRuleHistory: (count: number) => `No CLV could be predicted, so these are the ${count} customers with the highest total spend.`,
    exportBest: 'Download the best customers as CSV',
  },
};

/** Rows per page of the at-risk list: a visit list, not a database. */
const PAGE_SIZE = 20;

/** The at-risk list (rule in words, paged, CSV) and the best customers (CSV). */
export default function AtRiskPanel({ locale, analysis }: { locale: Locale; analysis: AnalysisResult }) {
  const text = TEXT[locale];
  const lastDay = useStore($lastDay);
  const [pageNumber, setPageNumber] = useState(0);
  const { customers, atRisk, best, model } = analysis;
  const labels = TABLE_LABELS[locale];
  const n = (value: number) => formatNumber(locale, value);
  const cell = (column: Parameters<typeof cellText>[2]) => (customer: number) => cellText(customers, customer, column, locale);
  const listColumns: ColumnDef[] = [
    { key: 'customerId', label: labels.customerId, cell: cell('customerId') },
    { key: 'totalSpend', label: labels.totalSpend, cell: cell('totalSpend') },
    { key: 'purchases', label: labels.purchases, cell: cell('purchases') },
    { key: 'lastPurchase', label: labels.lastPurchase, cell: cell('lastPurchase') },
    { key: 'since', label: text.daysSince, cell: (c) => text.days(n(daysSinceLastPurchase(customers, c, lastDay))) },
    {
      key: 'interval',
      label: text.interval,
      cell: (c) => {
        const days = usualIntervalDays(customers, c);
        return days === null ? '–' : text.days(n(Math.round(days)));
      },
    },
    { key: 'probabilityAlive', label: labels.probabilityAlive, cell: cell('probabilityAlive') },
    { key: 'clv12', label: labels.clv12, cell: cell('clv12') },
  ];
  const page = pageOf(atRisk, pageNumber, PAGE_SIZE);
  const today = localIsoDate(new Date());
  const save = (name: string, order: Int32Array) => downloadText(csvFileName(name, today), atRiskCsv(customers, order, lastDay, locale));
  return (
    <div class="workbench-panel-body">
      <section aria-labelledby="workbench-at-risk-title">
        <h3 id="workbench-at-risk-title">
          {text.atRiskTitle} <span class="badge">{text.atRiskCount(n(atRisk.length))}</span>
        </h3>
        <p>{text.rule(formatPercent(locale, AT_RISK_RULE.topValueShare, 0), formatPercent(locale, AT_RISK_RULE.maxProbabilityAlive, 0))}</p>
        {!model.purchasesUsable ? (
          <p class="notice">{text.noModel}</p>
        ) : (
          <>
            <CustomerTable caption={text.atRiskTitle} columns={listColumns} rows={page.rows} empty={text.none} testId="at-risk-table" />
            {atRisk.length > PAGE_SIZE && <Pager locale={locale} page={page} onPage={setPageNumber} testId="at-risk-pager" />}
            <p>
              <button type="button" class="button button--quiet" onClick={() => save(EXPORT_NAMES[locale].atRisk, atRisk)} data-testid="export-at-risk">
                {text.exportAtRisk}
              </button>
            </p>
          </>
        )}
      </section>
      <section aria-labelledby="workbench-best-title">
        <h3 id="workbench-best-title">{text.bestTitle}</h3>
        <p>{model.spendUsable ? text.bestRule(BEST_CUSTOMERS_COUNT) : text.bestRuleHistory(BEST_CUSTOMERS_COUNT)}</p>
        <CustomerTable caption={text.bestTitle} columns={listColumns} rows={best} empty={text.none} testId="best-table" />
        <p>
          <button type="button" class="button button--quiet" onClick={() => save(EXPORT_NAMES[locale].best, best)} data-testid="export-best">
            {text.exportBest}
          </button>
        </p>
      </section>
    </div>
  );
}
