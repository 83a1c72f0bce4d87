/**
 * Cohorts of a trainer. Every read and write names the trainer: a cohort of somebody else is
 * "not found", so ids cannot be probed.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import { newInviteToken } from '../auth/tokens.ts';
import type { Database } from '../db/client.ts';
import { isUuid } from '../db/ids.ts';
import { assignments, cohorts, learners, type Cohort } from '../db/schema.ts';
import type { CohortBody } from './schemas.ts';

export interface CohortListItem {
  id: string;
  name: string;
  learners: number;
  assignments: number;
  createdAt: string;
}

export async function listCohorts(db: Database, trainerId: string): Promise<CohortListItem[]> {
  const [rows, learnerCounts, assignmentCounts] = await Promise.all([
    db.select().from(cohorts).where(eq(cohorts.trainerId, trainerId)).orderBy(asc(cohorts.createdAt)),
    db
      .select({ cohortId: learners.cohortId, value: count() })
      .from(learners)
      .innerJoin(cohorts, eq(cohorts.id, learners.cohortId))
      .where(eq(cohorts.trainerId, trainerId))
      .groupBy(learners.cohortId),
    db
      .select({ cohortId: assignments.cohortId, value: count() })
      .from(assignments)
      .innerJoin(cohorts, eq(cohorts.id, assignments.cohortId))
      .where(eq(cohorts.trainerId, trainerId))
      .groupBy(assignments.cohortId),
  ]);
  const countOf = (list: { cohortId: string; value: number }[], id: string) => list.find((entry) => entry.cohortId === id)?.value ?? 0;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    learners: countOf(learnerCounts, row.id),
    assignments: countOf(assignmentCounts, row.id),
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function createCohort(db: Database, trainerId: string, body: CohortBody): Promise<Cohort> {
  const [row] = await db.insert(cohorts).values({ trainerId, name: body.name, inviteToken: newInviteToken() }).returning();
  if (!row) throw new Error('insert returned no cohort');
  return row;
}

/** The cohort if this trainer owns it, else null. */
export async function ownedCohort(db: Database, trainerId: string, cohortId: string): Promise<Cohort | null> {
  if (!isUuid(cohortId)) return null;
  const [row] = await db.select().from(cohorts).where(and(eq(cohorts.id, cohortId), eq(cohorts.trainerId, trainerId)));
  return row ?? null;
}

/** A new invite token: the old link stops working at once. Null when not the trainer's cohort. */
export async function rotateInvite(db: Database, trainerId: string, cohortId: string): Promise<Cohort | null> {
  if (!isUuid(cohortId)) return null;
  const [row] = await db
    .update(cohorts)
    .set({ inviteToken: newInviteToken(), inviteRotatedAt: new Date() })
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.trainerId, trainerId)))
    .returning();
  return row ?? null;
}

/** The path of the invite page; the origin is added by whoever shows it. */
export function invitePath(token: string, locale: 'ja' | 'en' = 'ja'): string {
  return `${locale === 'en' ? '/en' : ''}/join/${token}/`;
}
