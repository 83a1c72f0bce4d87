/**
 * Joining a cohort through its invite link, and coming back on another device with the resume
 * code. The code is shown once and only its hash is kept: losing it means asking the trainer,
 * which is the point (nobody else can take over the learner's record).
 */
import { eq } from 'drizzle-orm';
import { newResumeCode, resumeCodeHash } from '../auth/tokens.ts';
import type { JoinBody } from '../auth/schemas.ts';
import type { Database } from '../db/client.ts';
import { cohorts, learners, trainers } from '../db/schema.ts';

export interface CohortInvite {
  cohortId: string;
  cohortName: string;
  trainerName: string;
}

/** The cohort an invite token opens, or null (unknown or rotated away). */
export async function cohortByInvite(db: Database, token: string): Promise<CohortInvite | null> {
  const [row] = await db
    .select({ cohortId: cohorts.id, cohortName: cohorts.name, trainerName: trainers.name })
    .from(cohorts)
    .innerJoin(trainers, eq(trainers.id, cohorts.trainerId))
    .where(eq(cohorts.inviteToken, token));
  return row ?? null;
}

export interface JoinedLearner {
  learnerId: string;
  cohortId: string;
  cohortName: string;
  /** `XXXX-XXXX-XXXX`: shown to the learner once, never stored in the clear. */
  resumeCode: string;
}

/** A new learner in the invite's cohort, or null when the token opens no cohort. */
export async function joinCohort(db: Database, body: JoinBody): Promise<JoinedLearner | null> {
  const invite = await cohortByInvite(db, body.token);
  if (!invite) return null;
  const resumeCode = newResumeCode();
  const [learner] = await db
    .insert(learners)
    .values({ cohortId: invite.cohortId, name: body.name, employeeId: body.employeeId ?? null, resumeCodeHash: resumeCodeHash(resumeCode) as string })
    .returning({ id: learners.id });
  if (!learner) throw new Error('insert returned no learner');
  return { learnerId: learner.id, cohortId: invite.cohortId, cohortName: invite.cohortName, resumeCode };
}

/** The learner a resume code belongs to, or null. */
export async function learnerByResumeCode(db: Database, code: string): Promise<string | null> {
  const hash = resumeCodeHash(code);
  if (!hash) return null;
  const [row] = await db.select({ id: learners.id }).from(learners).where(eq(learners.resumeCodeHash, hash));
  return row?.id ?? null;
}
