/**
 * Sessions of trainers and learners. The browser holds a random token; the database holds its
 * SHA-256, so a leaked database does not hand out sessions. A session ends when idle for too long
 * (sliding) or at an absolute limit, whichever comes first, or at sign-out.
 *
 * Lookups are cached in the process for a few seconds (see sessionCache.ts): every learner
 * request needs its session, and under a class-sized burst the lookup query was a third of the
 * database work of a submission.
 */
import { and, eq, lt, or } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { cohorts, learners, sessions, trainers } from '../db/schema.ts';
import type { SessionRole } from '../http/cookies.ts';
import { sessionCache } from './sessionCache.ts';
import { newSessionToken, sha256 } from './tokens.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Trainers: 12 h idle, 7 days at most (a working day, a working week). Learners: 30 days idle,
 * 180 days at most: a course spread over weeks on a phone must not ask for the resume code often,
 * and a learner session can only see its own answers.
 */
export const SESSION_RULES: Record<SessionRole, { idleMs: number; absoluteMs: number }> = {
  trainer: { idleMs: 12 * HOUR, absoluteMs: 7 * DAY },
  learner: { idleMs: 30 * DAY, absoluteMs: 180 * DAY },
};

/** Slide the idle expiry at most this often: one write per few minutes per session, not per request. */
const TOUCH_EVERY_MS = 5 * 60_000;

export interface TrainerIdentity {
  id: string;
  email: string;
  name: string;
}

export interface LearnerIdentity {
  id: string;
  name: string;
  cohortId: string;
  cohortName: string;
}

export interface NewSession {
  token: string;
  absoluteExpiresAt: Date;
}

type Subject = { role: 'trainer'; trainerId: string } | { role: 'learner'; learnerId: string };

export async function createSession(db: Database, subject: Subject, now = new Date()): Promise<NewSession> {
  const token = newSessionToken();
  const rules = SESSION_RULES[subject.role];
  const absoluteExpiresAt = new Date(now.getTime() + rules.absoluteMs);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    role: subject.role,
    trainerId: subject.role === 'trainer' ? subject.trainerId : null,
    learnerId: subject.role === 'learner' ? subject.learnerId : null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + rules.idleMs),
    absoluteExpiresAt,
  });
  return { token, absoluteExpiresAt };
}

/**
 * Slides the idle expiry when it is due; deletes the session when it has expired. Returns when
 * the session ends if left idle from now on (the earlier of both limits), or null when it has.
 */
async function keepAlive(db: Database, role: SessionRole, tokenHash: string, expiresAt: Date, absoluteExpiresAt: Date, now: Date): Promise<Date | null> {
  if (expiresAt <= now || absoluteExpiresAt <= now) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    sessionCache(db).forget(tokenHash);
    return null;
  }
  const next = new Date(Math.min(now.getTime() + SESSION_RULES[role].idleMs, absoluteExpiresAt.getTime()));
  if (next.getTime() - expiresAt.getTime() < TOUCH_EVERY_MS) return expiresAt < absoluteExpiresAt ? expiresAt : absoluteExpiresAt;
  await db.update(sessions).set({ expiresAt: next }).where(eq(sessions.tokenHash, tokenHash));
  return next;
}

/** The trainer signed in with this token, or null (unknown, expired or not a trainer session). */
export async function trainerFromToken(db: Database, token: string, now = new Date()): Promise<TrainerIdentity | null> {
  const tokenHash = sha256(token);
  const cache = sessionCache(db);
  const cached = cache.get(tokenHash, 'trainer', now);
  if (cached) return cached as TrainerIdentity;
  const version = cache.version();
  const [row] = await db
    .select({ id: trainers.id, email: trainers.email, name: trainers.name, expiresAt: sessions.expiresAt, absoluteExpiresAt: sessions.absoluteExpiresAt })
    .from(sessions)
    .innerJoin(trainers, eq(trainers.id, sessions.trainerId))
    .where(and(eq(sessions.tokenHash, tokenHash), eq(sessions.role, 'trainer')));
  const expiresAt = row && (await keepAlive(db, 'trainer', tokenHash, row.expiresAt, row.absoluteExpiresAt, now));
  if (!row || !expiresAt) return null;
  const identity: TrainerIdentity = { id: row.id, email: row.email, name: row.name };
  cache.set(tokenHash, { role: 'trainer', identity, expiresAt }, now, version);
  return identity;
}

/** The learner signed in with this token, or null. */
export async function learnerFromToken(db: Database, token: string, now = new Date()): Promise<LearnerIdentity | null> {
  const tokenHash = sha256(token);
  const cache = sessionCache(db);
  const cached = cache.get(tokenHash, 'learner', now);
  if (cached) return cached as LearnerIdentity;
  const version = cache.version();
  const [row] = await db
    .select({
      id: learners.id,
      name: learners.name,
      cohortId: learners.cohortId,
      cohortName: cohorts.name,
      expiresAt: sessions.expiresAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
    })
    .from(sessions)
    .innerJoin(learners, eq(learners.id, sessions.learnerId))
    .innerJoin(cohorts, eq(cohorts.id, learners.cohortId))
    .where(and(eq(sessions.tokenHash, tokenHash), eq(sessions.role, 'learner')));
  const expiresAt = row && (await keepAlive(db, 'learner', tokenHash, row.expiresAt, row.absoluteExpiresAt, now));
  if (!row || !expiresAt) return null;
  const identity: LearnerIdentity = { id: row.id, name: row.name, cohortId: row.cohortId, cohortName: row.cohortName };
  cache.set(tokenHash, { role: 'learner', identity, expiresAt }, now, version);
  return identity;
}

/** Ends one session (sign-out); unknown tokens are ignored. */
export async function endSession(db: Database, token: string): Promise<void> {
  const tokenHash = sha256(token);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  // After the delete: a lookup that read the row before it was gone must not cache it either.
  sessionCache(db).forget(tokenHash);
}

/**
 * Call after deleting trainers, learners or cohorts in this process (their sessions go with them
 * by cascade): the cached lookups of this process are dropped at once. Other processes drop
 * theirs within SESSION_CACHE_TTL_MS.
 */
export function forgetCachedSessions(db: Database): void {
  sessionCache(db).clear();
}

/** Removes expired sessions (run now and then; expired ones are refused anyway). */
export async function sweepExpiredSessions(db: Database, now = new Date()): Promise<void> {
  // Cached entries check both expiries themselves; nothing to forget here.
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.absoluteExpiresAt, now)));
}
