import { useEffect, useRef } from 'preact/hooks';
import { formatNumber, formatPercent } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { QuizSession } from '../../lib/quiz/client/session.ts';
import { spokenDuration } from '../../lib/quiz/client/time.ts';
import type { PracticeGradeResult } from '../../lib/quiz/reveal.ts';
import { completesLesson, missedQuestionIds } from '../../stores/quiz.ts';
import FeedbackPanel from './FeedbackPanel.tsx';
import { qt } from './text.ts';

interface Props {
  locale: Locale;
  session: QuizSession & { result: PracticeGradeResult };
  lessonHref: string;
  reviewHref: string;
  focusOnMount: boolean;
  pending: boolean;
  onRetake(questionIds: string[]): void;
  onAgain(): void;
}

/** Score, pass or fail against the pass mark, what to do next, and every question with its explanation. */
export default function QuizResults({ locale, session, lessonHref, reviewHref, focusOnMount, pending, onRetake, onAgain }: Props) {
  const { result } = session;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, []);
  const missed = missedQuestionIds(result);
  const prompts = new Map(session.view.questions.map((question) => [question.id, question]));
  const note = completesLesson(session, result)
    ? qt(locale, 'results.done')
    : session.mode === 'practice'
      ? qt(locale, 'results.practiceNote')
      : session.questionIds
        ? qt(locale, 'results.partialNote')
        : null;
  const took = session.gradedAt ? Date.parse(session.gradedAt) - Date.parse(session.startedAt) : NaN;

  return (
    <div class="quiz-results" data-testid="quiz-results">
      <section class="card quiz-summary" aria-labelledby="quiz-results-heading">
        <h2 id="quiz-results-heading" tabIndex={-1} ref={heading}>
          {qt(locale, 'results.heading')}
        </h2>
        <p class="quiz-score" data-testid="quiz-score">
          {qt(locale, 'results.score', {
            total: formatNumber(locale, result.total, 2),
            max: formatNumber(locale, result.max),
            percent: formatPercent(locale, result.percentage / 100, 0),
          })}
        </p>
        <p class={result.passed ? 'quiz-verdict quiz-verdict--passed' : 'quiz-verdict'} data-testid="quiz-verdict">
          <span aria-hidden="true">{result.passed ? '✓' : '△'}</span> {qt(locale, result.passed ? 'results.passed' : 'results.failed')}
          <span class="quiz-verdict__mark">{qt(locale, 'results.passMark', { pass: formatPercent(locale, result.passMark, 0) })}</span>
        </p>
        {Number.isFinite(took) && <p class="muted">{qt(locale, 'results.time', { time: spokenDuration(took, locale) })}</p>}
        {note && <p class="quiz-note">{note}</p>}
        {missed.length === 0 && <p>{qt(locale, 'results.allCorrect')}</p>}
        <div class="quiz-actions quiz-actions--wrap">
          {missed.length > 0 && (
            <button type="button" class="button" data-testid="retake-missed" disabled={pending} onClick={() => onRetake(missed)}>
              {qt(locale, 'results.retakeMissed', { n: missed.length })}
            </button>
          )}
          <button type="button" class="button button--quiet" disabled={pending} onClick={onAgain}>
            {qt(locale, 'results.again')}
          </button>
          <a class="button button--quiet" href={lessonHref}>
            {qt(locale, 'results.backToLesson')}
          </a>
          <a class="button button--quiet" href={reviewHref}>
            {qt(locale, 'results.todaysReview')}
          </a>
        </div>
      </section>

      <section class="quiz-review" aria-labelledby="quiz-review-heading">
        <h2 id="quiz-review-heading">{qt(locale, 'results.review')}</h2>
        <ol class="quiz-review__list">
          {result.questions.map((question, index) => {
            const shown = prompts.get(question.questionId);
            return (
              <li class="card quiz-review__item" key={question.questionId} data-question={question.questionId}>
                <h3>{qt(locale, 'runner.question', { n: index + 1 })}</h3>
                {shown?.situation && <p class="quiz-situation">{shown.situation}</p>}
                {shown && <p class="quiz-prompt">{shown.prompt}</p>}
                <FeedbackPanel locale={locale} result={question} />
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
