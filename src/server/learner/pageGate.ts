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
import { assignedModuleListen, type CustomListen } from '../authoring/listen.ts';
import { assignedLessonView } from '../authoring/pages.ts';
import { customModulesOf, type LearnerModule } from '../../lib/authoring/learnerModules.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

export interface LearnerHome {
  learner: LearnerIdentity;
  assignments: MyAssignment[];
  /** The trainers' own modules among the assignments, each with its lessons in order. */
  customModules: LearnerModule[];
}

export async function learnerHome(locals: App.Locals): Promise<LearnerHome | null> {
  if (!locals.learner) return null;
  const [db, base] = await Promise.all([serverReady(), loadCourse()]);
  const course = await cohortCourse(db, base, locals.learner.cohortId);
  const assignments = await myAssignments(db, course, locals.learner);
  const customModules = customModulesOf(
    assignments.map(({ lessonId, assignmentId, lessonTitle, lessonLang }) => ({ key: lessonId, assignmentId, title: lessonTitle.ja, moduleTitle: course.lesson(lessonId)?.moduleTitle.ja ?? '', lang: lessonLang })),
  );
  return { learner: locals.learner, assignments, customModules };
}

/** A custom lesson assigned to the learner's cohort, with its module; null for anyone else. */
export async function learnerLesson(locals: App.Locals, key: string): ReturnType<typeof assignedLessonView> {
  if (!locals.learner) return null;
  return assignedLessonView(await serverReady(), locals.learner.cohortId, key);
}

/** Listen mode of a custom module version assigned to the learner's cohort; null for anyone else. */
export async function learnerListen(locals: App.Locals, versionId: string, locale: Locale): Promise<CustomListen | null> {
  if (!locals.learner) return null;
  return assignedModuleListen(await serverReady(), locals.learner.cohortId, versionId, locale);
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
