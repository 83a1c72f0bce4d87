import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { $queue, releaseFailed, startQueueWorker } from './queueStore.ts';
import { failedSubmissions, pendingSubmissions } from './submissionQueue.ts';
import { learnPath, lt } from './text.ts';

/**
 * On "my assignments": sends what the offline queue holds, says how many are still waiting, and
 * lists the submissions the server refused (their answers are kept until the learner acts).
 */
export default function PendingSubmissions({ locale }: { locale: Locale }) {
  const queue = useStore($queue);
  const pending = pendingSubmissions(queue).length;
  const failed = failedSubmissions(queue);
  const [sent, setSent] = useState(false);
  const seen = useRef(0);
  useEffect(() => startQueueWorker(), []);
  useEffect(() => {
    if (pending < seen.current && pending === 0) setSent(true);
    seen.current = pending;
  }, [pending]);
  return (
    <>
      <p role="status" class={pending || sent ? 'notice' : 'visually-hidden'} data-testid="pending">
        {pending ? lt(locale, 'pending.count', { n: pending }) : sent ? lt(locale, 'pending.sent') : ''}
      </p>
      {failed.length > 0 && (
        <div class="notice" role="alert" data-testid="failed-submissions">
          <p>{lt(locale, 'pending.failed', { n: failed.length })}</p>
          <ul>
            {failed.map((item) => (
              <li key={item.attemptId} data-attempt={item.attemptId}>
                <a href={learnPath(locale, `test/${encodeURIComponent(item.assignmentId)}/`)}>{lt(locale, 'pending.open')}</a> ({item.failed.code}){' '}
                <button type="button" class="button button--quiet" onClick={() => releaseFailed(item.attemptId)}>
                  {lt(locale, 'pending.discard')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
