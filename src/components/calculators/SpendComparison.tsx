import type { SpendComparison as Comparison, SpendOption } from '../../lib/calculators/budget.ts';
import { formatNumber, formatYen, formatYenCompact } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import BarChart from '../charts/BarChart.tsx';

const TEXT = {
  ja: {
    people: (n: string) => `${n}人`,
    chart: (budget: string) => `${budget}を使ったときに見込める価値`,
    tableHeaders: ['使い道', '見込める価値'] as [string, string],
    better: (label: string, difference: string) => `この前提では、「${label}」に使うほうが${difference}多くなります。`,
    equal: 'この前提では、どちらに使っても見込める価値は同じです。',
  },
  en: {
    people: (n: string) => `${n} customers`,
    chart: (budget: string) => `Value expected from spending ${budget}`,
    tableHeaders: ['Spent on', 'Expected value'] as [string, string],
    better: (label: string, difference: string) => `On these assumptions, “${label}” earns ${difference} more.`,
    equal: 'On these assumptions, both ways earn the same.',
  },
};

interface Props {
  locale: Locale;
  budget: number;
  /** The two ways of spending: full label for the text, short label under the bars. */
  labels: [{ full: string; short: string }, { full: string; short: string }];
  options: [SpendOption, SpendOption];
  comparison: Comparison;
  testId: string;
}

/** The same budget spent two ways: the arithmetic of each, a two-bar chart and the verdict. */
export default function SpendComparison({ locale, budget, labels, options, comparison, testId }: Props) {
  const text = TEXT[locale];
  const yen = (value: number) => formatYen(locale, value);
  const results = [comparison.first, comparison.second];
  const winner = comparison.better === 'equal' ? -1 : comparison.better === 'first' ? 0 : 1;
  return (
    <>
      <ul class="spend-list">
        {results.map((result, index) => (
          <li key={index}>
            <strong>{labels[index]!.full}</strong>
            <br />
            {yen(budget)} ÷ {yen(options[index]!.costPerCustomer)} = {text.people(formatNumber(locale, result.customers, 1))} ×{' '}
            {yen(options[index]!.valuePerCustomer)} = <strong data-testid={`${testId}-${index + 1}`}>{yen(result.value)}</strong>
          </li>
        ))}
      </ul>
      <div class="chart-compact">
        <BarChart
          title={text.chart(yen(budget))}
          tableHeaders={text.tableHeaders}
          height={150}
          bars={results.map((result, index) => ({
            label: labels[index]!.short,
            value: result.value,
            valueLabel: formatYenCompact(locale, result.value),
            tone: index === winner ? 'positive' : 'muted',
          }))}
        />
      </div>
      <p class="spend-verdict" data-testid={`${testId}-verdict`}>
        {winner === -1 ? text.equal : text.better(labels[winner]!.full, yen(comparison.difference))}
      </p>
    </>
  );
}
