import { periodName } from '../../lib/calculators/monitoring.ts';
import type { CohortRow } from '../../lib/clv/periods.ts';
import { formatNumber, formatPercent } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

const TEXT = {
  ja: {
    caption: '初回購入月ごとの継続率（n か月後にも買ったお客様の割合）',
    cohort: '初回購入月',
    size: '人数',
    month: (k: number) => (k === 0 ? '初月' : `${k}か月後`),
    note: '色の濃さは率の高さを表します（数字が本体です）。右下の空欄は、まだその月が来ていない部分です。',
    cut: (shown: number, total: number) => `最近の${shown}か月分を表示しています（全${total}か月分）。`,
  },
  en: {
    caption: 'Retention by first-purchase month (share of customers who bought again n months later)',
    cohort: 'First purchase',
    size: 'Customers',
    month: (k: number) => (k === 0 ? 'Month 0' : `+${k} mo`),
    note: 'The shade shows how high the rate is (the numbers are what counts). Blank cells at the bottom right are months that have not come yet.',
    cut: (shown: number, total: number) => `Showing the ${shown} most recent cohorts (of ${total}).`,
  },
};

/**
 * The cohort retention heat map as a real table: every cell has its percentage in text; the
 * background shade is only a supplement (and is light enough for the text to keep AA contrast).
 */
export default function CohortTable({ locale, cohorts, total }: { locale: Locale; cohorts: CohortRow[]; total: number }) {
  const text = TEXT[locale];
  const months = Math.max(0, ...cohorts.map((row) => row.retention.length));
  // The first month is always 100 %; shade the later months against their own maximum.
  const peak = Math.max(0.01, ...cohorts.flatMap((row) => row.retention.slice(1)));
  return (
    <>
      <div class="table-scroll table-scroll--tall" tabIndex={0} role="region" aria-label={text.caption}>
        <table class="data-table data-table--nowrap workbench-cohorts" data-testid="cohort-table">
          <caption>{text.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.cohort}</th>
              <th scope="col">{text.size}</th>
              {Array.from({ length: months }, (_, k) => (
                <th scope="col" key={k}>
                  {text.month(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cohorts.map((row) => (
              <tr key={row.cohort}>
                <th scope="row">{periodName(row.cohort, locale)}</th>
                <td>{formatNumber(locale, row.size)}</td>
                {Array.from({ length: months }, (_, k) => {
                  const rate = row.retention[k];
                  if (rate === undefined) return <td key={k} />;
                  const strength = k === 0 ? 1 : Math.min(1, rate / peak);
                  return (
                    <td key={k} style={{ backgroundColor: `rgba(29, 92, 99, ${(0.06 + 0.34 * strength).toFixed(2)})` }}>
                      {formatPercent(locale, rate, 0)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="field__hint">
        {text.note}
        {total > cohorts.length && ` ${text.cut(cohorts.length, total)}`}
      </p>
    </>
  );
}
