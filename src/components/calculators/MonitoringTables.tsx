import { compareFigures, periodName, type ComparedFigure } from '../../lib/calculators/monitoring.ts';
import { signedAmount, withSign } from '../../lib/calculators/signed.ts';
import type { ChangeDecomposition, PeriodMetrics } from '../../lib/clv/periods.ts';
import { formatNumber, formatPercent, formatYen, formatYenCompact } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import BarChart from '../charts/BarChart.tsx';

const TEXT = {
  ja: {
    periodsCaption: '期間ごとの三つの要素',
    columns: ['期間', '売上', 'お客様', '新規', 'リピーター', '1人の回数', '平均単価', 'リピーター率'],
    marks: { a: '（前）', b: '（後）' },
    history: '新しいお客様とリピーターは、表より半年前（2023年7月）からの記録で見分けています。',
    compareCaption: (a: string, b: string) => `${a} と ${b} の比較`,
    change: '（変化）',
    points: (value: string) => `${value}ポイント`,
    figures: {
      activeCustomers: 'お客様の数',
      purchasesPerCustomer: '1人あたりの回数',
      averageTicket: '平均単価',
      revenue: '売上',
      newCustomers: '新しいお客様',
      returningCustomers: 'リピーター',
      repeatRate: 'リピーター率',
    } as Record<ComparedFigure, string>,
  },
  en: {
    periodsCaption: 'The three components by period',
    columns: ['Period', 'Sales', 'Customers', 'New', 'Repeat', 'Purchases each', 'Avg ticket', 'Repeat rate'],
    marks: { a: ' (earlier)', b: ' (later)' },
    history: 'New and repeat customers are told apart using records that start six months before the table (July 2023).',
    compareCaption: (a: string, b: string) => `${a} compared with ${b}`,
    change: '(change)',
    points: (value: string) => `${value} pts`,
    figures: {
      activeCustomers: 'Customers',
      purchasesPerCustomer: 'Purchases per customer',
      averageTicket: 'Average ticket',
      revenue: 'Sales',
      newCustomers: 'New customers',
      returningCustomers: 'Repeat customers',
      repeatRate: 'Repeat rate',
    } as Record<ComparedFigure, string>,
  },
};

interface Props {
  locale: Locale;
  periods: PeriodMetrics[];
  a: PeriodMetrics;
  b: PeriodMetrics;
}

/** The per-period table, with the two compared periods marked in words. */
export function PeriodsTable({ locale, periods, a, b }: Props) {
  const text = TEXT[locale];
  const yen = (value: number) => formatYen(locale, value);
  const count = (value: number) => formatNumber(locale, value);
  return (
    <>
      <div class="table-scroll table-scroll--tall" tabIndex={0} role="region" aria-label={text.periodsCaption}>
        <table class="data-table data-table--nowrap" data-testid="monitoring-periods">
          <caption>{text.periodsCaption}</caption>
          <thead>
            <tr>
              {text.columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => {
              const mark = p === a ? text.marks.a : p === b ? text.marks.b : '';
              return (
                <tr key={p.period} class={mark ? 'data-table__row--selected' : undefined}>
                  <th scope="row">
                    {periodName(p.period, locale)}
                    {mark}
                  </th>
                  <td>{yen(p.revenue)}</td>
                  <td>{count(p.activeCustomers)}</td>
                  <td>{count(p.newCustomers)}</td>
                  <td>{count(p.returningCustomers)}</td>
                  <td>{formatNumber(locale, p.purchasesPerCustomer)}</td>
                  <td>{yen(p.averageTicket)}</td>
                  <td>{formatPercent(locale, p.repeatRate)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="field__hint calculator__note">{text.history}</p>
    </>
  );
}

/** The two compared periods side by side, figure by figure, with the change. */
export function CompareTable({ locale, a, b }: Omit<Props, 'periods'>) {
  const text = TEXT[locale];
  const show = (figure: ComparedFigure, value: number) =>
    figure === 'averageTicket' || figure === 'revenue'
      ? formatYen(locale, value)
      : figure === 'repeatRate'
        ? formatPercent(locale, value)
        : formatNumber(locale, value);
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={text.compareCaption(periodName(a.period, locale), periodName(b.period, locale))}>
      <table class="data-table data-table--compare" data-testid="monitoring-compare">
        <caption>{text.compareCaption(periodName(a.period, locale), periodName(b.period, locale))}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{periodName(a.period, locale)}</th>
            <th scope="col">
              {periodName(b.period, locale)}
              <br />
              <small>{text.change}</small>
            </th>
          </tr>
        </thead>
        <tbody>
          {compareFigures(a, b).map((row) => (
            <tr key={row.figure}>
              <th scope="row">{text.figures[row.figure]}</th>
              <td>{show(row.figure, row.a)}</td>
              <td>
                {show(row.figure, row.b)}
                <br />
                <small>
                  {row.change === null
                    ? '–'
                    : row.unit === 'points'
                      ? text.points(withSign(row.change, formatNumber(locale, row.change * 100, 1)))
                      : withSign(row.change, formatPercent(locale, row.change))}
                </small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface EffectLabels {
  customer: string;
  frequency: string;
  price: string;
  total: string;
}

/** The three parts of a change in sales, in the order the lessons explain them. */
export function changeEffects(change: ChangeDecomposition, labels: EffectLabels): { label: string; value: number }[] {
  return [
    { label: labels.customer, value: change.customerEffect },
    { label: labels.frequency, value: change.frequencyEffect },
    { label: labels.price, value: change.priceEffect },
  ];
}

interface EffectsChartProps {
  locale: Locale;
  title: string;
  labels: EffectLabels;
  /** The data table's value column. */
  valueHeader: string;
  change: ChangeDecomposition;
}

/** The change between two periods as bars: one per effect (up or down), then the total. */
export function EffectsChart({ locale, title, labels, valueHeader, change }: EffectsChartProps) {
  const signedCompact = (value: number) => signedAmount(Math.round(value), (magnitude) => formatYenCompact(locale, magnitude));
  return (
    <BarChart
      title={title}
      tableHeaders={[labels.total, valueHeader]}
      bars={[
        ...changeEffects(change, labels).map((effect) => ({
          label: effect.label,
          value: effect.value,
          valueLabel: signedCompact(effect.value),
          tone: effect.value >= 0 ? ('positive' as const) : ('negative' as const),
        })),
        { label: labels.total, value: change.totalChange, valueLabel: signedCompact(change.totalChange), tone: 'muted' as const },
      ]}
    />
  );
}
