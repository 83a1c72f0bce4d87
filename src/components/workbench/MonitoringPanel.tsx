import { useState } from 'preact/hooks';
import { checkHiddenDecline, periodName } from '../../lib/calculators/monitoring.ts';
import { withSign } from '../../lib/calculators/signed.ts';
import { decomposeChange, type PeriodKind, type PeriodMetrics } from '../../lib/clv/periods.ts';
import { formatNumber, formatPercent, formatYen, formatYenCompact } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { defaultPeriods, shortPeriodLabel, type Monitoring } from '../../lib/workbench/monitoring.ts';
import BarChart from '../charts/BarChart.tsx';
import { changeEffects, CompareTable, EffectsChart } from '../calculators/MonitoringTables.tsx';
import CohortTable from './CohortTable.tsx';

const TEXT = {
  ja: {
    kind: '集計の単位',
    kinds: { month: '月ごと', quarter: '四半期ごと' } as Record<PeriodKind, string>,
    revenueChart: '期間ごとの売上（万円）',
    period: '期間',
    revenue: '売上',
    tableCaption: 'CLVの三つの要素の推移',
    columns: ['期間', '売上', 'お客様', '1人の回数', '平均購入額', 'リピーター率'],
    partial: '（途中まで）',
    partialNote: '「途中まで」の期間は、データがその期間の途中で終わって（始まって）います。比べるときは気をつけてください。',
    from: '比べる期間（前）',
    to: '比べる期間（後）',
    change: (a: string, b: string) => `${a} から ${b} への売上の変化`,
    effects: { customer: 'お客様の数', frequency: '購入回数', price: '購入額', total: '合計' },
    effectsChart: (a: string, b: string) => `${a} から ${b} への売上の変化の内訳`,
    effect: '影響',
    breakdown: (customer: string, frequency: string, price: string) => `お客様の数 ${customer}、購入回数 ${frequency}、購入額 ${price}`,
    warningTitle: '売上は横ばいでも、リピーターが減っています',
    warning: (sales: string, repeat: string) => `売上の変化は ${sales} ですが、リピーターは ${repeat} 変わりました。新しいお客様で穴埋めしている可能性があります。`,
    cohorts: '初回購入月ごとの継続率',
  },
  en: {
    kind: 'Period',
    kinds: { month: 'Monthly', quarter: 'Quarterly' } as Record<PeriodKind, string>,
    revenueChart: 'Sales by period (JPY)',
    period: 'Period',
    revenue: 'Sales',
    tableCaption: 'The three CLV components over time',
    columns: ['Period', 'Sales', 'Customers', 'Purchases each', 'Avg purchase', 'Repeat rate'],
    partial: ' (partial)',
    partialNote: 'A “partial” period is one the data covers only in part (it starts or ends inside it). Compare it with care.',
    from: 'Compare (earlier)',
    to: 'with (later)',
    change: (a: string, b: string) => `Change in sales from ${a} to ${b}`,
    effects: { customer: 'Customers', frequency: 'Frequency', price: 'Purchase value', total: 'Total' },
    effectsChart: (a: string, b: string) => `What drove the change in sales from ${a} to ${b}`,
    effect: 'Effect',
    breakdown: (customer: string, frequency: string, price: string) => `customers ${customer}, frequency ${frequency}, purchase value ${price}`,
    warningTitle: 'Sales look flat, but repeat customers are falling',
    warning: (sales: string, repeat: string) => `Sales changed by ${sales}, repeat customers by ${repeat}. New customers may be hiding the loss.`,
    cohorts: 'Retention by first-purchase month',
  },
};

/** Monthly or quarterly components, the decomposition of a chosen change, and cohort retention. */
export default function MonitoringPanel({ locale, monitoring }: { locale: Locale; monitoring: Monitoring }) {
  const text = TEXT[locale];
  const [kind, setKind] = useState<PeriodKind>('month');
  const [choice, setChoice] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const series = monitoring[kind];
  const { periods } = series;
  if (periods.length === 0) return null;
  const fallback = defaultPeriods(series, kind);
  const find = (period: string, otherwise: number) => periods.find((p) => p.period === period) ?? periods[otherwise]!;
  const a = find(choice.from, fallback.from);
  const b = find(choice.to, fallback.to);
  const change = decomposeChange(a, b);
  const check = checkHiddenDecline(a, b);
  const name = (p: PeriodMetrics) => periodName(p.period, locale);
  const isPartial = (index: number) => (index === 0 && series.firstPartial) || (index === periods.length - 1 && series.lastPartial);
  const yen = (value: number) => formatYen(locale, value);
  const signedYen = (value: number) => withSign(Math.round(value), yen(Math.round(value)));
  const signedPercent = (ratio: number | null) => (ratio === null ? '–' : withSign(ratio, formatPercent(locale, ratio)));
  // 24 monthly bars leave room for about three characters per label: 195 (万円) / 1.9M.
  const compact = (value: number) =>
    locale === 'ja' ? formatNumber(locale, value / 10_000, 0) : formatYenCompact(locale, value).replace('¥', '');
  const effects = changeEffects(change, text.effects);
  const select = (id: 'from' | 'to', label: string, value: string) => (
    <div class="field">
      <label for={`workbench-${id}`}>{label}</label>
      <div class="field__control">
        <select id={`workbench-${id}`} value={value} onChange={(event) => setChoice({ ...choice, from: a.period, to: b.period, [id]: (event.target as HTMLSelectElement).value })}>
          {periods.map((p, index) => (
            <option value={p.period} key={p.period}>
              {name(p)}
              {isPartial(index) ? text.partial : ''}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
  return (
    <div class="workbench-panel-body">
      <div class="field">
        <span class="field__label" id="workbench-kind">
          {text.kind}
        </span>
        <div class="calculator__toggle" role="group" aria-labelledby="workbench-kind">
          {(['month', 'quarter'] as const).map((option) => (
            <button
              type="button"
              class="button button--quiet"
              aria-pressed={kind === option}
              key={option}
              onClick={() => {
                setKind(option);
                setChoice({ from: '', to: '' });
              }}
            >
              {text.kinds[option]}
            </button>
          ))}
        </div>
      </div>
      <p class="chart__heading" aria-hidden="true">
        {text.revenueChart}
      </p>
      <BarChart
        title={text.revenueChart}
        tableHeaders={[text.period, text.revenue]}
        bars={periods.map((p, index) => ({ label: shortPeriodLabel(p.period), value: p.revenue, valueLabel: compact(p.revenue), tone: isPartial(index) ? 'muted' : 'accent' }))}
      />
      <div class="table-scroll table-scroll--tall" tabIndex={0} role="region" aria-label={text.tableCaption}>
        <table class="data-table data-table--nowrap" data-testid="period-table">
          <caption>{text.tableCaption}</caption>
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
            {periods.map((p, index) => (
              <tr key={p.period} class={p === a || p === b ? 'data-table__row--selected' : undefined}>
                <th scope="row">
                  {name(p)}
                  {isPartial(index) ? text.partial : ''}
                </th>
                <td>{yen(p.revenue)}</td>
                <td>{formatNumber(locale, p.activeCustomers)}</td>
                <td>{formatNumber(locale, p.purchasesPerCustomer)}</td>
                <td>{yen(p.averageTicket)}</td>
                <td>{formatPercent(locale, p.repeatRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(series.firstPartial || series.lastPartial) && <p class="field__hint">{text.partialNote}</p>}
      <div class="calculator__fields">
        {select('from', text.from, a.period)}
        {select('to', text.to, b.period)}
      </div>
      {check.signal === 'hidden-decline' && (
        <div class="calculator__warning" role="status" data-testid="hidden-decline">
          <strong>⚠ {text.warningTitle}</strong>
          {text.warning(signedPercent(check.salesChange), signedPercent(check.repeatChange))}
        </div>
      )}
      <div class="calculator__result" aria-live="polite">
        <p class="calculator__result-label">{text.change(name(a), name(b))}</p>
        <p class="calculator__result-value" data-testid="period-change">
          {signedYen(change.totalChange)} <small>({signedPercent(check.salesChange)})</small>
        </p>
        <p class="calculator__formula">{text.breakdown(...(effects.map((effect) => signedYen(effect.value)) as [string, string, string]))}</p>
      </div>
      <EffectsChart locale={locale} title={text.effectsChart(name(a), name(b))} labels={text.effects} valueHeader={text.effect} change={change} />
      <CompareTable locale={locale} a={a} b={b} />
      <h3>{text.cohorts}</h3>
      <CohortTable locale={locale} cohorts={monitoring.cohorts} total={monitoring.cohortCount} />
    </div>
  );
}
