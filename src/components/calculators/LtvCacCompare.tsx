import { ltvToCac } from '../../lib/clv/cac.ts';
import { compareSpend, type SpendOption } from '../../lib/calculators/budget.ts';
import type { FieldSpec } from '../../lib/calculators/fields.ts';
import { activePreset, presetById } from '../../lib/calculators/presets.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import CacRatioCard from './CacRatioCard.tsx';
import CalculatorFrame from './CalculatorFrame.tsx';
import NumberField from './NumberField.tsx';
import PresetButtons from './PresetButtons.tsx';
import SpendComparison from './SpendComparison.tsx';
import { useCalculatorFields } from './useCalculatorFields.ts';

const SPECS = {
  clvA: { kind: 'money', min: 0, max: 1e12 },
  cacA: { kind: 'money', min: 1, max: 1e12 },
  marginA: { kind: 'money', min: 1, max: 1e12, optional: true },
  clvB: { kind: 'money', min: 0, max: 1e12 },
  cacB: { kind: 'money', min: 1, max: 1e12 },
  marginB: { kind: 'money', min: 1, max: 1e12, optional: true },
  budget: { kind: 'money', min: 0, max: 1e12 },
} satisfies Record<string, FieldSpec>;

/** monitoring-clv: referrals CLV 120,000 / CAC 20,000 (6x) against flyers CLV 60,000 / CAC 30,000 (2x). */
const PRESETS = [
  {
    id: 'channels',
    texts: { clvA: '120,000', cacA: '20,000', marginA: '', clvB: '60,000', cacB: '30,000', marginB: '', budget: '100,000' },
  },
];

const TEXT = {
  ja: {
    title: '二つのグループのCLVとCAC',
    description:
      'この計算機では、二つのお客様のグループについて、CLVがCACの何倍かを並べて比べます。同じ予算をそれぞれの集客に使ったとき、どちらが大きな価値につながるかも計算します。',
    presets: '例',
    channels: '紹介とチラシの例',
    channelsNote: '紹介はCLV 120,000円・CAC 20,000円、チラシはCLV 60,000円・CAC 30,000円の例を入れます。',
    groups: [
      { full: '紹介で来たお客様', short: '紹介' },
      { full: 'チラシで来たお客様', short: 'チラシ' },
    ],
    clv: 'CLV',
    cac: '一人あたりのCAC',
    margin: '1か月あたりの粗利（任意）',
    budgetTitle: '同じ予算をどちらの集客に使う？',
    budget: '追加の予算',
    assumption: '前提：一人あたりのCACは、予算を増やしても変わらないものとします。',
    yen: '円',
  },
  en: {
    title: 'CLV and CAC of two customer groups',
    description:
      'This calculator puts two customer groups side by side and shows how many times its CAC each group’s CLV is. It also works out which group brings more value when the same budget is spent on winning its customers.',
    presets: 'Example',
    channels: 'Referrals and flyers',
    channelsNote: 'Fills in referrals with a CLV of 120,000 yen and a CAC of 20,000 yen, and flyers with 60,000 yen and 30,000 yen.',
    groups: [
      { full: 'Customers from referrals', short: 'Referrals' },
      { full: 'Customers from flyers', short: 'Flyers' },
    ],
    clv: 'CLV',
    cac: 'CAC per customer',
    margin: 'Gross profit per month (optional)',
    budgetTitle: 'Which group should the same budget go to?',
    budget: 'Extra budget',
    assumption: 'Assumption: the CAC per customer stays the same however much you spend.',
    yen: '¥',
  },
};

interface Props {
  locale: Locale;
  instance?: string;
  preset?: string;
}

/** Two customer groups: LTV:CAC of each, and the same budget spent on winning each group. */
export default function LtvCacCompare({ locale, instance = 'ltv-cac', preset }: Props) {
  const text = TEXT[locale];
  const fields = useCalculatorFields(instance, SPECS, presetById(PRESETS, preset).texts);
  const { clvA = 0, cacA = 1, marginA, clvB = 0, cacB = 1, marginB, budget = 0 } = fields.values;
  const groups = [
    { suffix: 'A', clv: clvA, cac: cacA, margin: marginA },
    { suffix: 'B', clv: clvB, cac: cacB, margin: marginB },
  ] as const;
  const options: [SpendOption, SpendOption] = [
    { costPerCustomer: cacA, valuePerCustomer: clvA },
    { costPerCustomer: cacB, valuePerCustomer: clvB },
  ];
  const field = (name: keyof typeof SPECS, label: string, unit: string) => (
    <NumberField
      {...fields.bind(name)}
      label={label}
      unit={unit}
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
      invalid={fields.invalidLabels({
        clvA: `${text.groups[0]!.short}: ${text.clv}`,
        cacA: `${text.groups[0]!.short}: ${text.cac}`,
        marginA: `${text.groups[0]!.short}: ${text.margin}`,
        clvB: `${text.groups[1]!.short}: ${text.clv}`,
        cacB: `${text.groups[1]!.short}: ${text.cac}`,
        marginB: `${text.groups[1]!.short}: ${text.margin}`,
        budget: text.budget,
      })}
    >
      <PresetButtons
        id={instance}
        label={text.presets}
        presets={[{ id: 'channels', label: text.channels, description: text.channelsNote }]}
        active={activePreset(fields.texts, PRESETS)}
        onSelect={(id) => fields.setTexts(presetById(PRESETS, id).texts)}
      />
      <div class="group-columns">
        {groups.map((group, index) => (
          <fieldset class="group-column" key={group.suffix}>
            <legend>{text.groups[index]!.full}</legend>
            <div class="calculator__fields calculator__fields--stacked">
              {field(`clv${group.suffix}`, text.clv, text.yen)}
              {field(`cac${group.suffix}`, text.cac, text.yen)}
              {field(`margin${group.suffix}`, text.margin, text.yen)}
            </div>
            <div class="calculator__result" aria-live="polite">
              <CacRatioCard
                locale={locale}
                heading={text.groups[index]!.short}
                clv={group.clv}
                cac={group.cac}
                result={ltvToCac({ clv: group.clv, cac: group.cac, ...(group.margin !== undefined && { marginPerMonth: group.margin }) })}
                testId={`ltv-cac-card-${index + 1}`}
              />
            </div>
          </fieldset>
        ))}
      </div>
      <h4 class="calculator__section">{text.budgetTitle}</h4>
      <div class="calculator__fields">{field('budget', text.budget, text.yen)}</div>
      <p class="calculator__assumption">{text.assumption}</p>
      <div class="calculator__result" aria-live="polite">
        <SpendComparison
          locale={locale}
          budget={budget}
          labels={[text.groups[0]!, text.groups[1]!]}
          options={options}
          comparison={compareSpend(budget, ...options)}
          testId="ltv-cac-spend"
        />
      </div>
    </CalculatorFrame>
  );
}
