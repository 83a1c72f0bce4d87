import { checkHiddenDecline, defaultComparison, FLAT_SALES_WITHIN, periodName, shortPeriodLabel, type MonitoringCheck } from '../../lib/calculators/monitoring.ts';
import { monitoringSampleTransactions, SAMPLE_SHOWN_FROM } from '../../lib/calculators/monitoringSample.ts';
import { withSign } from '../../lib/calculators/signed.ts';
import { decomposeChange, periodMetrics, type PeriodKind, type PeriodMetrics } from '../../lib/clv/periods.ts';
import { formatNumber, formatPercent, formatYen, formatYenCompact } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { MONITORING_BOARD_DESCRIPTION } from '../../lib/calculators/descriptions.ts';
import BarChart from '../charts/BarChart.tsx';
import CalculatorFrame from './CalculatorFrame.tsx';
import { changeEffects, CompareTable, EffectsChart, PeriodsTable } from './MonitoringTables.tsx';
import { useUrlChoice } from './useUrlChoice.ts';

const KINDS: readonly PeriodKind[] = ['month', 'quarter'];
const ROWS = monitoringSampleTransactions();
/** The periods shown; the earlier records only tell new customers from returning ones. */
const shown = (kind: PeriodKind) => periodMetrics(ROWS, kind).filter((p) => p.start >= SAMPLE_SHOWN_FROM);
const METRICS: Record<PeriodKind, PeriodMetrics[]> = { month: shown('month'), quarter: shown('quarter') };
/** Every period label of both kinds, plus '' for "the default pair" (URL state). */
const PERIOD_CHOICES = ['', ...METRICS.month.map((p) => p.period), ...METRICS.quarter.map((p) => p.period)];

const TEXT = {
  ja: {
    title: 'CLVの見守りボード',
    description: MONITORING_BOARD_DESCRIPTION.ja,
    kindLabel: 'まとめる単位',
    kinds: { month: '月ごと', quarter: '四半期ごと' } as Record<PeriodKind, string>,
    revenueChart: '期間ごとの売上（円）',
    repeatChart: '期間ごとのリピーターの数',
    period: '期間',
    revenue: '売上',
    customersUnit: (n: string) => `${n}人`,
    from: '前の期間',
    to: '後の期間',
    result: (a: string, b: string) => `売上の変化（${a} → ${b}）`,
    effects: { customer: '客数', frequency: '回数', price: '単価', total: '合計' },
    effectsChart: (a: string, b: string) => `売上の変化の内訳（${a} → ${b}）`,
    effect: '効果',
    breakdown: (c: string, f: string, p: string) => `内訳：客数の効果 ${c}、回数の効果 ${f}、単価の効果 ${p}`,
    warningTitle: '注意：売上は横ばいでも、リピーターが減っています',
    warning: (sales: string, from: string, to: string, change: string) =>
      `売上の変化は${sales}でほぼ横ばいですが、リピーターは${from}人から${to}人に減りました（${change}）。新しいお客様で穴埋めしている状態です。新規の集客が止まると、売上は一気に落ちます。`,
    steady: (sales: string, change: string) => `売上は横ばい（${sales}）で、リピーターも減っていません（${change}）。`,
    moved: (sales: string, band: string) =>
      `売上が${sales}動いています（横ばいの目安は±${band}）。客数・回数・単価のどれが動いたかを内訳で確かめましょう。`,
    noBaseline: '前の期間に売上がないため、比べられません。',
  },
  en: {
    title: 'CLV monitoring board',
    description: MONITORING_BOARD_DESCRIPTION.en,
    kindLabel: 'Group by',
    kinds: { month: 'Month', quarter: 'Quarter' } as Record<PeriodKind, string>,
    revenueChart: 'Sales by period',
    repeatChart: 'Repeat customers by period',
    period: 'Period',
    revenue: 'Sales',
    customersUnit: (n: string) => n,
    from: 'Earlier period',
    to: 'Later period',
    result: (a: string, b: string) => `Change in sales (${a} → ${b})`,
    effects: { customer: 'Customers', frequency: 'Frequency', price: 'Price', total: 'Total' },
    effectsChart: (a: string, b: string) => `What moved sales (${a} → ${b})`,
    effect: 'Effect',
    breakdown: (c: string, f: string, p: string) => `Customers ${c}, frequency ${f}, price ${p}`,
    warningTitle: 'Warning: sales look flat, but repeat customers are falling',
    warning: (sales: string, from: string, to: string, change: string) =>
      `Sales changed by only ${sales}, but repeat customers fell from ${from} to ${to} (${change}). New customers are filling the gap; if new-customer campaigns stop, sales will drop sharply.`,
    steady: (sales: string, change: string) => `Sales are flat (${sales}) and repeat customers are not falling (${change}).`,
    moved: (sales: string, band: string) =>
      `Sales moved by ${sales} (flat means within ±${band}). Check the breakdown to see whether customers, frequency or price moved.`,
    noBaseline: 'The earlier period has no sales, so there is nothing to compare.',
  },
};

interface Props {
  locale: Locale;
  instance?: string;
}

/** Period components of sample sales, the change between two periods split into drivers, and the hidden-risk warning. */
export default function MonitoringBoard({ locale, instance = 'monitoring' }: Props) {
  const text = TEXT[locale];
  const [kind, setKind] = useUrlChoice<PeriodKind>(instance, 'unit', KINDS, 'month');
  const [fromChoice, setFrom] = useUrlChoice(instance, 'from', PERIOD_CHOICES, '');
  const [toChoice, setTo] = useUrlChoice(instance, 'to', PERIOD_CHOICES, '');
  const periods = METRICS[kind];
  const fallback = defaultComparison(periods.length, kind);
  const indexOf = (choice: string, otherwise: number) => {
    const index = periods.findIndex((p) => p.period === choice);
    return index >= 0 ? index : otherwise;
  };
  const a = periods[indexOf(fromChoice, fallback.from)]!;
  const b = periods[indexOf(toChoice, fallback.to)]!;
  const change = decomposeChange(a, b);
  const check = checkHiddenDecline(a, b);
  const name = (p: PeriodMetrics) => periodName(p.period, locale);
  const signedYen = (value: number) => withSign(Math.round(value), formatYen(locale, Math.round(value)));
  // 18 monthly bars leave room for about four characters per label: 190万 / ¥1.9M.
  const shortYen = (value: number) => (locale === 'ja' ? `${formatNumber(locale, value / 10_000, 0)}万` : formatYenCompact(locale, value));
  // The sign goes before the currency: -¥1.8M, not ¥-1.8M.
  const signedPercent = (ratio: number | null) => (ratio === null ? '–' : withSign(ratio, formatPercent(locale, ratio)));
  const effects = changeEffects(change, text.effects);

  const chooseKind = (next: PeriodKind) => {
    setKind(next);
    setFrom('');
    setTo('');
  };
  const select = (id: string, label: string, value: string, onChange: (period: string) => void) => (
    <div class="field">
      <label for={`${instance}-${id}`}>{label}</label>
      <div class="field__control">
        <select id={`${instance}-${id}`} value={value} onChange={(event) => onChange((event.target as HTMLSelectElement).value)}>
          {periods.map((p) => (
            <option value={p.period} key={p.period}>
              {name(p)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );

  return (
    <CalculatorFrame id={instance} title={text.title} description={text.description} locale={locale}>
      <div class="field">
        <span class="field__label" id={`${instance}-kind`}>
          {text.kindLabel}
        </span>
        <div class="calculator__toggle" role="group" aria-labelledby={`${instance}-kind`}>
          {KINDS.map((option) => (
            <button type="button" class="button button--quiet" aria-pressed={kind === option} onClick={() => chooseKind(option)} key={option}>
              {text.kinds[option]}
            </button>
          ))}
        </div>
      </div>
      <div class="calculator__charts">
        <div>
          <p class="chart__heading" aria-hidden="true">
            {text.revenueChart}
          </p>
          <BarChart
            title={text.revenueChart}
            tableHeaders={[text.period, text.revenue]}
            bars={periods.map((p) => ({ label: shortPeriodLabel(p.period), value: p.revenue, valueLabel: shortYen(p.revenue) }))}
          />
        </div>
        <div>
          <p class="chart__heading" aria-hidden="true">
            {text.repeatChart}
          </p>
          <BarChart
            title={text.repeatChart}
            tableHeaders={[text.period, text.repeatChart]}
            bars={periods.map((p) => ({
              label: shortPeriodLabel(p.period),
              value: p.returningCustomers,
              valueLabel: text.customersUnit(formatNumber(locale, p.returningCustomers)),
              tone: 'muted' as const,
            }))}
          />
        </div>
      </div>
      <PeriodsTable locale={locale} periods={periods} a={a} b={b} />
      <div class="calculator__fields">
        {select('from', text.from, a.period, setFrom)}
        {select('to', text.to, b.period, setTo)}
      </div>
      <Signal text={text} check={check} a={a} b={b} percent={signedPercent} count={(n) => formatNumber(locale, n)} band={formatPercent(locale, FLAT_SALES_WITHIN)} />
      <div class="calculator__result" aria-live="polite">
        <p class="calculator__result-label">{text.result(name(a), name(b))}</p>
        <p class="calculator__result-value" data-testid="monitoring-change">
          {signedYen(change.totalChange)} <small>({signedPercent(check.salesChange)})</small>
        </p>
        <p class="calculator__formula" data-testid="monitoring-breakdown">
          {text.breakdown(...(effects.map((effect) => signedYen(effect.value)) as [string, string, string]))}
        </p>
      </div>
      <p class="chart__heading" aria-hidden="true">
        {text.effectsChart(name(a), name(b))}
      </p>
      <EffectsChart locale={locale} title={text.effectsChart(name(a), name(b))} labels={text.effects} valueHeader={text.effect} change={change} />
      <CompareTable locale={locale} a={a} b={b} />
    </CalculatorFrame>
  );
}

interface SignalProps {
  text: (typeof TEXT)[Locale];
  check: MonitoringCheck;
  a: PeriodMetrics;
  b: PeriodMetrics;
  percent(ratio: number | null): string;
  count(value: number): string;
  band: string;
}

/** The verdict in words (role=status): the warning of the lesson, or why there is none. */
function Signal({ text, check, a, b, percent, count, band }: SignalProps) {
  if (check.signal === 'hidden-decline') {
    return (
      <div class="calculator__warning" role="status" data-testid="monitoring-signal">
        <strong>⚠ {text.warningTitle}</strong>
        {text.warning(percent(check.salesChange), count(a.returningCustomers), count(b.returningCustomers), percent(check.repeatChange))}
      </div>
    );
  }
  const message =
    check.signal === 'steady'
      ? text.steady(percent(check.salesChange), percent(check.repeatChange))
      : check.signal === 'sales-moved'
        ? text.moved(percent(check.salesChange), band)
        : text.noBaseline;
  return (
    <p class="calculator__ok" role="status" data-testid="monitoring-signal">
      {message}
    </p>
  );
}
