import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { isAnswered, unansweredCount, type DraftResponse } from '../../lib/quiz/client/answers.ts';
import { quizKeyAction } from '../../lib/quiz/client/keyboard.ts';
import type { QuizSession } from '../../lib/quiz/client/session.ts';
import {
  $quizRequests,
  answerQuestion,
  checkCurrentQuestion,
  chooseOnCurrent,
  currentQuestion,
  goToQuestion,
  nextStep,
  type QuizRequestState,
  submitQuiz,
} from '../../stores/quiz.ts';
import FeedbackPanel from './FeedbackPanel.tsx';
import QuestionCard from './QuestionCard.tsx';
import QuizNav from './QuizNav.tsx';
import QuizTimer from './QuizTimer.tsx';
import RequestError from './RequestError.tsx';
import { qt } from './text.ts';

interface Props {
  locale: Locale;
  storeKey: string;
  session: QuizSession;
  request: QuizRequestState;
  /** Move the focus to the question heading when shown (not on a page load). */
  focusOnMount: boolean;
  onQuit(): void;
}

function keyInput(event: KeyboardEvent) {
  const target = event.target instanceof HTMLElement ? event.target : null;
  const tag = target?.tagName ?? '';
  return {
    key: event.key,
    withModifier: event.ctrlKey || event.metaKey || event.altKey,
    // Safari reports the Enter that ends a Japanese conversion with isComposing false but keyCode 229.
    composing: event.isComposing || event.keyCode === 229,
    inTextField: (target instanceof HTMLInputElement && target.type === 'text') || tag === 'TEXTAREA' || Boolean(target?.isContentEditable),
    onControl: ['BUTTON', 'A', 'SELECT', 'SUMMARY'].includes(tag),
  };
}

/** The attempt, one question at a time: progress, timer, the question, feedback (practice) and the way to the score. */
export default function QuizRunner({ locale, storeKey, session, request, focusOnMount, onQuit }: Props) {
  const { view, current, mode } = session;
  const questions = view.questions;
  const question = questions[current] ?? (questions[0] as (typeof questions)[number]);
  const practice = mode === 'practice';
  const feedback = session.checked[question.id];
  const locked = Boolean(feedback);
  const response = session.responses[question.id];
  const isLast = current === questions.length - 1;
  const pending = request.pending !== null;
  const unanswered = unansweredCount(questions, session.responses);
  const [confirming, setConfirming] = useState<'submit' | 'quit' | null>(null);
  const [needAnswer, setNeedAnswer] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const primaryButton = useRef<HTMLButtonElement>(null);
  const focusHeading = useRef(focusOnMount);
  // Checking locks the inputs (the focused one too): the focus then goes to "Next", next to the feedback.
  const focusAfterCheck = useRef(false);

  useEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    heading.current?.focus();
  }, [current]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (!feedback || !focusAfterCheck.current) return;
    focusAfterCheck.current = false;
    primaryButton.current?.focus();
  }, [feedback]);

  const go = (index: number) => {
    focusHeading.current = true;
    setNeedAnswer(false);
    setConfirming(null);
    goToQuestion(storeKey, index);
  };
  const answer = (next: DraftResponse) => {
    setNeedAnswer(false);
    answerQuestion(storeKey, question.id, next);
  };
  const submit = (force: boolean) => {
    const latest = currentQuestion(storeKey)?.session ?? session;
    if (!force && unansweredCount(latest.view.questions, latest.responses) > 0) return setConfirming('submit');
    setConfirming(null);
    void submitQuiz(storeKey);
  };
  /** Enter and the main button. Read from the store: keys can come faster than renders. */
  const primary = () => {
    if ($quizRequests.get()[storeKey]?.pending) return;
    const step = nextStep(storeKey);
    if (step === 'check') {
      focusAfterCheck.current = true;
      void checkCurrentQuestion(storeKey);
    }
    else if (step === 'need-answer') setNeedAnswer(true);
    else if (step === 'next') go((currentQuestion(storeKey)?.session.current ?? current) + 1);
    else if (step === 'submit') submit(false);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || confirming) return;
      const now = currentQuestion(storeKey);
      const busy = Boolean($quizRequests.get()[storeKey]?.pending);
      const action = quizKeyAction(keyInput(event), now?.question, Boolean(now?.checked) || busy);
      if (!action) return;
      event.preventDefault();
      setNeedAnswer(false);
      if (action.kind === 'confirm') primary();
      else chooseOnCurrent(storeKey, action.kind === 'true-false' ? { value: action.value } : { position: action.position });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const primaryLabel = practice && !locked ? 'runner.check' : !isLast ? 'runner.next' : practice ? 'runner.finish' : 'runner.submit';
  const retry = () => void (request.error?.during === 'check' ? checkCurrentQuestion(storeKey) : submitQuiz(storeKey));

  return (
    <div class="quiz-runner" data-testid="quiz-runner" data-mode={mode}>
      <div class="quiz-status">
        <p class="quiz-progress" data-testid="quiz-progress">
          {qt(locale, 'runner.progress', { n: current + 1, total: questions.length })}
        </p>
        {!practice && <p class="quiz-answered">{qt(locale, 'runner.answered', { n: questions.length - unanswered, total: questions.length })}</p>}
        <QuizTimer locale={locale} startedAt={session.startedAt} />
      </div>
      <div class="meter quiz-meter" aria-hidden="true">
        <span style={{ width: `${((current + 1) / questions.length) * 100}%` }} />
      </div>
      {!practice && <QuizNav locale={locale} session={session} onGo={go} />}

      <QuestionCard locale={locale} question={question} response={response} locked={locked || pending} onChange={answer} headingRef={heading} />

      <div class="quiz-live" aria-live="polite">
        {needAnswer && <p class="quiz-hint">{qt(locale, 'runner.needAnswer')}</p>}
        {pending && <p class="quiz-hint">{qt(locale, 'runner.sending')}</p>}
        {feedback && <FeedbackPanel locale={locale} result={feedback} />}
      </div>
      {request.error && <RequestError locale={locale} error={request.error.error} onRetry={retry} onRestart={onQuit} />}

      {confirming === 'submit' && (
        <div class="notice quiz-confirm" role="group" aria-labelledby="quiz-confirm-text">
          <p id="quiz-confirm-text">{qt(locale, 'runner.unanswered', { n: unanswered })}</p>
          <button type="button" class="button" ref={confirmButton} onClick={() => submit(true)}>
            {qt(locale, 'runner.submitAnyway')}
          </button>
          <button type="button" class="button button--quiet" onClick={() => go(questions.findIndex((item) => !isAnswered(item, session.responses[item.id])))}>
            {qt(locale, 'runner.keepAnswering')}
          </button>
        </div>
      )}

      <div class="quiz-actions">
        <button type="button" class="button button--quiet" disabled={current === 0} onClick={() => go(current - 1)}>
          ← {qt(locale, 'runner.previous')}
        </button>
        <button type="button" class="button" data-testid="quiz-primary" ref={primaryButton} aria-disabled={pending} onClick={primary}>
          {qt(locale, primaryLabel)}
        </button>
      </div>
      <p class="quiz-keys">{qt(locale, 'keys.help')}</p>

      <div class="quiz-quit">
        {confirming === 'quit' ? (
          <div class="notice" role="group" aria-labelledby="quiz-quit-text">
            <p id="quiz-quit-text">{qt(locale, 'runner.quitConfirm')}</p>
            <button type="button" class="button" ref={confirmButton} onClick={onQuit}>
              {qt(locale, 'runner.quitYes')}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setConfirming(null)}>
              {qt(locale, 'runner.keepAnswering')}
            </button>
          </div>
        ) : (
          <button type="button" class="button button--quiet" onClick={() => setConfirming('quit')}>
            {qt(locale, 'runner.quit')}
          </button>
        )}
      </div>
    </div>
  );
}
