/**
 * Submissions waiting to reach the server, kept in localStorage so that nothing a learner answered
 * is lost: offline on a train, a closed tab, a server restart. Each keeps the clientSubmissionId it
 * was made with, so sending it twice (a reply lost on the way back) is harmless: the server
 * returns the stored result. Versioned like the progress store; a broken entry is dropped alone.
 */
export const QUEUE_KEY = 'ltv-dojo:submissions';
export const QUEUE_VERSION = 1;

export interface QueuedSubmission {
  attemptId: string;
  assignmentId: string;
  clientSubmissionId: string;
  responses: Record<string, unknown>;
  /** When the learner pressed submit (ISO); the server records it beside its own receipt time. */
  answeredAt: string;
  /** Failed sends so far (for the backoff). */
  tries: number;
}

interface StoredQueue {
  version: typeof QUEUE_VERSION;
  items: QueuedSubmission[];
}

export type QueueStorage = Pick<Storage, 'getItem' | 'setItem'>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readItem(value: unknown): QueuedSubmission | null {
  if (!isRecord(value)) return null;
  const { attemptId, assignmentId, clientSubmissionId, responses, answeredAt, tries } = value;
  if (typeof attemptId !== 'string' || typeof assignmentId !== 'string' || typeof clientSubmissionId !== 'string') return null;
  if (!isRecord(responses) || typeof answeredAt !== 'string') return null;
  return { attemptId, assignmentId, clientSubmissionId, responses, answeredAt, tries: typeof tries === 'number' && tries >= 0 ? tries : 0 };
}

/** The queue as stored; unreadable entries are left out, never thrown. */
export function decodeQueue(encoded: string | null): QueuedSubmission[] {
  if (!encoded) return [];
  try {
    const raw: unknown = JSON.parse(encoded);
    // Version 1 is the first; a later format adds its migration here before reading.
    if (!isRecord(raw) || raw.version !== QUEUE_VERSION || !Array.isArray(raw.items)) return [];
    return raw.items.map(readItem).filter((item): item is QueuedSubmission => item !== null);
  } catch {
    return [];
  }
}

export function encodeQueue(items: readonly QueuedSubmission[]): string {
  const stored: StoredQueue = { version: QUEUE_VERSION, items: [...items] };
  return JSON.stringify(stored);
}

export function readQueue(storage: QueueStorage): QueuedSubmission[] {
  return decodeQueue(storage.getItem(QUEUE_KEY));
}

export function writeQueue(storage: QueueStorage, items: readonly QueuedSubmission[]): void {
  storage.setItem(QUEUE_KEY, encodeQueue(items));
}

/** Adds a submission (one per attempt: a newer one for the same attempt replaces the older). */
export function withSubmission(items: readonly QueuedSubmission[], item: QueuedSubmission): QueuedSubmission[] {
  return [...items.filter((other) => other.attemptId !== item.attemptId), item];
}

/** Wait before the next try: 2 s, 4 s, 8 s... up to a minute; `jitter` in [0, 1) spreads a class's retries. */
export function backoffMs(tries: number, jitter = 0): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.min(tries, 10));
  return Math.round(base * (0.8 + 0.4 * jitter));
}

/** What one send did: delivered (with the server's body), try again later, or refused for good. */
export type SendOutcome =
  | { kind: 'sent'; body: unknown }
  | { kind: 'retry'; reason: 'network' | 'server' | 'signed-out' }
  | { kind: 'rejected'; code: string };

/**
 * One POST of a queued submission. Signed out (401) keeps it queued: the learner can sign in
 * again with the resume code and it goes out then. A 409 "already submitted" means the attempt is
 * graded on the server (from this queue or another tab): nothing is lost, so it counts as sent.
 */
export async function sendSubmission(item: QueuedSubmission, fetchImpl: typeof fetch = fetch): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(`/api/learner/attempts/${encodeURIComponent(item.attemptId)}/submit`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ clientSubmissionId: item.clientSubmissionId, responses: item.responses, answeredAt: item.answeredAt }),
    });
  } catch {
    return { kind: 'retry', reason: 'network' };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page: the status decides.
  }
  if (response.ok) return { kind: 'sent', body };
  const code = isRecord(body) && typeof body.error === 'string' ? body.error : `http-${response.status}`;
  if (response.status === 401) return { kind: 'retry', reason: 'signed-out' };
  if (response.status === 409 && code === 'already-submitted') return { kind: 'sent', body: null };
  if (response.status === 429 || response.status >= 500) return { kind: 'retry', reason: 'server' };
  return { kind: 'rejected', code };
}
