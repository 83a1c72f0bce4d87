/**
 * The learner's attempt history as stored in the browser: recordFromGrade records (scores per
 * question, no texts), read by the mastery and review rules. Versioned and forgiving like the
 * progress store: unreadable records are dropped one by one, never thrown.
 */
import * as z from 'zod/mini';
import { attemptRecordSchema, type AttemptRecord } from '../recordSchema.ts';

export const HISTORY_VERSION = 1;

/**
 * Records kept: at five questions an attempt, 400 attempts is months of daily review in about
 * 100 KB of localStorage. The oldest go first; mastery only reads the recent answers anyway.
 */
export const MAX_HISTORY_RECORDS = 400;

export interface QuizHistory {
  version: typeof HISTORY_VERSION;
  /** Oldest first. */
  attempts: AttemptRecord[];
}

export type HistoryNotice = { kind: 'reset-all' } | { kind: 'dropped'; count: number };

export function emptyHistory(): QuizHistory {
  return { version: HISTORY_VERSION, attempts: [] };
}

const storedSchema = z.object({ version: z.number(), attempts: z.array(z.unknown()) });

/**
 * Earlier formats migrate here, oldest first (none yet: version 1 is the first). A change of
 * the record format adds `1: (raw) => ...` and bumps HISTORY_VERSION.
 */
const migrations: Record<number, (raw: { version: number; attempts: unknown[] }) => { version: number; attempts: unknown[] }> = {};

export function decodeHistory(encoded: string | null | undefined): { history: QuizHistory; notice?: HistoryNotice } {
  if (!encoded) return { history: emptyHistory() };
  let raw: unknown;
  try {
    raw = JSON.parse(encoded);
  } catch {
    return { history: emptyHistory(), notice: { kind: 'reset-all' } };
  }
  const stored = storedSchema.safeParse(raw);
  if (!stored.success) return { history: emptyHistory(), notice: { kind: 'reset-all' } };
  let current = stored.data;
  while (current.version < HISTORY_VERSION && migrations[current.version]) current = (migrations[current.version] as (typeof migrations)[number])(current);
  if (current.version !== HISTORY_VERSION) return { history: emptyHistory(), notice: { kind: 'reset-all' } };
  const attempts: AttemptRecord[] = [];
  for (const record of current.attempts) {
    const parsed = attemptRecordSchema.safeParse(record);
    if (parsed.success) attempts.push(parsed.data);
  }
  const dropped = current.attempts.length - attempts.length;
  const history: QuizHistory = { version: HISTORY_VERSION, attempts };
  return dropped ? { history, notice: { kind: 'dropped', count: dropped } } : { history };
}

export function encodeHistory(history: QuizHistory): string {
  return JSON.stringify(history);
}

/** A copy with the record added (a replay of the same graded attempt is not counted twice). */
export function appendRecord(history: QuizHistory, record: AttemptRecord, max = MAX_HISTORY_RECORDS): QuizHistory {
  const duplicate = history.attempts.some(
    (kept) =>
      kept.lesson === record.lesson &&
      kept.attemptId === record.attemptId &&
      kept.seed === record.seed &&
      kept.mode === record.mode &&
      kept.completedAt === record.completedAt,
  );
  if (duplicate) return history;
  return { ...history, attempts: [...history.attempts, record].slice(-max) };
}

/** One lesson's attempts, newest first. */
export function lessonAttempts(history: QuizHistory, lesson: string): AttemptRecord[] {
  return history.attempts.filter((record) => record.lesson === lesson).reverse();
}
