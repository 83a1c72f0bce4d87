import { formatNumber } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { TablePage } from '../../lib/workbench/tableQuery.ts';

const TEXT = {
  ja: {
    label: 'ページ送り',
    first: '最初',
    previous: '前へ',
    next: '次へ',
    last: '最後',
    status: (from: string, to: string, total: string, page: string, pages: string) => `${total}件中 ${from}〜${to}件目（${page} / ${pages}ページ）`,
  },
  en: {
    label: 'Pages',
    first: 'First',
    previous: 'Previous',
    next: 'Next',
    last: 'Last',
    status: (from: string, to: string, total: string, page: string, pages: string) => `${from}–${to} of ${total} (page ${page} of ${pages})`,
  },
};

/** First / previous / next / last, with where the page is in words (announced politely). */
export default function Pager({ locale, page, onPage, testId }: { locale: Locale; page: TablePage; onPage: (page: number) => void; testId: string }) {
  const text = TEXT[locale];
  const n = (value: number) => formatNumber(locale, value);
  const atStart = page.page === 0;
  const atEnd = page.page >= page.pageCount - 1;
  return (
    <nav class="workbench-pager" aria-label={text.label} data-testid={testId}>
      <button type="button" class="button button--quiet" disabled={atStart} onClick={() => onPage(0)}>
        {text.first}
      </button>
      <button type="button" class="button button--quiet" disabled={atStart} onClick={() => onPage(page.page - 1)}>
        {text.previous}
      </button>
      <p aria-live="polite" class="workbench-pager__status">
        {text.status(n(page.from), n(page.to), n(page.total), n(page.page + 1), n(page.pageCount))}
      </p>
      <button type="button" class="button button--quiet" disabled={atEnd} onClick={() => onPage(page.page + 1)}>
        {text.next}
      </button>
      <button type="button" class="button button--quiet" disabled={atEnd} onClick={() => onPage(page.pageCount - 1)}>
        {text.last}
      </button>
    </nav>
  );
}
