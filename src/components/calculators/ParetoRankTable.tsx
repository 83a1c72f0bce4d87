import type { ParetoTable } from '../../lib/calculators/paretoTable.ts';
import { formatNumber, formatPercent, formatYen } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

/** Rows listed; the rest are counted below the table (they still count in every share). */
export const RANK_ROWS_SHOWN = 50;

const TEXT = {
  ja: {
    caption: (basis: string, shown: number, all: number) =>
      shown < all ? `${basis}の高い順（上位${shown}件、全${all}件）` : `${basis}の高い順（全${all}件）`,
    columns: ['順位', '顧客', '平均購入額', '年間の回数', '年数', '年間の売上', 'CLV', '割合', '累計'],
    rest: (count: number) => `ほか${count}件は表に載せていませんが、割合の計算には含めています。`,
  },
  en: {
    caption: (basis: string, shown: number, all: number) =>
      shown < all ? `Ranked by ${basis} (top ${shown} of ${all})` : `Ranked by ${basis} (all ${all})`,
    columns: ['Rank', 'Customer', 'Avg purchase', 'Per year', 'Years', 'Yearly sales', 'CLV', 'Share', 'Cumulative'],
    rest: (count: number) => `${count} more customer${count === 1 ? ' is' : 's are'} not listed but count in every share.`,
  },
};

interface Props {
  locale: Locale;
  table: ParetoTable;
  /** What the table is ranked by, as the learner reads it: CLV, yearly sales. */
  basisName: string;
}

/** The spreadsheet the lessons describe: one row per customer, ranked, with shares. */
export default function ParetoRankTable({ locale, table, basisName }: Props) {
  const text = TEXT[locale];
  const rows = table.rows.slice(0, RANK_ROWS_SHOWN);
  const rest = table.rows.length - rows.length;
  const caption = text.caption(basisName, rows.length, table.rows.length);
  return (
    <>
      <div class="table-scroll table-scroll--tall" tabIndex={0} role="region" aria-label={caption}>
        <table class="data-table data-table--nowrap" data-testid="pareto-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {text.columns.map((column, i) => (
                <th scope="col" key={column} class={i === 1 ? 'data-table__name' : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.rank}>
                <td>{row.rank}</td>
                <th scope="row" class="data-table__name">
                  {row.customer}
                </th>
                <td>{formatYen(locale, row.averagePurchase)}</td>
                <td>{formatNumber(locale, row.purchasesPerYear)}</td>
                <td>{formatNumber(locale, row.years)}</td>
                <td>{formatYen(locale, row.yearlySales)}</td>
                <td>{formatYen(locale, row.clv)}</td>
                <td>{formatPercent(locale, row.share)}</td>
                <td>{formatPercent(locale, row.cumulativeShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rest > 0 && <p class="field__hint">{text.rest(rest)}</p>}
    </>
  );
}
