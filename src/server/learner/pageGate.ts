/**
 * Data of the learner pages: my assignments, one assigned test, an invite. A page without a
 * learner session shows how to join or resume; a test of another cohort is a 404.
 */
import type { LearnerIdentity } from '../auth/sessions.ts';
import { inviteTokenSchema } from '../auth/schemas.ts';
import { serverReady } from '../db/startup.ts';
import { myAssignments, type MyAssignment } from './assignments.ts';
import { loadCourse } from './course.ts';
import { cohortCourse } from '../authoring/catalog.ts';
import { cohortByInvite, type CohortInvite } from './join.ts';

export async function learnerHome(locals: App.Locals): Promise<{ learner: LearnerIdentity; assignments: MyAssignment[] } | null> {
  if (!locals.learner) return null;
  const [db, course] = await Promise.all([serverReady(), loadCourse()]);
  return { learner: locals.learner, assignments: await myAssignments(db, await cohortCourse(db, course, locals.learner.cohortId), locals.learner) };
}

/** The learner's assignment with this id, or null (not theirs, or not found). */
export async function learnerAssignment(locals: App.Locals, assignmentId: string): Promise<MyAssignment | null> {
  const home = await learnerHome(locals);
  return home?.assignments.find((assignment) => assignment.assignmentId === assignmentId) ?? null;
}

/** The cohort an invite link opens, or null. */
export async function invitePage(token: string): Promise<CohortInvite | null> {
  if (!inviteTokenSchema.safeParse(token).success) return null;
  return cohortByInvite(await serverReady(), token);
}
