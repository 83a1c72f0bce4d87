import type { Locale } from '../../lib/i18n/locales.ts';
import type { ApiError } from '../../lib/quiz/client/api.ts';
import { qt, type QuizTextKey } from './text.ts';

/** A failed request said plainly, with what the learner can do: send again, or start anew when the attempt cannot be graded. */
export default function RequestError({ locale, error, onRetry, onRestart }: { locale: Locale; error: ApiError; onRetry?: () => void; onRestart?: () => void }) {
  const canRetry = error.kind === 'offline' || error.kind === 'rate-limited' || error.kind === 'server';
  return (
    <div class="notice quiz-error" role="alert">
      <p>{qt(locale, `error.${error.kind}` as QuizTextKey)}</p>
      {canRetry && onRetry && (
        <button type="button" class="button button--quiet" onClick={onRetry}>
          {qt(locale, 'runner.retry')}
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
