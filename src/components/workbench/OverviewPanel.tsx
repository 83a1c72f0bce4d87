import { formatNumber, formatPercent, formatYen } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { Overview } from '../../lib/workbench/overview.ts';
import LineChart from '../charts/LineChart.tsx';

const TEXT = {
  ja: {
    figures: '主な数字',
    customers: 'お客様',
    customersValue: (n: string, repeat: string) => `${n}人（うちリピーター${repeat}人）`,
    transactions: '取引（行）',
    period: '期間',
    periodValue: (from: string, to: string, years: string) => `${from}〜${to}（${years}年）`,
    revenue: '売上（返品を差し引き）',
    averageTicket: '平均購入額（1回あたり）',
    frequency: '1人あたりの年間購入回数',
    frequencyValue: (value: string) => `${value}回`,
    historicalClv: '期間中のCLV（1人あたり）',
    historicalFormula: (ticket: string, frequency: string, years: string, clv: string) =>
      `平均購入額 ${ticket} × 年間 ${frequency}回 × ${years}年 = ${clv}。レッスンの「平均購入額 × 購入回数 × 年数」を、この期間の実績で計算した金額です。`,
    topShare: '上位20%のお客様の売上シェア',
    chart: 'パレート曲線：お客様を購入合計の大きい順に数えたときの、売上の累計の割合',
    xLabel: 'お客様の割合（大きい順）',
    yLabel: '売上の累計の割合',
    reference: '全員が同じ額なら',
    marker: (share: string) => `上位20%で${share}`,
    tableHeaders: ['お客様の割合', '売上の累計の割合'] as [string, string],
    topNote: (share: string) => `売上の${share}を、上位20%のお客様が生んでいます。`,
  },
  en: {
    figures: 'Key figures',
    customers: 'Customers',
    customersValue: (n: string, repeat: string) => `${n} (${repeat} repeat customers)`,
    transactions: 'Transactions (rows)',
    period: 'Period',
    periodValue: (from: string, to: string, years: string) => `${from} to ${to} (${years} years)`,
    revenue: 'Sales (refunds deducted)',
    averageTicket: 'Average purchase',
    frequency: 'Purchases per customer per year',
    frequencyValue: (value: string) => value,
    historicalClv: 'CLV over the period (per customer)',
    historicalFormula: (ticket: string, frequency: string, years: string, clv: string) =>
      `Average purchase ${ticket} × ${frequency} purchases a year × ${years} years = ${clv}: the lesson’s “average purchase × purchases × years”, from this period’s actual figures.`,
    topShare: 'Share of sales from the top 20% of customers',
    chart: 'Pareto curve: cumulative share of sales, counting customers from the largest total spend',
    xLabel: 'Share of customers (largest first)',
    yLabel: 'Cumulative share of sales',
    reference: 'If everyone spent the same',
    marker: (share: string) => `Top 20%: ${share}`,
    tableHeaders: ['Share of customers', 'Cumulative share of sales'] as [string, string],
    topNote: (share: string) => `The top 20% of customers bring ${share} of sales.`,
  },
};

/** The overview: customers, transactions, period, average ticket, frequency, CLV, top-20% share, Pareto. */
export default function OverviewPanel({ locale, overview }: { locale: Locale; overview: Overview }) {
  const text = TEXT[locale];
  const n = (value: number, digits = 0) => formatNumber(locale, value, digits);
  const yen = (value: number) => formatYen(locale, value);
  const years = n(overview.years, 1);
  const share = formatPercent(locale, overview.topShare, 0);
  const figures: Array<[string, string, string]> = [
    ['customers', text.customers, text.customersValue(n(overview.customers), n(overview.repeatCustomers))],
    ['transactions', text.transactions, n(overview.transactions)],
    ['period', text.period, text.periodValue(overview.firstDate, overview.lastDate, years)],
    ['revenue', text.revenue, yen(overview.revenue)],
    ['average-ticket', text.averageTicket, yen(overview.averageTicket)],
    ['frequency', text.frequency, text.frequencyValue(n(overview.purchasesPerCustomerPerYear, 1))],
    ['historical-clv', text.historicalClv, yen(overview.historicalClv)],
    ['top-share', text.topShare, share],
  ];
  const at20 = overview.pareto.reduce((best, point) => (Math.abs(point.customerShare - 0.2) < Math.abs(best.customerShare - 0.2) ? point : best));
  const tablePoints = overview.pareto.filter((_, k) => k % 10 === 0);
  return (
    <div class="workbench-panel-body">
      <dl class="workbench-figures" aria-label={text.figures} data-testid="overview-figures">
        {figures.map(([key, label, value]) => (
          <div class="workbench-figure" key={key} data-figure={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="field__hint">
        {text.historicalFormula(yen(overview.averageTicket), n(overview.purchasesPerCustomerPerYear, 1), years, yen(overview.historicalClv))}
      </p>
      <LineChart
        title={text.chart}
        points={overview.pareto.map((point) => ({ x: point.customerShare, y: point.valueShare }))}
        xLabel={text.xLabel}
        yLabel={text.yLabel}
        ticks={['0%', '50%', '100%']}
        reference={text.reference}
        marker={{ x: at20.customerShare, y: overview.topShare, label: text.marker(share) }}
        tableHeaders={text.tableHeaders}
        tableRows={tablePoints.map((point) => [formatPercent(locale, point.customerShare, 0), formatPercent(locale, point.valueShare, 0)])}
      />
      <p>{text.topNote(share)}</p>
    </div>
  );
}
