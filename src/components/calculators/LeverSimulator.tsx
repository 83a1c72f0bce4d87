import { leverWhatIf, type LeverContributions } from '../../lib/clv/levers.ts';
import type { FieldSpec } from '../../lib/calculators/fields.ts';
import { LEVER_PRESETS, type LeverField } from '../../lib/calculators/leverPresets.ts';
import { activePreset, presetById } from '../../lib/calculators/presets.ts';
import { signedAmount, withSign } from '../../lib/calculators/signed.ts';
import { formatPercent, formatYen, formatYenCompact } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { LEVER_SIMULATOR_DESCRIPTION } from '../../lib/calculators/descriptions.ts';
import Waterfall from '../charts/Waterfall.tsx';
import CalculatorFrame from './CalculatorFrame.tsx';
import NumberField from './NumberField.tsx';
import PresetButtons from './PresetButtons.tsx';
import SliderField from './SliderField.tsx';
import { useCalculatorFields } from './useCalculatorFields.ts';

const change = { kind: 'percent', min: -100, max: 100 } as const;
const SPECS: Record<LeverField, FieldSpec> = {
  price: { kind: 'money', min: 0, max: 1e12 },
  frequency: { kind: 'number', min: 0, max: 10_000 },
  years: { kind: 'number', min: 0, max: 100 },
  recurring: { kind: 'money', min: 0, max: 1e12 },
  priceChange: change,
  frequencyChange: change,
  retentionChange: change,
  recurringAfter: { kind: 'money', min: 0, max: 1e12, optional: true },
};

const LEVERS = ['price', 'frequency', 'retention', 'recurring'] as const satisfies readonly (keyof LeverContributions)[];

const TEXT = {
  ja: {
    title: 'CLVを動かす四つのレバー',
    description: LEVER_SIMULATOR_DESCRIPTION.ja,
    presets: 'レッスンの例',
    preset: {
      'ten-percent': { label: '三つを10%ずつ', description: '平均購入額5,000円・年4回・5年の例で、単価・回数・年数を10%ずつ上げます（1.1×1.1×1.1で約1.33倍）。' },
      'case-a': { label: '事例A 長野（年数）', description: '1,000万円の機械を5年に1回（年0.2回）、3年の取引で、再発注率40%→68%を年数の伸び（68÷40で+70%）として入れます。' },
      'case-b': { label: '事例B 大阪（回数）', description: '客単価3,000円・月1回（年12回）・2年の常連客で、来店を月1.0回から1.4回（+40%）に増やします。' },
      'case-c': { label: '事例C 東京（単価）', description: '年6回・3年通うお客様の客単価を、8,000円から11,500円（+43.75%）に上げます。' },
      'case-d': { label: '事例D 岐阜（収益の形）', description: '500万円の機械を5年に1回売る10年の取引で、売り切りをやめ（単価-100%）、月10万円の利用料と保守（年120万円）に切り替えます。' },
    },
    presetNote: 'レッスンにない金額や回数は、説明のための仮の数字です。',
    baseTitle: '今のお客様',
    price: '平均購入額',
    frequency: '年間の購入回数',
    years: 'お付き合いの年数',
    recurring: '継続収入（年）',
    recurringHint: '月額の利用料や保守契約など。なければ0です。',
    leversTitle: 'レバーを動かす',
    lever: { price: '単価', frequency: '購入回数', retention: 'お付き合いの年数', recurring: '継続収入' },
    slider: { priceChange: '単価の変化', frequencyChange: '購入回数の変化', retentionChange: 'お付き合いの年数の変化' },
    short: { price: '単価', frequency: '回数', retention: '年数', recurring: '継続収入' },
    recurringAfter: '変更後の継続収入（年）',
    recurringAfterHint: '空欄なら今と同じです。月額なら12倍した金額を入れます。',
    yen: '円',
    perYear: '回/年',
    yearsUnit: '年',
    result: '変更後のCLV',
    summary: (before: string, after: string, delta: string, ratio: string | null) => [
      '今 ', before, ' → 変更後 ', after, '（', delta, ...(ratio ? ['、', ratio] : []), '）'],
    contributions: 'レバーごとの寄与',
    colon: '：',
    up: '（増）',
    down: '（減）',
    chart: 'CLVの変化とレバーごとの寄与',
    tableHeaders: ['項目', '金額'] as [string, string],
    before: '今',
    after: '変更後',
  },
  en: {
    title: 'Four levers that move CLV',
    description: LEVER_SIMULATOR_DESCRIPTION.en,
    presets: 'Examples from the lesson',
    preset: {
      'ten-percent': { label: 'All three +10%', description: 'Raises price, frequency and years by 10% each for a 5,000 yen, 4 a year, 5 year customer (1.1 × 1.1 × 1.1 ≈ 1.33).' },
      'case-a': { label: 'Case A Nagano (years)', description: 'A 10,000,000 yen machine bought once in 5 years (0.2 a year) over 3 years; the re-order rate rising from 40% to 68% is read as the relationship lasting 70% longer (68 ÷ 40).' },
      'case-b': { label: 'Case B Osaka (visits)', description: 'A regular spending 3,000 yen once a month (12 a year) for 2 years comes 1.4 times a month instead of 1.0 (+40%).' },
      'case-c': { label: 'Case C Tokyo (price)', description: 'A customer visiting 6 times a year for 3 years spends 11,500 yen a visit instead of 8,000 (+43.75%).' },
      'case-d': { label: 'Case D Gifu (revenue model)', description: 'A 10-year account buying a 5,000,000 yen machine every 5 years stops buying machines (price -100%) and pays 100,000 yen a month for use and maintenance (1,200,000 a year).' },
    },
    presetNote: 'Amounts and counts the lesson does not give are illustrative.',
    baseTitle: 'Today’s customer',
    price: 'Average purchase',
    frequency: 'Purchases per year',
    years: 'Years as a customer',
    recurring: 'Recurring revenue per year',
    recurringHint: 'Monthly fees, maintenance contracts and the like. 0 if none.',
    leversTitle: 'Move the levers',
    lever: { price: 'Unit price', frequency: 'Purchase frequency', retention: 'Years as a customer', recurring: 'Recurring revenue' },
    slider: { priceChange: 'Change in unit price', frequencyChange: 'Change in purchases per year', retentionChange: 'Change in years as a customer' },
    short: { price: 'Price', frequency: 'Frequency', retention: 'Years', recurring: 'Recurring' },
    recurringAfter: 'Recurring revenue per year, after',
    recurringAfterHint: 'Leave empty to keep today’s. For a monthly fee, enter 12 times the amount.',
    yen: '¥',
    perYear: '/ year',
    yearsUnit: 'years',
    result: 'CLV after the changes',
    summary: (before: string, after: string, delta: string, ratio: string | null) => [
      'Before ', before, ' → after ', after, ' (', delta, ...(ratio ? [', ', ratio] : []), ')'],
    contributions: 'What each lever contributed',
    colon: ': ',
    up: ' (up)',
    down: ' (down)',
    chart: 'Change in CLV and what each lever contributed',
    tableHeaders: ['Item', 'Amount'] as [string, string],
    before: 'Before',
    after: 'After',
  },
};

interface Props {
  locale: Locale;
  /** Distinguishes two calculators of the same kind on one page (URL keys, element ids). */
  instance?: string;
  /** Starting example: `ten-percent` (default), `case-a` … `case-d`. */
  preset?: string;
}

/** The four CLV levers as relative changes; CLV before and after and each lever's share (leverWhatIf). */
export default function LeverSimulator({ locale, instance = 'levers', preset }: Props) {
  const text = TEXT[locale];
  const fields = useCalculatorFields(instance, SPECS, presetById(LEVER_PRESETS, preset).texts);
  const v = fields.values;
  const result = leverWhatIf(
    { averagePurchase: v.price ?? 0, purchasesPerYear: v.frequency ?? 0, retentionYears: v.years ?? 0, recurringRevenuePerYear: v.recurring ?? 0 },
    {
      price: v.priceChange ?? 0,
      frequency: v.frequencyChange ?? 0,
      retention: v.retentionChange ?? 0,
      ...(v.recurringAfter !== undefined && { recurringRevenuePerYearAfter: v.recurringAfter }),
    },
  );
  const yen = (value: number) => formatYen(locale, value);
  const signedYen = (value: number) => withSign(value, yen(value));
  const signedPercent = (ratio: number) => withSign(ratio, formatPercent(locale, ratio, 2));
  const field = (name: LeverField, label: string, unit: string, hint?: string) => (
    <NumberField
      {...fields.bind(name)}
      label={label}
      unit={unit}
      hint={hint}
      locale={locale}
    />
  );
  const slider = (name: 'priceChange' | 'frequencyChange' | 'retentionChange', label: string) => (
    <SliderField
      id={`${instance}-${name}`}
      label={label}
      value={(v[name] ?? 0) * 100}
      min={-100}
      max={100}
      step={1}
      valueText={signedPercent(v[name] ?? 0)}
      error={fields.errors[name]}
      onInput={(value) => fields.setText(name, value)}
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
      invalid={fields.invalidLabels({ ...text, ...text.slider })}
      summary={{ label: text.result, value: yen(result.after) }}
    >
      <PresetButtons
        id={instance}
        label={text.presets}
        presets={LEVER_PRESETS.map(({ id }) => ({ id, ...text.preset[id] }))}
        active={activePreset(fields.texts, LEVER_PRESETS)}
        onSelect={(id) => fields.setTexts(presetById(LEVER_PRESETS, id).texts)}
      />
      <p class="calculator__assumption">{text.presetNote}</p>
      <h4 class="calculator__section">{text.baseTitle}</h4>
      <div class="calculator__fields">
        {field('price', text.price, text.yen)}
        {field('frequency', text.frequency, text.perYear)}
        {field('years', text.years, text.yearsUnit)}
        {field('recurring', text.recurring, text.yen, text.recurringHint)}
      </div>
      <h4 class="calculator__section">{text.leversTitle}</h4>
      <div class="calculator__fields">
        {slider('priceChange', text.slider.priceChange)}
        {slider('frequencyChange', text.slider.frequencyChange)}
        {slider('retentionChange', text.slider.retentionChange)}
        {field('recurringAfter', text.recurringAfter, text.yen, text.recurringAfterHint)}
      </div>
      <div class="calculator__result" aria-live="polite">
        <p class="calculator__result-label">{text.result}</p>
        <p class="calculator__result-value" data-testid="lever-after">
          {yen(result.after)}
        </p>
        <p class="calculator__formula" data-testid="lever-summary">
          {text
            .summary(yen(result.before), yen(result.after), signedYen(result.delta), result.deltaRatio === null ? null : signedPercent(result.deltaRatio))
            // Odd pieces are figures: keep each on one line ("+" and "¥33,100" must not part).
            .map((piece, index) => (index % 2 ? <span key={index} class="calculator__figure">{piece}</span> : piece))}
        </p>
        <p class="calculator__result-label">{text.contributions}</p>
        <ul class="lever-list">
          {LEVERS.map((lever) => (
            <li key={lever} data-testid={`lever-${lever}`}>
              {text.lever[lever]}
              {text.colon}
              <strong>{signedYen(result.contributions[lever])}</strong>
              {result.contributions[lever] > 0 ? text.up : result.contributions[lever] < 0 ? text.down : ''}
            </li>
          ))}
        </ul>
      </div>
      <div class="chart-compact">
        <Waterfall
          title={text.chart}
          tableHeaders={text.tableHeaders}
          steps={[
            { label: text.before, kind: 'total', value: result.before, valueLabel: formatYenCompact(locale, result.before) },
            ...LEVERS.map((lever) => ({
              label: text.short[lever],
              kind: 'change' as const,
              value: result.contributions[lever],
              valueLabel: signedAmount(result.contributions[lever], (value) => formatYenCompact(locale, value)),
            })),
            { label: text.after, kind: 'total', value: result.after, valueLabel: formatYenCompact(locale, result.after) },
          ]}
        />
      </div>
    </CalculatorFrame>
  );
}
