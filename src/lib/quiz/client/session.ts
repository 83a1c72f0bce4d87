/**
 * Quizzes in progress as stored in the browser, one per lesson and language (a Japanese and an
 * English attempt of the same lesson are separate texts). Versioned like the progress store:
 * `decodeSessions` reads any version it knows, drops what it cannot read one quiz at a time,
 * and never throws, so a broken entry cannot break the quiz page.
 */
import type { Locale } from '../../i18n/locales.ts';
import { quizSessionSchema, type QuizSession } from './sessionSchema.ts';

export type { QuizSession } from './sessionSchema.ts';

/**
 * 2: attempts are stored on the server and named by an opaque id. A version-1 quiz named its
 * seed and cannot be graded any more: it is dropped (the page says so once) and starts fresh.
 */
export const SESSIONS_VERSION = 2;

export interface QuizSessions {
  version: typeof SESSIONS_VERSION;
  /** By sessionKey(locale, lesson). */
  sessions: Record<string, QuizSession>;
}

/** Why stored quizzes were dropped; said once on the page. */
export type SessionsNotice =
  | { kind: 'reset-all' }
  | { kind: 'reset-some'; keys: string[] }
  /** Quizzes of an older format that cannot be continued (version 1: graded from a seed the browser held). */
  | { kind: 'outdated' };

export function emptySessions(): QuizSessions {
  return { version: SESSIONS_VERSION, sessions: {} };
}

export function sessionKey(locale: Locale, lesson: string): string {
  return `${locale}:${lesson}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Earlier formats, each migrating to the next, as src/lib/progress does. Version 1 has none on
 * purpose: its attempts exist only as seeds, which the server no longer grades.
 */
const migrations: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

export function decodeSessions(encoded: string | null | undefined): { sessions: QuizSessions; notice?: SessionsNotice } {
  if (!encoded) return { sessions: emptySessions() };
  let raw: unknown;
  try {
    raw = JSON.parse(encoded);
  } catch {
    return { sessions: emptySessions(), notice: { kind: 'reset-all' } };
  }
  if (!isRecord(raw)) return { sessions: emptySessions(), notice: { kind: 'reset-all' } };
  let version = raw['version'];
  let current = raw;
  while (typeof version === 'number' && version < SESSIONS_VERSION) {
    const migrate = migrations[version];
    if (!migrate) break;
    current = migrate(current);
    version = version + 1;
  }
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < SESSIONS_VERSION) {
    return { sessions: emptySessions(), notice: { kind: 'outdated' } };
  }
  if (version !== SESSIONS_VERSION) return { sessions: emptySessions(), notice: { kind: 'reset-all' } };
  const sessions: Record<string, QuizSession> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(isRecord(current['sessions']) ? current['sessions'] : {})) {
    const parsed = quizSessionSchema.safeParse(value);
    if (parsed.success && parsed.data.current < parsed.data.view.questions.length) sessions[key] = parsed.data;
    else dropped.push(key);
  }
  const decoded = { version: SESSIONS_VERSION, sessions } as const;
  return dropped.length ? { sessions: decoded, notice: { kind: 'reset-some', keys: dropped } } : { sessions: decoded };
}

export function encodeSessions(sessions: QuizSessions): string {
  return JSON.stringify(sessions);
}

/** A copy with one session replaced (or removed with null). */
export function withSession(all: QuizSessions, key: string, session: QuizSession | null): QuizSessions {
  const { [key]: _removed, ...others } = all.sessions;
  return { ...all, sessions: session ? { ...others, [key]: session } : others };
}
