import { useState } from 'preact/hooks';
import { formatPercent } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { AttemptMode } from '../../lib/quiz/attempt.ts';
import { qt } from './text.ts';

export interface StartChoice {
  mode: AttemptMode;
  count?: number;
  questionIds?: string[];
}

interface Props {
  locale: Locale;
  /** Questions in the lesson's bank. */
  bankSize: number;
  /** Questions of the end-of-lesson test. */
  testCount: number;
  passMark: number;
  /** Set when the page was opened from Today's review. */
  reviewIds: string[] | null;
  /** A quiz of this lesson is in progress (shown when a review link opened the page). */
  canResume: boolean;
  pending: boolean;
  onStart(choice: StartChoice): void;
  onResume(): void;
  onLeaveReview(): void;
}

const PRACTICE_COUNTS = [5, 10];

/** The choice before an attempt: practice or test (and how many questions), or the review the learner came for. */
export default function QuizStart({ locale, bankSize, testCount, passMark, reviewIds, canResume, pending, onStart, onResume, onLeaveReview }: Props) {
  const [mode, setMode] = useState<AttemptMode>('test');
  const [count, setCount] = useState(Math.min(5, bankSize));
  const counts = [...PRACTICE_COUNTS.filter((n) => n < bankSize), bankSize];
  const resume = canResume && (
    <div class="notice">
      <p>{qt(locale, 'start.resume')}</p>
      <button type="button" class="button button--quiet" onClick={onResume}>
        {qt(locale, 'start.resumeButton')}
      </button>
    </div>
  );

  if (reviewIds) {
    return (
      <section class="card quiz-start" aria-labelledby="quiz-start-heading" data-testid="quiz-start">
        <h2 id="quiz-start-heading">{qt(locale, 'start.reviewButton')}</h2>
        {resume}
        <p>{qt(locale, 'start.review', { n: reviewIds.length })}</p>
        <div class="quiz-actions quiz-actions--wrap">
          <button type="button" class="button" disabled={pending} data-testid="quiz-start-button" onClick={() => onStart({ mode: 'practice', questionIds: reviewIds })}>
            {qt(locale, 'start.reviewButton')}
          </button>
          <button type="button" class="button button--quiet" onClick={onLeaveReview}>
            {qt(locale, 'start.normal')}
          </button>
        </div>
        <p class="quiz-keys">{qt(locale, 'keys.help')}</p>
      </section>
    );
  }

  return (
    <section class="card quiz-start" aria-labelledby="quiz-start-heading" data-testid="quiz-start">
      <h2 id="quiz-start-heading">{qt(locale, 'start.heading')}</h2>
      {resume}
      <fieldset class="quiz-modes">
        <legend>{qt(locale, 'start.mode')}</legend>
        {(['test', 'practice'] as const).map((value) => (
          <label class={mode === value ? 'quiz-option quiz-option--selected' : 'quiz-option'} key={value}>
            <input type="radio" name="quiz-mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
            <span class="quiz-mode">
              <strong>{qt(locale, value === 'test' ? 'start.test' : 'start.practice')}</strong>
              <span class="quiz-mode__hint">
                {value === 'test'
                  ? qt(locale, 'start.testHint', { n: testCount, pass: formatPercent(locale, passMark, 0) })
                  : qt(locale, 'start.practiceHint')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'practice' && counts.length > 1 && (
        <div class="field quiz-count">
          <label for="quiz-count">{qt(locale, 'start.count')}</label>
          <div class="field__control">
            <select id="quiz-count" value={String(count)} onChange={(event) => setCount(Number((event.currentTarget as HTMLSelectElement).value))}>
              {counts.map((n) => (
                <option value={String(n)} key={n}>
                  {n === bankSize ? qt(locale, 'start.countAll', { n }) : qt(locale, 'start.countN', { n })}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <button
        type="button"
        class="button"
        disabled={pending}
        data-testid="quiz-start-button"
        onClick={() => onStart(mode === 'test' ? { mode } : { mode, count })}
      >
        {qt(locale, 'start.button')}
      </button>
      <p class="quiz-keys">{qt(locale, 'keys.help')}</p>
    </section>
  );
}
