import { simpleClv, simpleClvByYear } from '../../lib/clv/simple.ts';
import type { FieldSpec } from '../../lib/calculators/fields.ts';
import { formatNumber, formatPercent, formatYen, formatYenCompact } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { CLV_CALCULATOR_DESCRIPTION } from '../../lib/calculators/descriptions.ts';
import BarChart from '../charts/BarChart.tsx';
import CalculatorFrame from './CalculatorFrame.tsx';
import NumberField from './NumberField.tsx';
import { useCalculatorFields } from './useCalculatorFields.ts';

const SPECS = {
  price: { kind: 'money', min: 0, max: 1e10 },
  frequency: { kind: 'number', min: 0, max: 10_000 },
  years: { kind: 'number', min: 0, max: 100 },
  margin: { kind: 'percent', min: 0, max: 100, optional: true },
  discount: { kind: 'percent', min: 0, max: 100, optional: true },
} satisfies Record<string, FieldSpec>;

const DEFAULTS = { price: '5,000', frequency: '4', years: '5', margin: '', discount: '' };

const TEXT = {
  ja: {
    title: 'CLV計算機',
    description: CLV_CALCULATOR_DESCRIPTION.ja,
    price: '平均購入額',
    frequency: '年間の購入回数',
    years: '継続年数',
    margin: '粗利率（任意）',
    marginHint: '空欄なら売上ベースで計算します。',
    discount: '割引率（任意・年）',
    discountHint: '将来の売上を今の価値に直すときに使います。空欄なら割引しません。',
    perYear: '回/年',
    yearsUnit: '年',
    result: 'このお客様のCLV',
    formula: '計算式',
    chart: '年ごとの累計CLV',
    yearLabel: (n: number) => `${n}年目`,
    tableYear: '年',
    tableValue: '累計CLV',
  },
  en: {
    title: 'CLV calculator',
    description: CLV_CALCULATOR_DESCRIPTION.en,
    price: 'Average purchase',
    frequency: 'Purchases per year',
    years: 'Years as a customer',
    margin: 'Gross margin (optional)',
    marginHint: 'Leave empty to calculate on revenue.',
    discount: 'Discount rate per year (optional)',
    discountHint: 'Turns future revenue into today’s value. Leave empty for no discounting.',
    perYear: '/ year',
    yearsUnit: 'years',
    result: 'CLV of this customer',
    formula: 'Formula',
    chart: 'Cumulative CLV by year',
    yearLabel: (n: number) => `Y${n}`,
    tableYear: 'Year',
    tableValue: 'Cumulative CLV',
  },
};

interface Props {
  locale: Locale;
  /** Distinguishes two calculators of the same kind on one page (URL keys, element ids). */
  instance?: string;
}

/** Average purchase x purchases per year x years, with optional margin and discounting. */
export default function ClvCalculator({ locale, instance = 'clv' }: Props) {
  const text = TEXT[locale];
  const fields = useCalculatorFields(instance, SPECS, DEFAULTS);
  const { price = 0, frequency = 0, years = 0, margin, discount } = fields.values;
  const input = {
    averagePurchase: price,
    purchasesPerYear: frequency,
    retentionYears: years,
    ...(margin !== undefined && { grossMargin: margin }),
    ...(discount !== undefined && { discountRatePerYear: discount }),
  };
  const clv = simpleClv(input);
  const byYear = simpleClvByYear(input);
  const formula = [
    formatYen(locale, price),
    `${formatNumber(locale, frequency)}${locale === 'ja' ? '回' : ''}`,
    `${formatNumber(locale, years)}${locale === 'ja' ? '年' : ' yr'}`,
    ...(margin !== undefined ? [formatPercent(locale, margin)] : []),
  ].join(' × ');
  const field = (name: keyof typeof SPECS, label: string, unit?: string, hint?: string) => (
    <NumberField
      {...fields.bind(name)}
      label={label}
      unit={unit}
      hint={hint}
      locale={locale}
    />
  );
  return (
    <CalculatorFrame
      id={instance}
      title={text.title}
      description={text.description}
      locale={locale}
      stale={fields.stale}
      invalid={fields.invalidLabels(text)}
      summary={{ label: text.result, value: formatYen(locale, clv) }}
    >
      <div class="calculator__fields">
        {field('price', text.price, locale === 'ja' ? '円' : '¥')}
        {field('frequency', text.frequency, text.perYear)}
        {field('years', text.years, text.yearsUnit)}
        {field('margin', text.margin, '%', text.marginHint)}
        {field('discount', text.discount, '%', text.discountHint)}
      </div>
      <div class="calculator__result" aria-live="polite">
        <p class="calculator__result-label">{text.result}</p>
        <p class="calculator__result-value" data-testid="clv-result">
          {formatYen(locale, clv)}
        </p>
        <p class="calculator__formula">
          {text.formula}: {formula}
          {discount !== undefined && discount > 0 ? ` (${text.discount} ${formatPercent(locale, discount)})` : ''} = {formatYen(locale, clv)}
        </p>
      </div>
      {byYear.length > 0 && byYear.length <= 100 && (
        <BarChart
          title={text.chart}
          tableHeaders={[text.tableYear, text.tableValue]}
          bars={byYear.map((year) => ({
            label: text.yearLabel(year.year),
            value: year.cumulative,
            valueLabel: formatYenCompact(locale, year.cumulative),
          }))}
        />
      )}
    </CalculatorFrame>
  );
}
