import { formatNumber } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { csvFileName } from '../../lib/workbench/csv.ts';
import { EXPORT_NAMES } from '../../lib/workbench/labels.ts';
import { problemsCsv, type ProblemReport, type WorkbenchIssueCode } from '../../lib/workbench/problems.ts';
import { localIsoDate } from '../../stores/workbench.ts';
import { downloadText } from './download.ts';
import { PROBLEM_KINDS } from './messages.ts';

const TEXT = {
  ja: {
    heading: '読み込みの結果',
    allGood: (rows: string) => `${rows}行をすべて読み込みました。`,
    skipped: (skipped: string, read: string, used: string) => `${skipped}行を除外しました（${read}行のうち${used}行を使いました）。`,
    noneUsed: (read: string) => `${read}行を読みましたが、使える行がありませんでした。`,
    warnings: (count: string) => `注意が${count}件あります（取り込んだうえでの注意です）。`,
    kinds: '内訳',
    count: (count: string) => `：${count}件`,
    list: (shown: string) => `最初の${shown}件を見る`,
    columns: ['行', '列', '理由'],
    download: '一覧をCSVでダウンロード',
    truncated: (kept: string) => `一覧には最初の${kept}件だけを入れています（件数は正確です）。`,
  },
  en: {
    heading: 'What was read',
    allGood: (rows: string) => `All ${rows} rows were read.`,
    skipped: (skipped: string, read: string, used: string) => `${skipped} rows were left out (${used} of ${read} rows used).`,
    noneUsed: (read: string) => `${read} rows were read, but none could be used.`,
    warnings: (count: string) => `${count} warnings (rows used, with something to know).`,
    kinds: 'By kind',
    count: (count: string) => `: ${count}`,
    list: (shown: string) => `Show the first ${shown}`,
    columns: ['Row', 'Column', 'Reason'],
    download: 'Download the list as CSV',
    truncated: (kept: string) => `The list holds the first ${kept} problems (the counts are exact).`,
  },
};

/** Rows shown in the page; the download has them all (up to the cap). */
const SHOWN = 20;

/** The row-problem summary ("12 rows left out"), counts per kind, the first rows and the CSV. */
export default function ProblemsPanel({ locale, problems }: { locale: Locale; problems: ProblemReport }) {
  const text = TEXT[locale];
  const n = (value: number) => formatNumber(locale, value);
  const kinds = Object.entries(problems.byCode) as Array<[WorkbenchIssueCode, number]>;
  const shown = problems.list.slice(0, SHOWN);
  const download = () => downloadText(csvFileName(EXPORT_NAMES[locale].problems, localIsoDate(new Date())), problemsCsv(problems.list, locale));
  return (
    <section class="workbench-problems" aria-labelledby="workbench-problems-title" data-testid="problems">
      <h2 id="workbench-problems-title">{text.heading}</h2>
      <p data-testid="problems-summary">
        {problems.rowsUsed === 0
          ? text.noneUsed(n(problems.rowsRead))
          : problems.rowsSkipped > 0
            ? text.skipped(n(problems.rowsSkipped), n(problems.rowsRead), n(problems.rowsUsed))
            : text.allGood(n(problems.rowsRead))}
        {problems.warnings > 0 && ` ${text.warnings(n(problems.warnings))}`}
      </p>
      {kinds.length > 0 && (
        <>
          <ul class="workbench-problems__kinds" aria-label={text.kinds}>
            {kinds.map(([code, count]) => (
              <li key={code}>
                {PROBLEM_KINDS[locale][code]}
                {text.count(n(count))}
              </li>
            ))}
          </ul>
          <details>
            <summary>{text.list(n(shown.length))}</summary>
            <div class="table-scroll">
              <table class="data-table workbench-problems__table" data-testid="problems-table">
                <thead>
                  <tr>
                    {text.columns.map((column) => (
                      <th scope="col" key={column}>
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((problem, index) => (
                    <tr key={index}>
                      <td>{problem.row > 0 ? n(problem.row) : '–'}</td>
                      <td class="data-table__name">{problem.column}</td>
                      <td class="data-table__name">{problem.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <p>
            <button type="button" class="button button--quiet" onClick={download} data-testid="download-problems">
              {text.download}
            </button>
          </p>
          {problems.truncated && <p class="field__hint">{text.truncated(n(problems.list.length))}</p>}
        </>
      )}
    </section>
  );
}
