/**
 * Submissions waiting to reach the server, kept in localStorage so that nothing a learner answered
 * is lost: offline on a train, a closed tab, a server restart. Each keeps the clientSubmissionId it
 * was made with, so sending it twice (a reply lost on the way back) is harmless: the server
 * returns the stored result. Versioned like the progress store; a broken entry is dropped alone.
 */
export const QUEUE_KEY = 'ltv-dojo:submissions';
export const QUEUE_VERSION = 1;

/**
 * Why the server refused a submission for good (a 4xx that sending again cannot change). The
 * submission stays in the queue with it, so the answers are never lost: the learner corrects them
 * (a 400 naming answers) or keeps them to show the trainer (the attempt is gone).
 */
export interface SubmissionFailure {
  status: number;
  /** The server's error code (`invalid-body`, `not-found`, `attempt-outdated`) or `http-<status>`. */
  code: string;
  /** Questions whose answers the server named (its fieldErrors `responses.<id>`). */
  questionIds: string[];
}

export interface QueuedSubmission {
  attemptId: string;
  assignmentId: string;
  clientSubmissionId: string;
  responses: Record<string, unknown>;
  /** When the learner pressed submit (ISO); the server records it beside its own receipt time. */
  answeredAt: string;
  /** Failed sends so far (for the backoff). */
  tries: number;
  /** Set once the server refused it for good: kept, shown, never sent again by itself. */
  failed?: SubmissionFailure;
}

interface StoredQueue {
  version: typeof QUEUE_VERSION;
  items: QueuedSubmission[];
}

export type QueueStorage = Pick<Storage, 'getItem' | 'setItem'>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readFailure(value: unknown): SubmissionFailure | undefined {
  if (!isRecord(value) || typeof value.status !== 'number' || typeof value.code !== 'string') return undefined;
  const questionIds = Array.isArray(value.questionIds) ? value.questionIds.filter((id): id is string => typeof id === 'string') : [];
  return { status: value.status, code: value.code, questionIds };
}

function readItem(value: unknown): QueuedSubmission | null {
  if (!isRecord(value)) return null;
  const { attemptId, assignmentId, clientSubmissionId, responses, answeredAt, tries } = value;
  if (typeof attemptId !== 'string' || typeof assignmentId !== 'string' || typeof clientSubmissionId !== 'string') return null;
  if (!isRecord(responses) || typeof answeredAt !== 'string') return null;
  const item: QueuedSubmission = { attemptId, assignmentId, clientSubmissionId, responses, answeredAt, tries: typeof tries === 'number' && tries >= 0 ? tries : 0 };
  const failed = readFailure(value.failed);
  return failed ? { ...item, failed } : item;
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

/** Adds a submission (one per attempt: a newer one for the same attempt replaces the older, refused or not). */
export function withSubmission(items: readonly QueuedSubmission[], item: QueuedSubmission): QueuedSubmission[] {
  return [...items.filter((other) => other.attemptId !== item.attemptId), item];
}

/** The queue with the attempt's submission marked as refused for good (kept, not sent again). */
export function withFailure(items: readonly QueuedSubmission[], attemptId: string, failed: SubmissionFailure): QueuedSubmission[] {
  return items.map((item) => (item.attemptId === attemptId ? { ...item, failed } : item));
}

/** Submissions still to send (refused ones wait for the learner instead). */
export const pendingSubmissions = (items: readonly QueuedSubmission[]) => items.filter((item) => !item.failed);
/** Submissions the server refused for good. */
export const failedSubmissions = (items: readonly QueuedSubmission[]) => items.filter((item): item is QueuedSubmission & { failed: SubmissionFailure } => item.failed !== undefined);

/**
 * Whether sending the same thing again may work: timeouts, "too early", rate limits and server
 * errors pass. Every other 4xx (400, 403, 404, 409, 413, 422...) is the same answer next time.
 */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Whether the learner can fix the refusal by changing answers (the body was refused, not the attempt). */
export function canCorrect(failure: SubmissionFailure): boolean {
  return failure.status === 400 || failure.status === 413 || failure.status === 422;
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
  | ({ kind: 'rejected' } & SubmissionFailure);

/** The question ids named by a 400's field errors (`responses.<id>`). */
function refusedQuestions(body: unknown): string[] {
  const errors = isRecord(body) && isRecord(body.fieldErrors) ? Object.keys(body.fieldErrors) : [];
  return errors.filter((field) => field.startsWith('responses.')).map((field) => field.slice('responses.'.length));
}

/**
 * One POST of a queued submission. Signed out (401) keeps it queued: the learner can sign in
 * again with the resume code and it goes out then. A 409 "already submitted" means the attempt is
 * graded on the server (from this queue or another tab): nothing is lost, so it counts as sent.
 * Offline, 5xx and 429 are tried again later; any other 4xx is refused for good.
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
  if (isTransientStatus(response.status)) return { kind: 'retry', reason: 'server' };
  return { kind: 'rejected', status: response.status, code, questionIds: refusedQuestions(body) };
}
