import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { $queue, startQueueWorker } from './queueStore.ts';
import { lt } from './text.ts';

/** On "my assignments": sends what the offline queue holds and says how many are still waiting. */
export default function PendingSubmissions({ locale }: { locale: Locale }) {
  const queue = useStore($queue);
  const [sent, setSent] = useState(false);
  const seen = useRef(0);
  useEffect(() => startQueueWorker(), []);
  useEffect(() => {
    if (queue.length < seen.current && queue.length === 0) setSent(true);
    seen.current = queue.length;
  }, [queue.length]);
  return (
    <p role="status" class={queue.length || sent ? 'notice' : 'visually-hidden'} data-testid="pending">
      {queue.length ? lt(locale, 'pending.count', { n: queue.length }) : sent ? lt(locale, 'pending.sent') : ''}
    </p>
  );
}
