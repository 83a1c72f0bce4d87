import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CustomerListResult } from '../../lib/calculators/customerList.ts';
import { formatCustomerTable, type CustomerRow } from '../../lib/calculators/customerRows.ts';
import type { FieldSpec } from '../../lib/calculators/fields.ts';
import { paretoSampleCustomers, sampleTransactionsText, twoClientCustomers } from '../../lib/calculators/paretoSample.ts';
import { rankCustomers, shareByDecile, topSummary, type ParetoBasis } from '../../lib/calculators/paretoTable.ts';
import { paretoCurve } from '../../lib/clv/pareto.ts';
import { formatNumber, formatPercent, formatYen } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { PARETO_EXPLORER_DESCRIPTION } from '../../lib/calculators/descriptions.ts';
import LineChart from '../charts/LineChart.tsx';
import CalculatorFrame from './CalculatorFrame.tsx';
import NumberField from './NumberField.tsx';
import ParetoRankTable from './ParetoRankTable.tsx';
import PresetButtons from './PresetButtons.tsx';
import { useCalculatorFields } from './useCalculatorFields.ts';
import { useUrlChoice } from './useUrlChoice.ts';
import { useCustomerList } from './useCustomerList.ts';

const PRESETS = ['parts-trader', 'two-clients', 'transactions'] as const;
type Preset = (typeof PRESETS)[number];
type ListChoice = Preset | 'own';
const LIST_CHOICES: readonly ListChoice[] = [...PRESETS, 'own'];
const BASES: readonly ParetoBasis[] = ['clv', 'sales'];

const SPECS = { top: { kind: 'percent', min: 1, max: 100 } } satisfies Record<string, FieldSpec>;
const DEFAULTS = { top: '20' };
/** Issues listed one by one; the rest are counted. */
const ISSUES_SHOWN = 20;

/** The rows of a per-customer preset; null for the transactions preset and one's own list. */
function presetRows(preset: ListChoice, locale: Locale): CustomerRow[] | null {
  const rows = (list: ReturnType<typeof twoClientCustomers>) => list.map(({ name, ...values }): CustomerRow => ({ customer: name, ...values }));
  if (preset === 'parts-trader') return rows(paretoSampleCustomers(locale));
  if (preset === 'two-clients') return rows(twoClientCustomers(locale));
  return null;
}

function presetText(preset: ListChoice, locale: Locale): string {
  const rows = presetRows(preset, locale);
  if (rows) return formatCustomerTable(rows, locale);
  if (preset === 'transactions') return sampleTransactionsText(locale);
  return '';
}

const NOTHING: CustomerListResult = { format: null, customers: [], issues: [], issueCount: 0, customersWithoutValue: 0 };

const TEXT = {
  ja: {
    title: 'お客様ごとのCLVとパレート分析',
    description: PARETO_EXPLORER_DESCRIPTION.ja,
    presetsLabel: '例を選ぶ',
    presets: {
      'parts-trader': '部品商社の取引先100社',
      'two-clients': 'レッスンの2社',
      transactions: '取引の記録の例',
      own: '自分のリストを貼る',
    } as Record<ListChoice, string>,
    list: '顧客リスト',
    placeholder: '顧客\t平均購入額\t年間の購入回数\t継続年数\n駅前の和食店\t5,000\t4\t5',
    listHint:
      '1行目は見出しです。「顧客・平均購入額・年間の購入回数・継続年数」の表か、「顧客ID・日付・金額」の取引の記録を、Excelからそのまま貼り付けられます（タブ区切りでもカンマ区切りでも読めます）。',
    privacy: '貼り付けたデータはこの画面の中だけで計算し、どこにも送りません。',
    issues: (count: number, someUsed: boolean) =>
      someUsed ? `${count}件の問題がある行を除いて計算しました。` : `${count}件の問題があり、計算できる行がありません。`,
    moreIssues: (count: number) => `ほか${count}件`,
    top: '上位の割合',
    basisLabel: '並べる基準',
    basis: { clv: 'CLV', sales: '年間の売上' } as Record<ParetoBasis, string>,
    result: (top: string, basis: string) => `上位${top}のお客様が占める${basis}の割合`,
    summary: (n: number, top: string, count: string, total: string, amount: string, basis: string) =>
      `${n}件の${basis}の合計 ${total} のうち、上位${top}（${count}件分）で ${amount}`,
    chart: (basis: string) => `パレート曲線：お客様を${basis}の大きい順に数えたときの累計の割合`,
    xLabel: 'お客様の割合（大きい順）',
    yLabel: (basis: string) => `${basis}の累計の割合`,
    topShort: (top: string) => `上位${top}`,
    reference: '全員が同じ額なら',
    fromTransactions: (from: string, to: string, years: string) =>
      `取引の記録として読みました（${from}〜${to}、${years}年分）。平均購入額は合計÷購入日数、年間の購入回数は購入日数÷年数、年数は記録の期間です。CLVはこの期間に使っていただいた金額になります。`,
    withoutValue: (count: number) => `返品で合計が0円以下になったお客様${count}件は除きました。`,
  },
  en: {
    title: 'CLV per customer and Pareto view',
    description: PARETO_EXPLORER_DESCRIPTION.en,
    presetsLabel: 'Choose an example',
    presets: {
      'parts-trader': '100 accounts of a parts trader',
      'two-clients': 'The lesson’s two accounts',
      transactions: 'Transaction records',
      own: 'Paste my own list',
    } as Record<ListChoice, string>,
    list: 'Customer list',
    placeholder: 'Customer\tAverage purchase\tPurchases per year\tYears\nRestaurant by the station\t5,000\t4\t5',
    listHint:
      'The first line holds the headers. Paste a table of customer, average purchase, purchases per year and years, or transaction records of customer ID, date and amount, straight from Excel (tab- or comma-separated).',
    privacy: 'Your data is calculated on this page only and is never sent anywhere.',
    issues: (count: number, someUsed: boolean) =>
      someUsed
        ? `${count} problem${count === 1 ? '' : 's'} found; those rows are left out and the rest is used.`
        : `${count} problem${count === 1 ? '' : 's'} found and no row can be used yet.`,
    moreIssues: (count: number) => `and ${count} more`,
    top: 'Top share of customers',
    basisLabel: 'Rank by',
    basis: { clv: 'CLV', sales: 'yearly sales' } as Record<ParetoBasis, string>,
    result: (top: string, basis: string) => `Share of ${basis} from the top ${top} of customers`,
    summary: (n: number, top: string, count: string, total: string, amount: string, basis: string) =>
      `Of ${total} total ${basis} from ${n} customers, the top ${top} (${count} of ${n}) bring ${amount}`,
    chart: (basis: string) => `Pareto curve: cumulative share of ${basis}, customers counted from the largest`,
    xLabel: 'Share of customers (largest first)',
    yLabel: (basis: string) => `Cumulative share of ${basis}`,
    topShort: (top: string) => `Top ${top}`,
    reference: 'If all were equal',
    fromTransactions: (from: string, to: string, years: string) =>
      `Read as transaction records (${from} to ${to}, ${years} years). Average purchase = total ÷ purchase days, purchases per year = purchase days ÷ years, years = the period covered. CLV is what the customer spent in this period.`,
    withoutValue: (count: number) => `${count} customer${count === 1 ? '' : 's'} whose refunds bring the total to 0 yen or less left out.`,
  },
};

interface Props {
  locale: Locale;
  instance?: string;
  /** `parts-trader` (100 accounts, top 20 = 80% of sales), `two-clients` (the lesson's two accounts), `transactions`. */
  preset?: string;
}

/** Ranked per-customer CLV from a pasted list (table or transactions), with the Pareto curve and the top share. */
export default function ParetoExplorer({ locale, instance = 'pareto', preset }: Props) {
  const text = TEXT[locale];
  const initial: Preset = (PRESETS as readonly string[]).includes(preset ?? '') ? (preset as Preset) : 'parts-trader';
  const fields = useCalculatorFields(instance, SPECS, DEFAULTS);
  const fraction = fields.values.top ?? 0.2;
  const [list, setList] = useUrlChoice<ListChoice>(instance, 'list', LIST_CHOICES, initial);
  const [basis, setBasis] = useUrlChoice<ParetoBasis>(instance, 'basis', BASES, initial === 'parts-trader' ? 'sales' : 'clv');
  const [pasted, setPasted] = useState(() => presetText(initial, locale));
  const typing = useRef(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  // A preset (from a button or a shared link) fills the list; typing only marks it as one's own.
  useEffect(() => {
    if (!typing.current) setPasted(presetText(list, locale));
    typing.current = false;
  }, [list]);

  // A preset list left as it is needs no parsing; edited or pasted text loads the parser.
  const presetList = useMemo(() => {
    const rows = presetRows(list, locale);
    return rows && { rows, text: formatCustomerTable(rows, locale) };
  }, [list, locale]);
  const parsed = useCustomerList(pasted, locale, presetList && presetList.text === pasted ? presetList.rows : null);
  const lastValid = useRef<CustomerListResult>(parsed ?? NOTHING);
  if (parsed && parsed.customers.length > 0) lastValid.current = parsed;
  const shown = lastValid.current;
  const stale = (parsed !== null && parsed.customers.length === 0) || fields.stale;
  const current = parsed ?? NOTHING;

  const table = useMemo(() => rankCustomers(shown.customers, basis), [shown, basis]);
  const top = topSummary(table, fraction);
  const curve = paretoCurve(table.values);
  const basisName = text.basis[basis];
  const percent = (ratio: number) => formatPercent(locale, ratio);

  const choose = (choice: ListChoice) => {
    setList(choice);
    if (choice === 'own') textarea.current?.focus();
  };
  const listHintId = `${instance}-list-hint`;
  const issuesId = `${instance}-issues`;

  return (
    <CalculatorFrame
      id={instance}
      title={text.title}
      description={text.description}
      locale={locale}
      stale={stale}
      invalid={fields.invalidLabels(text)}
      summary={{ label: text.result(percent(fraction), basisName), value: percent(top.share) }}
    >
      <PresetButtons
        id={instance}
        label={text.presetsLabel}
        presets={LIST_CHOICES.map((choice) => ({ id: choice, label: text.presets[choice] }))}
        active={list}
        onSelect={(id) => choose(id as ListChoice)}
      />
      <div class={current.issueCount > 0 ? 'field field--invalid' : 'field'}>
        <label for={`${instance}-list`}>{text.list}</label>
        <textarea
          id={`${instance}-list`}
          ref={textarea}
          class="calculator__paste"
          rows={8}
          spellcheck={false}
          autoComplete="off"
          value={pasted}
          placeholder={text.placeholder}
          aria-describedby={current.issueCount > 0 ? `${listHintId} ${issuesId}` : listHintId}
          onInput={(event) => {
            typing.current = list !== 'own';
            setPasted((event.target as HTMLTextAreaElement).value);
            setList('own');
          }}
        />
        <p id={listHintId} class="field__hint calculator__note">
          {text.listHint} {text.privacy}
        </p>
      </div>
      {current.issueCount > 0 && (
        <div id={issuesId} class="calculator__issues">
          <p role="status" class="field__error">
            {text.issues(current.issueCount, current.customers.length > 0)}
          </p>
          <ul>
            {current.issues.slice(0, ISSUES_SHOWN).map((issue, i) => (
              <li key={i}>{issue.message}</li>
            ))}
          </ul>
          {current.issueCount > ISSUES_SHOWN && <p class="field__hint">{text.moreIssues(current.issueCount - ISSUES_SHOWN)}</p>}
        </div>
      )}
      <div class="calculator__fields">
        <NumberField
          id={`${instance}-top`}
          label={text.top}
          unit="%"
          value={fields.texts.top}
          error={fields.errors.top}
          onInput={(value) => fields.setText('top', value)}
          locale={locale}
        />
        <div class="field">
          <span class="field__label" id={`${instance}-basis`}>
            {text.basisLabel}
          </span>
          <div class="calculator__toggle" role="group" aria-labelledby={`${instance}-basis`}>
            {BASES.map((option) => (
              <button type="button" class="button button--quiet" aria-pressed={basis === option} onClick={() => setBasis(option)} key={option}>
                {text.basis[option]}
              </button>
            ))}
          </div>
        </div>
      </div>
      <div class="calculator__result" aria-live="polite">
        <p class="calculator__result-label">{text.result(percent(fraction), basisName)}</p>
        <p class="calculator__result-value" data-testid="pareto-share">
          {percent(top.share)}
        </p>
        <p class="calculator__formula" data-testid="pareto-summary">
          {text.summary(
            table.rows.length,
            percent(fraction),
            formatNumber(locale, top.count, 1),
            formatYen(locale, table.total),
            formatYen(locale, top.amount),
            basisName,
          )}
        </p>
      </div>
      <LineChart
        title={text.chart(basisName)}
        points={curve.map((point) => ({ x: point.customerShare, y: point.valueShare }))}
        xLabel={text.xLabel}
        yLabel={text.yLabel(basisName)}
        ticks={['0%', '50%', '100%']}
        reference={text.reference}
        marker={{ x: fraction, y: top.share, label: `${text.topShort(percent(fraction))} → ${percent(top.share)}` }}
        tableHeaders={[text.xLabel, text.yLabel(basisName)]}
        tableRows={shareByDecile(table.values).map((decile) => [text.topShort(percent(decile.fraction)), percent(decile.share)])}
      />
      {shown.format === 'transactions' && shown.period && (
        <p class="field__hint">
          {text.fromTransactions(shown.period.from, shown.period.to, formatNumber(locale, shown.period.years, 2))}
          {shown.customersWithoutValue > 0 && ` ${text.withoutValue(shown.customersWithoutValue)}`}
        </p>
      )}
      <ParetoRankTable locale={locale} table={table} basisName={basisName} />
    </CalculatorFrame>
  );
}
