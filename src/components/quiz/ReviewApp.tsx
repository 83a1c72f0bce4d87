import { useEffect, useState } from 'preact/hooks';
import { useClientStore } from '../hooks/useClientStore.ts';
import { LANGUAGE_TAG, type Locale } from '../../lib/i18n/locales.ts';
import { emptyHistory } from '../../lib/quiz/client/attemptHistory.ts';
import { reviewAttemptHref } from '../../lib/quiz/client/paths.ts';
import { reviewOverview, type ReviewModuleInfo } from '../../lib/quiz/client/reviewOverview.ts';
import { $quizHistory } from '../../stores/quizHistory.ts';
import MasteryMap from './MasteryMap.tsx';
import QuizNotices from './QuizNotices.tsx';
import { rt } from './reviewText.ts';

const SERVER_HISTORY = emptyHistory();

interface Props {
  locale: Locale;
  /** Modules and their lessons with a bank (titles, question ids, concepts; no answers). */
  modules: ReviewModuleInfo[];
}

/** Today's review: the questions due now per lesson (each a link that starts a review attempt) and the mastery map. */
export default function ReviewApp({ locale, modules }: Props) {
  const history = useClientStore($quizHistory, SERVER_HISTORY);
  // The clock is read in the browser only, so the server HTML and the first render agree.
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => setNow(new Date()), []);
  const overview = reviewOverview(now ? history.attempts : [], modules, now ?? new Date(0));
  const lessons = overview.modules.flatMap((entry) => entry.lessons);
  const due = lessons.filter((lesson) => lesson.dueIds.length > 0);
  const later = lessons.filter((lesson) => lesson.laterCount > 0);
  // Lessons whose missed questions are not due yet: on day one, the learner can still retry them now.
  const early = later.filter((lesson) => lesson.dueIds.length === 0);
  // Several lessons share the visible link text: the name says which lesson each one opens.
  const linkName = (key: 'due.start' | 'due.early', n: number, title: string) =>
    rt(locale, 'due.linkName', { action: rt(locale, key, { n }), title });
  const date = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { month: 'short', day: 'numeric', weekday: 'short' });
  const laterText = (count: number, at: string | null, only: boolean) =>
    at ? rt(locale, only ? 'due.laterOnly' : 'due.later', { n: count, date: date.format(new Date(at)) }) : '';

  return (
    <div class="review-app" data-hydrated={now ? 'true' : undefined}>
      <QuizNotices locale={locale} />
      <section class="card review-due" aria-labelledby="due-heading" data-testid="review-due">
        <h2 id="due-heading">{rt(locale, 'due.heading')}</h2>
        <p aria-live="polite">
          {overview.dueTotal > 0 ? rt(locale, 'due.total', { n: overview.dueTotal }) : rt(locale, history.attempts.length && now ? 'due.none' : 'due.noHistory')}
        </p>
        {due.length > 0 && (
          <ul class="review-due__list">
            {due.map(({ lesson, dueIds, laterCount, nextDueAt }) => (
              <li key={lesson.id} class="review-due__item" data-lesson={lesson.id}>
                <span class="review-due__title">{lesson.title}</span>
                <a class="button" href={reviewAttemptHref(locale, lesson.id, dueIds)} aria-label={linkName('due.start', dueIds.length, lesson.title)}>
                  {rt(locale, 'due.start', { n: dueIds.length })}
                </a>
                {laterCount > 0 && <span class="muted">{laterText(laterCount, nextDueAt, false)}</span>}
              </li>
            ))}
          </ul>
        )}
        {early.length > 0 && (
          <>
            {due.length > 0 && <h3 class="review-due__subheading">{rt(locale, 'due.earlyHeading')}</h3>}
            <ul class="review-due__list" data-testid="review-early">
              {early.map(({ lesson, laterIds, nextDueAt }) => (
                <li key={lesson.id} class="review-due__item" data-lesson={lesson.id}>
                  <span class="review-due__title">{lesson.title}</span>
                  <a
                    class="button button--quiet"
                    href={reviewAttemptHref(locale, lesson.id, laterIds)}
                    aria-label={linkName('due.early', laterIds.length, lesson.title)}
                  >
                    {rt(locale, 'due.early', { n: laterIds.length })}
                  </a>
                  <span class="muted">{laterText(laterIds.length, nextDueAt, true)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {later.length > 0 && <p class="review-due__schedule">{rt(locale, 'due.schedule')}</p>}
      </section>
      <MasteryMap locale={locale} overview={overview} />
    </div>
  );
}
