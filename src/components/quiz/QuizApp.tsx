import { useEffect, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { useClientStore } from '../hooks/useClientStore.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { lessonAttempts, emptyHistory } from '../../lib/quiz/client/attemptHistory.ts';
import { reviewIdsFromSearch } from '../../lib/quiz/client/paths.ts';
import { emptySessions, type QuizSession } from '../../lib/quiz/client/session.ts';
import type { PracticeGradeResult } from '../../lib/quiz/reveal.ts';
import { $quizRequests, $quizSessions, discardQuiz, sessionKey, startQuiz, type QuizRequestState } from '../../stores/quiz.ts';
import { $quizHistory } from '../../stores/quizHistory.ts';
import AttemptHistory from './AttemptHistory.tsx';
import QuizNotices from './QuizNotices.tsx';
import QuizResults from './QuizResults.tsx';
import QuizRunner from './QuizRunner.tsx';
import QuizStart, { type StartChoice } from './QuizStart.tsx';
import RequestError from './RequestError.tsx';

interface Props {
  lesson: string;
  locale: Locale;
  lessonHref: string;
  reviewHref: string;
  /** Questions in the bank (not the questions themselves: the browser never gets the bank). */
  bankSize: number;
  testCount: number;
  passMark: number;
}

const SERVER_SESSIONS = emptySessions();
const SERVER_HISTORY = emptyHistory();
const IDLE: QuizRequestState = { pending: null, error: null };

const sameIds = (a: readonly string[], b: readonly string[] | undefined) => b !== undefined && a.length === b.length && a.every((id, i) => id === b[i]);

/** The quiz page's island: start screen, the attempt in progress (restored after a reload), or its results. */
export default function QuizApp({ lesson, locale, lessonHref, reviewHref, bankSize, testCount, passMark }: Props) {
  const key = sessionKey(locale, lesson);
  const sessions = useClientStore($quizSessions, SERVER_SESSIONS);
  const quizHistory = useClientStore($quizHistory, SERVER_HISTORY);
  const request = useStore($quizRequests)[key] ?? IDLE;
  const session: QuizSession | undefined = sessions.sessions[key];
  const [reviewIds, setReviewIds] = useState<string[] | null>(null);
  // Focus moves only after an action on this page, never on load.
  const [moved, setMoved] = useState(false);

  useEffect(() => setReviewIds(reviewIdsFromSearch(window.location.search)), []);

  const leaveReview = () => {
    setReviewIds(null);
    const url = new URL(window.location.href);
    url.searchParams.delete('review');
    replaceAddress(url);
  };
  // The last start asked for, so a failed start can be tried again as it was; counted so that
  // a second failure mounts a fresh message (announced and focused again).
  const [lastStart, setLastStart] = useState<{ choice: StartChoice; tries: number } | null>(null);
  const start = async (choice: StartChoice) => {
    setMoved(true);
    setLastStart((previous) => ({ choice, tries: (previous?.tries ?? 0) + 1 }));
    const started = await startQuiz({ lesson, locale, ...choice });
    if (started && reviewIds) leaveReview();
  };
  const quit = () => {
    setMoved(true);
    discardQuiz(key);
  };

  // A review link wins over another quiz of the lesson; that one can still be resumed.
  const reviewFirst = reviewIds !== null && !sameIds(reviewIds, session?.questionIds);
  const attempts = lessonAttempts(quizHistory, lesson);
  let main;
  if (session?.result && !reviewFirst) {
    main = (
      <QuizResults
        locale={locale}
        session={session as QuizSession & { result: PracticeGradeResult }}
        lessonHref={lessonHref}
        reviewHref={reviewHref}
        focusOnMount={moved}
        pending={request.pending !== null}
        onRetake={(questionIds) => void start({ mode: session.mode, questionIds })}
        onAgain={() => void start(session.questionIds ? { mode: session.mode } : { mode: session.mode, count: session.count })}
      />
    );
  } else if (session && !session.result && !reviewFirst) {
    main = <QuizRunner locale={locale} storeKey={key} session={session} request={request} focusOnMount={moved} onQuit={quit} />;
  } else {
    main = (
      <QuizStart
        locale={locale}
        bankSize={bankSize}
        testCount={testCount}
        passMark={passMark}
        reviewIds={reviewIds}
        canResume={Boolean(session && !session.result)}
        pending={request.pending !== null}
        onStart={(choice) => void start(choice)}
        onResume={leaveReview}
        onLeaveReview={leaveReview}
      />
    );
  }
  const startFailed = request.error?.during === 'start' ? request.error.error : null;
  return (
    <div class="quiz-app" data-hydrated={sessions === SERVER_SESSIONS ? undefined : 'true'}>
      <QuizNotices locale={locale} />
      {main}
      {startFailed && (
        <RequestError
          key={lastStart?.tries}
          locale={locale}
          error={startFailed}
          starting
          focusOnMount={moved}
          onRetry={lastStart ? () => void start(lastStart.choice) : undefined}
        />
      )}
      {!(session && !session.result && !reviewFirst) && <AttemptHistory locale={locale} attempts={attempts} />}
    </div>
  );
}

/** Drops `?review=` from the address without a reload, so a reload does not offer the review again. */
function replaceAddress(url: URL): void {
  window.history.replaceState(window.history.state, '', url);
}
