/**
 * The submission queue as a store: what is waiting ($queue), what happened to each attempt's
 * submission ($deliveries), and the worker that sends: at once, when the browser says it is
 * back online, and on a timer with backoff after a failure. A submission the server refused for
 * good stays queued, marked failed, until the learner corrects or discards it: answers are never
 * dropped behind their back. Safe to start from several islands.
 */
import { atom, map } from 'nanostores';
import {
  backoffMs,
  failedSubmissions,
  pendingSubmissions,
  readQueue,
  sendSubmission,
  withFailure,
  withSubmission,
  writeQueue,
  QUEUE_KEY,
  type QueuedSubmission,
  type QueueStorage,
  type SendOutcome,
} from './submissionQueue.ts';

export type Delivery = SendOutcome | { kind: 'waiting'; reason: 'offline' | 'network' | 'server' | 'signed-out'; retryAt: number | null };

export const $queue = atom<QueuedSubmission[]>([]);
export const $deliveries = map<Record<string, Delivery>>({});

const memory = new Map<string, string>();
/** localStorage, or memory when it is blocked (private modes): the queue then lasts as long as the tab. */
function storage(): QueueStorage {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // blocked
  }
  return { getItem: (key) => memory.get(key) ?? null, setItem: (key, value) => void memory.set(key, value) };
}

function save(items: QueuedSubmission[]): void {
  try {
    writeQueue(storage(), items);
  } catch {
    // Full storage: keep it in memory at least.
  }
  $queue.set(items);
}

let flushing = false;
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(ms: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void flushQueue(), ms);
}

/** Sends what is queued, oldest first; stops at the first transient failure and retries later. */
export async function flushQueue(): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    for (const item of pendingSubmissions(readQueue(storage()))) {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) {
        $deliveries.setKey(item.attemptId, { kind: 'waiting', reason: 'offline', retryAt: null });
        schedule(backoffMs(item.tries, Math.random()));
        return;
      }
      const outcome = await sendSubmission(item);
      // Re-read: another tab may have sent or added something meanwhile.
      const current = readQueue(storage());
      if (outcome.kind === 'retry') {
        const wait = backoffMs(item.tries, Math.random());
        save(current.map((other) => (other.attemptId === item.attemptId ? { ...other, tries: other.tries + 1 } : other)));
        $deliveries.setKey(item.attemptId, { kind: 'waiting', reason: outcome.reason, retryAt: Date.now() + wait });
        schedule(wait);
        return;
      }
      if (outcome.kind === 'rejected') {
        const { kind: _, ...failed } = outcome;
        save(withFailure(current, item.attemptId, failed));
      } else {
        save(current.filter((other) => other.attemptId !== item.attemptId));
      }
      $deliveries.setKey(item.attemptId, outcome);
    }
  } finally {
    flushing = false;
  }
}

/** Puts a submission in the queue (saved first, then sent). */
export function queueSubmission(item: QueuedSubmission): void {
  save(withSubmission(readQueue(storage()), item));
  void flushQueue();
}

/**
 * Takes a refused submission out of the queue, once the learner has it back (in the test form to
 * correct) or has chosen to let it go; returns it, or null when there is none.
 */
export function releaseFailed(attemptId: string): QueuedSubmission | null {
  const items = readQueue(storage());
  const item = items.find((other) => other.attemptId === attemptId && other.failed);
  if (!item) return null;
  save(items.filter((other) => other !== item));
  $deliveries.setKey(attemptId, undefined);
  return item;
}

/** The refused submissions' outcomes, for a page opened after the refusal (deliveries live in memory). */
function showFailures(items: readonly QueuedSubmission[]): void {
  for (const item of failedSubmissions(items)) $deliveries.setKey(item.attemptId, { kind: 'rejected', ...item.failed });
}

let started = false;
/** Loads the queue and starts sending; the `online` event and other tabs' changes wake it up. */
export function startQueueWorker(): void {
  if (typeof window === 'undefined') return;
  // Every island that starts it sees the stored queue, refused submissions included.
  $queue.set(readQueue(storage()));
  showFailures($queue.get());
  if (!started) {
    started = true;
    window.addEventListener('online', () => void flushQueue());
    window.addEventListener('storage', (event) => {
      if (event.key === QUEUE_KEY) $queue.set(readQueue(storage()));
    });
  }
  void flushQueue();
}

export { storage as queueStorage };
