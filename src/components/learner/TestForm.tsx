import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { responsesToSend, unansweredCount, type DraftResponse } from '../../lib/quiz/client/answers.ts';
import type { LearnerView } from '../../lib/quiz/view.ts';
import QuestionCard from '../quiz/QuestionCard.tsx';
import { flushQueue, type Delivery } from './queueStore.ts';
import { canCorrect, type SubmissionFailure } from './submissionQueue.ts';
import { lt } from './text.ts';

interface Props {
  locale: Locale;
  view: LearnerView;
  responses: Record<string, unknown>;
  /** Submitted: answers can no longer change. */
  locked: boolean;
  delivery: Delivery | undefined;
  onChange(responses: Record<string, unknown>): void;
  onSubmit(responses: Record<string, unknown>): void;
  /** Refused answers back into the form, to correct and send again. */
  onCorrect(): void;
  /** The attempt can no longer take these answers: a new attempt instead. */
  onRestart(): void;
}

/** Seconds until a timestamp, for the retry message. */
function secondsUntil(time: number | null): number {
  return time === null ? 0 : Math.max(1, Math.round((time - Date.now()) / 1000));
}

/** Why the server refused, in the learner's words: which questions, or what to do next. */
function refusalMessage(locale: Locale, view: LearnerView, failure: SubmissionFailure): string {
  if (!canCorrect(failure)) return lt(locale, 'test.failed', { reason: failure.code });
  const numbers = view.questions.flatMap((question, index) => (failure.questionIds.includes(question.id) ? [index + 1] : []));
  if (numbers.length === 0) return lt(locale, 'test.refused', { reason: failure.code });
  return lt(locale, 'test.refusedAnswers', { questions: numbers.join(locale === 'ja' ? '、' : ', ') });
}

/** What the learner is told about a submission on its way. */
function deliveryMessage(locale: Locale, view: LearnerView, delivery: Delivery | undefined): string {
  if (!delivery || delivery.kind === 'sent') return lt(locale, 'test.sending');
  if (delivery.kind === 'rejected') return refusalMessage(locale, view, delivery);
  if (delivery.kind === 'retry') return lt(locale, 'test.sending');
  if (delivery.reason === 'offline' || delivery.reason === 'network') return lt(locale, 'test.queued');
  return lt(locale, 'test.retrying', { seconds: secondsUntil(delivery.retryAt) });
}

/** All questions of the test on one page (QuestionCard from the quiz islands), then one submit. */
export default function TestForm({ locale, view, responses, locked, delivery, onChange, onSubmit, onCorrect, onRestart }: Props) {
  const [confirming, setConfirming] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const drafts = responses as Record<string, DraftResponse>;
  const unanswered = unansweredCount(view.questions, drafts);
  useEffect(() => {
    if (locked) status.current?.focus();
  }, [locked]);
  const submit = (event: Event) => {
    event.preventDefault();
    if (locked) return;
    if (unanswered > 0 && !confirming) return setConfirming(true);
    setConfirming(false);
    onSubmit(responsesToSend(view.questions, drafts));
  };
  return (
    <form method="post" class="test-form" onSubmit={submit} data-testid="test-form" aria-busy={locked && delivery?.kind !== 'rejected' ? 'true' : undefined}>
      {view.questions.map((question) => (
        <QuestionCard
          key={question.id}
          locale={locale}
          question={question}
          response={drafts[question.id]}
          locked={locked}
          contentLang={view.contentLang}
          onChange={(next) => onChange({ ...responses, [question.id]: next })}
        />
      ))}
      {confirming && (
        <p class="notice" role="alert" data-testid="unanswered-warning">
          {lt(locale, 'test.unanswered', { n: unanswered })}
        </p>
      )}
      {locked ? (
        <div class="test-form__status">
          <p ref={status} tabIndex={-1} role="status" aria-live="polite" data-testid="delivery-status" data-delivery={delivery?.kind === 'waiting' ? delivery.reason : (delivery?.kind ?? 'sending')}>
            {deliveryMessage(locale, view, delivery)}
          </p>
          {delivery?.kind === 'waiting' && (
            <button type="button" class="button button--quiet" onClick={() => void flushQueue()}>
              {lt(locale, 'test.sendNow')}
            </button>
          )}
          {delivery?.kind === 'rejected' &&
            (canCorrect(delivery) ? (
              <button type="button" class="button" onClick={onCorrect} data-testid="correct-answers">
                {lt(locale, 'test.correct')}
              </button>
            ) : (
              <button type="button" class="button button--quiet" onClick={onRestart} data-testid="start-new">
                {lt(locale, 'test.startNew')}
              </button>
            ))}
        </div>
      ) : (
        <button type="submit" class="button" data-testid="submit-test">
          {confirming ? lt(locale, 'test.confirmSubmit') : lt(locale, 'test.submit')}
        </button>
      )}
    </form>
  );
}
