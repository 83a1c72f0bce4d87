import { groupClv } from '../../lib/clv/simple.ts';
import type { FieldSpec } from '../../lib/calculators/fields.ts';
import { activePreset, presetById } from '../../lib/calculators/presets.ts';
import { formatNumber, formatYen } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { GROUP_CLV_ESTIMATOR_DESCRIPTION } from '../../lib/calculators/descriptions.ts';
import CalculatorFrame from './CalculatorFrame.tsx';
import NumberField from './NumberField.tsx';
import PresetButtons from './PresetButtons.tsx';
import { useCalculatorFields } from './useCalculatorFields.ts';

const SPECS = {
  sales: { kind: 'money', min: 0, max: 1e13 },
  visits: { kind: 'number', min: 1, max: 1e10 },
  customers: { kind: 'number', min: 1, max: 1e9 },
  years: { kind: 'number', min: 0, max: 100 },
} satisfies Record<string, FieldSpec>;

/** The lesson's set-meal restaurant: ticket 2,000 yen x 1,000 visits = 2,000,000 yen, 200 customers, 3 years. */
const PRESETS = [{ id: 'restaurant', texts: { sales: '2,000,000', visits: '1,000', customers: '200', years: '3' } }];

const TEXT = {
  ja: {
    title: 'お客様全体の平均からCLVを見積もる',
    description: GROUP_CLV_ESTIMATOR_DESCRIPTION.ja,
    presets: '例',
    restaurant: '定食屋の例',
    restaurantNote: '客単価2,000円で年1,000回（総売上200万円）、お客様200人、3年の例を入れます。',
    sales: '1年の総売上',
    salesHint: '客単価×総来店回数でも出せます。',
    visits: '1年の総来店回数',
    customers: 'お客様のおおよその人数',
    customersHint: 'ポイントカードの枚数などから見積もります。',
    years: 'お付き合いの年数（仮定）',
    yen: '円',
    times: '回',
    people: '人',
    yearsUnit: '年',
    result: '平均的なお客様一人のCLV',
    steps: '計算の順番',
    visitsStep: '一人あたりの来店回数',
    ticketStep: '平均の客単価',
    yearlyStep: '一人あたりの1年の売上',
    clvStep: 'CLV',
    colon: '：',
    check: (sales: string, customers: string, value: string) => `確かめ：総売上 ${sales} ÷ ${customers} = ${value}`,
    perYear: (n: string) => `年${n}回`,
    count: (n: string) => `${n}回`,
    persons: (n: string) => `${n}人`,
    yearCount: (n: string) => `${n}年`,
  },
  en: {
    title: 'CLV from shop-wide averages',
    description: GROUP_CLV_ESTIMATOR_DESCRIPTION.en,
    presets: 'Example',
    restaurant: 'Set-meal restaurant',
    restaurantNote: 'Fills in a 2,000 yen average ticket over 1,000 visits a year (2,000,000 yen of sales), about 200 customers and 3 years.',
    sales: 'Total sales in one year',
    salesHint: 'Average ticket × total visits gives the same figure.',
    visits: 'Total visits in one year',
    customers: 'Estimated number of customers',
    customersHint: 'Estimate it from loyalty cards issued, for example.',
    years: 'Years the relationship lasts (assumed)',
    yen: '¥',
    times: 'visits',
    people: 'customers',
    yearsUnit: 'years',
    result: 'CLV of an average customer',
    steps: 'Step by step',
    visitsStep: 'Visits per customer',
    ticketStep: 'Average ticket',
    yearlyStep: 'Sales per customer per year',
    clvStep: 'CLV',
    colon: ': ',
    check: (sales: string, customers: string, value: string) => `Check: total sales ${sales} ÷ ${customers} = ${value}`,
    perYear: (n: string) => `${n} a year`,
    count: (n: string) => `${n} visits`,
    persons: (n: string) => `${n} customers`,
    yearCount: (n: string) => `${n} years`,
  },
};

interface Props {
  locale: Locale;
  /** Distinguishes two calculators of the same kind on one page (URL keys, element ids). */
  instance?: string;
  /** Starting example; `restaurant` (the default). */
  preset?: string;
}

/** Anonymous customers: CLV of an average customer from a year of shop totals (groupClv). */
export default function GroupClvEstimator({ locale, instance = 'group-clv', preset }: Props) {
  const text = TEXT[locale];
  const fields = useCalculatorFields(instance, SPECS, presetById(PRESETS, preset).texts);
  const { sales = 0, visits = 1, customers = 1, years = 0 } = fields.values;
  const result = groupClv({ totalSales: sales, totalVisits: visits, estimatedCustomers: customers, retentionYears: years });
  const yen = (value: number) => formatYen(locale, value);
  const num = (value: number) => formatNumber(locale, value);
  const steps = [
    { label: text.visitsStep, formula: `${text.count(num(visits))} ÷ ${text.persons(num(customers))}`, value: text.perYear(num(result.visitsPerCustomerPerYear)) },
    { label: text.ticketStep, formula: `${yen(sales)} ÷ ${text.count(num(visits))}`, value: yen(result.averageSpendPerVisit) },
    {
      label: text.yearlyStep,
      formula: `${yen(result.averageSpendPerVisit)} × ${text.count(num(result.visitsPerCustomerPerYear))}`,
      value: yen(result.salesPerCustomerPerYear),
    },
    { label: text.clvStep, formula: `${yen(result.salesPerCustomerPerYear)} × ${text.yearCount(num(years))}`, value: yen(result.clv) },
  ];
  const field = (name: keyof typeof SPECS, label: string, unit: string, hint?: string) => (
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
      summary={{ label: text.result, value: yen(result.clv) }}
    >
      <PresetButtons
        id={instance}
        label={text.presets}
        presets={[{ id: 'restaurant', label: text.restaurant, description: text.restaurantNote }]}
        active={activePreset(fields.texts, PRESETS)}
        onSelect={(id) => fields.setTexts(presetById(PRESETS, id).texts)}
      />
      <div class="calculator__fields">
        {field('sales', text.sales, text.yen, text.salesHint)}
        {field('visits', text.visits, text.times)}
        {field('customers', text.customers, text.people, text.customersHint)}
        {field('years', text.years, text.yearsUnit)}
      </div>
      <div class="calculator__result" aria-live="polite">
        <p class="calculator__result-label">{text.result}</p>
        <p class="calculator__result-value" data-testid="group-clv-result">
          {yen(result.clv)}
        </p>
        <p class="calculator__result-label">{text.steps}</p>
        <ol class="calculator__steps">
          {steps.map((step, index) => (
            <li key={index} data-testid={`group-clv-step-${index + 1}`}>
              <span class="calculator__step-label">{step.label}</span>
              {text.colon}
              {step.formula} = <strong>{step.value}</strong>
            </li>
          ))}
        </ol>
        <p class="calculator__formula">{text.check(yen(sales), text.persons(num(customers)), yen(result.salesPerCustomerPerYear))}</p>
      </div>
    </CalculatorFrame>
  );
}
