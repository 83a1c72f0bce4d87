import { acquisitionCostTrend, ltvToCac } from '../../lib/clv/cac.ts';
import { compareSpend, type SpendOption } from '../../lib/calculators/budget.ts';
import type { FieldSpec } from '../../lib/calculators/fields.ts';
import { activePreset, presetById } from '../../lib/calculators/presets.ts';
import { withSign } from '../../lib/calculators/signed.ts';
import { formatPercent, formatYen } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { LTV_CAC_CALCULATOR_DESCRIPTION } from '../../lib/calculators/descriptions.ts';
import BarChart from '../charts/BarChart.tsx';
import CacRatioCard from './CacRatioCard.tsx';
import CalculatorFrame from './CalculatorFrame.tsx';
import LtvCacCompare from './LtvCacCompare.tsx';
import NumberField from './NumberField.tsx';
import PresetButtons from './PresetButtons.tsx';
import SpendComparison from './SpendComparison.tsx';
import { useCalculatorFields } from './useCalculatorFields.ts';

const SPECS = {
  adSpend: { kind: 'money', min: 0, max: 1e12 },
  customersThen: { kind: 'number', min: 1, max: 1e9 },
  customersNow: { kind: 'number', min: 1, max: 1e9 },
  clv: { kind: 'money', min: 0, max: 1e12 },
  cac: { kind: 'money', min: 1, max: 1e12, optional: true },
  margin: { kind: 'money', min: 1, max: 1e12, optional: true },
  budget: { kind: 'money', min: 0, max: 1e12 },
  keepCost: { kind: 'money', min: 1, max: 1e12 },
  keepValue: { kind: 'money', min: 0, max: 1e12, optional: true },
} satisfies Record<string, FieldSpec>;

/** Ms. Ishida's shop (why-clv-now): 10,000 yen of flyers brought 10 customers, now 3; gross-profit CLV 10,000. */
const PRESETS = [
  {
    id: 'ishida',
    texts: { adSpend: '10,000', customersThen: '10', customersNow: '3', clv: '10,000', cac: '', margin: '', budget: '100,000', keepCost: '2,000', keepValue: '' },
  },
];

const TEXT = {
  ja: {
    title: 'CLVとCACの比率',
    description: LTV_CAC_CALCULATOR_DESCRIPTION.ja,
    presets: '例',
    ishida: '石田さんの店の例',
    ishidaNote: '同じ10,000円の広告で以前は10人、今は3人。粗利で見たCLVは10,000円の例を入れます。',
    trend: '1. 一人あたりの獲得費用の変化',
    adSpend: '広告・販促の費用',
    customersThen: '以前に獲得できた人数',
    customersNow: '今獲得できる人数',
    then: '以前',
    now: '今',
    trendSummary: (then: string, now: string, change: string) => `一人あたりのCAC：以前 ${then} → 今 ${now}（${change}）`,
    trendChart: '一人あたりのCAC（以前と今）',
    trendHeaders: ['時期', '一人あたりのCAC'] as [string, string],
    ratio: '2. CLVとCACの比率',
    clv: '粗利で見たCLV',
    cac: 'CAC（任意）',
    cacHint: (now: string) => `空欄なら、上の「今」のCAC（${now}）を使います。`,
    margin: '1か月あたりの粗利（任意）',
    marginHint: 'お客様一人が1か月にもたらす粗利です。獲得費用を何か月で取り戻せるかを出します。',
    entered: '入力したCAC',
    budgetTitle: '3. 追加の予算をどこに使う？',
    budget: '追加の予算',
    keepCost: '一人を引き留める費用',
    keepCostHint: '引き留めにかけた費用を、そのおかげで残ってくださった人数で割った金額です。2,000円は例なので、自店の数字に置き換えてください。',
    keepValue: '引き留めた一人がもたらす粗利（任意）',
    keepValueHint: '空欄なら、新しいお客様と同じCLVとみなします。',
    assumption:
      '前提：一人あたりの費用は、予算を増やしても変わらないものとします。獲得には上のCAC、引き留めには入力した費用を使います。',
    acquire: { full: '新しいお客様の獲得', short: '獲得' },
    keep: { full: '今のお客様の引き留め', short: '引き留め' },
    yen: '円',
    people: '人',
  },
  en: {
    title: 'LTV to CAC ratio',
    description: LTV_CAC_CALCULATOR_DESCRIPTION.en,
    presets: 'Example',
    ishida: 'Ms. Ishida’s shops',
    ishidaNote: 'Fills in 10,000 yen of advertising that once brought 10 customers and now brings 3, and a gross-profit CLV of 10,000 yen.',
    trend: '1. How the cost per customer changed',
    adSpend: 'Advertising and promotion spend',
    customersThen: 'Customers won before',
    customersNow: 'Customers won now',
    then: 'Before',
    now: 'Now',
    trendSummary: (then: string, now: string, change: string) => `CAC per customer: before ${then} → now ${now} (${change})`,
    trendChart: 'CAC per customer, before and now',
    trendHeaders: ['Period', 'CAC per customer'] as [string, string],
    ratio: '2. CLV against CAC',
    clv: 'CLV in gross profit',
    cac: 'CAC (optional)',
    cacHint: (now: string) => `Leave empty to use today’s CAC from above (${now}).`,
    margin: 'Gross profit per month (optional)',
    marginHint: 'The gross profit one customer brings in a month. Shows how many months it takes to earn the CAC back.',
    entered: 'Your CAC',
    budgetTitle: '3. Where should an extra budget go?',
    budget: 'Extra budget',
    keepCost: 'Cost of keeping one customer',
    keepCostHint: 'What you spend on keeping customers, divided by the customers who stayed because of it. 2,000 yen is only an example: use your own figure.',
    keepValue: 'Gross profit a kept customer brings (optional)',
    keepValueHint: 'Leave empty to count the same CLV as a new customer.',
    assumption:
      'Assumption: the cost per customer stays the same however much you spend. Winning uses the CAC above; keeping uses the cost you entered.',
    acquire: { full: 'Winning new customers', short: 'Win new' },
    keep: { full: 'Keeping current customers', short: 'Keep current' },
    yen: '¥',
    people: 'customers',
  },
};

interface Props {
  locale: Locale;
  /** Distinguishes two calculators of the same kind on one page (URL keys, element ids). */
  instance?: string;
  /** `ishida` (default): CAC trend, ratio and budget; `channels`: two customer groups compared. */
  preset?: string;
}

/** LTV:CAC: the CAC trend, the ratio with its verdict, and acquisition against retention for a budget. */
export default function LtvCacCalculator(props: Props) {
  return props.preset === 'channels' ? <LtvCacCompare {...props} /> : <LtvCacSingle {...props} />;
}

function LtvCacSingle({ locale, instance = 'ltv-cac', preset }: Props) {
  const text = TEXT[locale];
  const fields = useCalculatorFields(instance, SPECS, presetById(PRESETS, preset).texts);
  const { adSpend = 0, customersThen = 1, customersNow = 1, clv = 0, cac, margin, budget = 0, keepCost = 1, keepValue } = fields.values;
  const [then, now] = acquisitionCostTrend([
    { adSpend, customersAcquired: customersThen },
    { adSpend, customersAcquired: customersNow },
  ]) as [{ cacPerCustomer: number; changeFromFirst: number }, { cacPerCustomer: number; changeFromFirst: number }];
  const yen = (value: number) => formatYen(locale, value);
  const withMargin = margin === undefined ? {} : { marginPerMonth: margin };
  // Both periods cost something unless the ad spend is 0; a CAC of 0 has no ratio.
  const cards =
    cac !== undefined
      ? [{ heading: text.entered, cac }]
      : [
          { heading: text.then, cac: then.cacPerCustomer },
          { heading: text.now, cac: now.cacPerCustomer },
        ].filter((card) => card.cac > 0);
  const usedCac = cac ?? now.cacPerCustomer;
  const options: [SpendOption, SpendOption] = [
    { costPerCustomer: usedCac, valuePerCustomer: clv },
    { costPerCustomer: keepCost, valuePerCustomer: keepValue ?? clv },
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
    <CalculatorFrame id={instance} title={text.title} description={text.description} locale={locale} stale={fields.stale} invalid={fields.invalidLabels(text)}>
      <PresetButtons
        id={instance}
        label={text.presets}
        presets={[{ id: 'ishida', label: text.ishida, description: text.ishidaNote }]}
        active={activePreset(fields.texts, PRESETS)}
        onSelect={(id) => fields.setTexts(presetById(PRESETS, id).texts)}
      />
      <h4 class="calculator__section">{text.trend}</h4>
      <div class="calculator__fields">
        {field('adSpend', text.adSpend, text.yen)}
        {field('customersThen', text.customersThen, text.people)}
        {field('customersNow', text.customersNow, text.people)}
      </div>
      <p class="calculator__summary" data-testid="cac-trend" aria-live="polite">
        {text.trendSummary(yen(then.cacPerCustomer), yen(now.cacPerCustomer), withSign(now.changeFromFirst, formatPercent(locale, now.changeFromFirst, 0)))}
      </p>
      <div class="chart-compact">
        <BarChart
          title={text.trendChart}
          tableHeaders={text.trendHeaders}
          height={140}
          bars={[
            { label: text.then, value: then.cacPerCustomer, valueLabel: yen(then.cacPerCustomer), tone: 'muted' },
            { label: text.now, value: now.cacPerCustomer, valueLabel: yen(now.cacPerCustomer), tone: 'accent' },
          ]}
        />
      </div>
      <h4 class="calculator__section">{text.ratio}</h4>
      <div class="calculator__fields">
        {field('clv', text.clv, text.yen)}
        {field('cac', text.cac, text.yen, text.cacHint(yen(now.cacPerCustomer)))}
        {field('margin', text.margin, text.yen, text.marginHint)}
      </div>
      <div class="calculator__result ratio-cards" aria-live="polite">
        {cards.map((card, index) => (
          <CacRatioCard
            key={card.heading}
            locale={locale}
            heading={card.heading}
            clv={clv}
            cac={card.cac}
            result={ltvToCac({ clv, cac: card.cac, ...withMargin })}
            testId={`ltv-cac-card-${index + 1}`}
          />
        ))}
      </div>
      <h4 class="calculator__section">{text.budgetTitle}</h4>
      <div class="calculator__fields">
        {field('budget', text.budget, text.yen)}
        {field('keepCost', text.keepCost, text.yen, text.keepCostHint)}
        {field('keepValue', text.keepValue, text.yen, text.keepValueHint)}
      </div>
      <p class="calculator__assumption">{text.assumption}</p>
      {usedCac > 0 && (
        <div class="calculator__result" aria-live="polite">
          <SpendComparison
            locale={locale}
            budget={budget}
            labels={[text.acquire, text.keep]}
            options={options}
            comparison={compareSpend(budget, ...options)}
            testId="ltv-cac-spend"
          />
        </div>
      )}
    </CalculatorFrame>
  );
}
