import { useClientStore } from '../hooks/useClientStore.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { $quizSessionsNotice } from '../../stores/quiz.ts';
import { $quizHistoryNotice } from '../../stores/quizHistory.ts';
import { t } from '../../lib/i18n/islandUi.ts';
import { qt } from './text.ts';

/** Says once that stored quizzes or history could not be read and were dropped. */
export default function QuizNotices({ locale }: { locale: Locale }) {
  const sessions = useClientStore($quizSessionsNotice, null);
  const history = useClientStore($quizHistoryNotice, null);
  const notices = [
    sessions && { text: qt(locale, sessions.kind === 'outdated' ? 'sessions.outdated' : 'sessions.reset'), dismiss: () => $quizSessionsNotice.set(null) },
    history && { text: qt(locale, 'history.reset'), dismiss: () => $quizHistoryNotice.set(null) },
  ].filter((notice) => notice !== null);
  return (
    <>
      {notices.map((notice) => (
        <div class="notice" role="status" key={notice.text}>
          <p>{notice.text}</p>
          <button type="button" class="button button--quiet" onClick={notice.dismiss}>
            {t(locale, 'progress.dismiss')}
          </button>
        </div>
      ))}
    </>
  );
}
