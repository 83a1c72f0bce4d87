import { useEffect, useRef } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { ApiError } from '../../lib/quiz/client/api.ts';
import { qt, type QuizTextKey } from './text.ts';

interface Props {
  locale: Locale;
  error: ApiError;
  /** Starting an attempt failed: nothing was answered yet, so nothing was saved either. */
  starting?: boolean;
  /** Move focus to the message (after the learner's own action), so it is read and in view. */
  focusOnMount?: boolean;
  onRetry?: () => void;
  onRestart?: () => void;
}

/** A failed request said plainly, with what the learner can do: send again, or start anew when the attempt cannot be graded. */
export default function RequestError({ locale, error, starting, focusOnMount, onRetry, onRestart }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, []);
  const canRetry = error.kind === 'offline' || error.kind === 'rate-limited' || error.kind === 'server';
  const message = starting && error.kind === 'offline' ? 'error.offline-start' : (`error.${error.kind}` as QuizTextKey);
  return (
    <div class="notice quiz-error" role="alert" tabIndex={-1} ref={ref} data-testid="quiz-error">
      <p>{qt(locale, message)}</p>
      {canRetry && onRetry && (
        <button type="button" class="button button--quiet" onClick={onRetry}>
          {qt(locale, starting ? 'start.retry' : 'runner.retry')}
        </button>
      )}
      {(error.kind === 'invalid' || error.kind === 'expired') && onRestart && (
        <button type="button" class="button button--quiet" onClick={onRestart}>
          {qt(locale, 'runner.quit')}
        </button>
      )}
    </div>
  );
}
