import { useEffect, useRef } from 'preact/hooks';
import { formatNumber, formatPercent } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { AttemptReview } from '../../server/learner/attempts.ts';
import FeedbackPanel from '../quiz/FeedbackPanel.tsx';
import { lt } from './text.ts';

interface Props {
  locale: Locale;
  review: AttemptReview;
  learnHref: string;
}

/** The graded test: pass or not, the score, then each question with its feedback and explanation. */
export default function TestReview({ locale, review, learnHref }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // A review stored before contentLang existed has none: then the questions are in the page's language.
  const textLang = review.view.contentLang && review.view.contentLang !== locale ? review.view.contentLang : undefined;
  const score = lt(locale, 'test.score', {
    total: formatNumber(locale, review.total, 2),
    max: review.max,
    percent: formatPercent(locale, review.max ? review.total / review.max : 0, 0),
    passMark: formatPercent(locale, review.passMark, 0),
  });
  return (
    <section class="test-review" aria-labelledby="test-result" data-testid="test-review" data-passed={String(review.passed)}>
      <div class={`card test-review__summary test-review__summary--${review.passed ? 'passed' : 'failed'}`}>
        <h2 id="test-result" tabIndex={-1} ref={heading}>
          <span aria-hidden="true">{review.passed ? '✓ ' : '△ '}</span>
          {review.passed ? lt(locale, 'test.passed') : lt(locale, 'test.notPassed')}
        </h2>
        <p data-testid="test-score">{score}</p>
        <p class="test-review__actions">
          <a class="button" href="">
            {lt(locale, 'test.again')}
          </a>
          <a class="button button--quiet" href={learnHref}>
            {lt(locale, 'test.back')}
          </a>
        </p>
      </div>
      <h2>{lt(locale, 'test.review')}</h2>
      <ol class="test-review__list">
        {review.questions.map((result, index) => {
          const question = review.view.questions[index];
          return (
            <li key={result.questionId} class="card test-review__item" data-question={result.questionId}>
              {question?.situation && (
                <p class="test-review__situation" lang={textLang}>
                  {question.situation}
                </p>
              )}
              <p class="test-review__prompt" lang={textLang}>
                {question?.prompt}
              </p>
              <FeedbackPanel locale={locale} result={result} textLang={textLang} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
