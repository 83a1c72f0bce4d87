import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { formatElapsed } from '../../lib/quiz/client/time.ts';
import { qt } from './text.ts';

/** Time since the attempt started, shown for pacing only: nothing happens when it runs long. */
export default function QuizTimer({ locale, startedAt }: { locale: Locale; startedAt: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p class="quiz-timer">
      <span class="quiz-timer__label" id="quiz-timer-label">
        {qt(locale, 'runner.timer')}
      </span>{' '}
      {/* role=timer is not live: a screen reader reads it when asked, not every second. */}
      <span role="timer" aria-labelledby="quiz-timer-label" class="quiz-timer__value">
        {formatElapsed(now - Date.parse(startedAt))}
      </span>
    </p>
  );
}
