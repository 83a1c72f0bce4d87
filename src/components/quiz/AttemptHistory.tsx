import { formatNumber, formatPercent } from '../../lib/i18n/format.ts';
import { LANGUAGE_TAG, type Locale } from '../../lib/i18n/locales.ts';
import type { AttemptRecord } from '../../lib/quiz/recordSchema.ts';
import { qt } from './text.ts';

/** Rows shown: the recent attempts are what the learner compares with. */
const SHOWN = 10;

/** The lesson's graded attempts, newest first, as a table. */
export default function AttemptHistory({ locale, attempts }: { locale: Locale; attempts: readonly AttemptRecord[] }) {
  const date = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="quiz-history" aria-labelledby="quiz-history-heading" data-testid="quiz-history">
      <h2 id="quiz-history-heading">{qt(locale, 'history.heading')}</h2>
      {attempts.length === 0 ? (
        <p class="muted">{qt(locale, 'history.empty')}</p>
      ) : (
        // Focusable, so a keyboard can scroll the table sideways on a narrow screen.
        <div class="table-scroll" tabIndex={0} role="region" aria-label={qt(locale, 'history.table')}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{qt(locale, 'history.date')}</th>
                <th scope="col">{qt(locale, 'history.mode')}</th>
                <th scope="col">{qt(locale, 'history.score')}</th>
                <th scope="col">{qt(locale, 'history.result')}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.slice(0, SHOWN).map((record) => (
                <tr key={`${record.completedAt}-${record.attemptId ?? record.seed}`}>
                  <td>{date.format(new Date(record.completedAt))}</td>
                  <td>{qt(locale, record.mode === 'test' ? 'start.test' : 'start.practice')}</td>
                  <td>
                    {qt(locale, 'results.score', {
                      total: formatNumber(locale, record.total, 2),
                      max: formatNumber(locale, record.max),
                      percent: formatPercent(locale, record.max ? record.total / record.max : 0, 0),
                    })}
                  </td>
                  <td>{record.passed ? `✓ ${qt(locale, 'results.passed')}` : qt(locale, 'results.failed')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
