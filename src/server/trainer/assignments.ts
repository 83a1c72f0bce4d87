/**
 * Assigning lessons to a cohort: modules expand into their lessons that have a test; assigning a
 * lesson again updates its due date, pass mark and question count (results are kept).
 */
import type { Database } from '../db/client.ts';
import { assignments, type Assignment } from '../db/schema.ts';
import { failure, success, type Outcome } from '../http/outcome.ts';
import type { Course } from '../learner/course.ts';
import type { AssignBody } from './schemas.ts';
import { sql } from 'drizzle-orm';

/** The lesson ids the body names, modules expanded, in course order, without duplicates. */
export function lessonsToAssign(course: Course, body: Pick<AssignBody, 'lessons' | 'modules'>): Outcome<string[]> {
  const unknownLessons = body.lessons.filter((id) => !course.lesson(id));
  const unknownModules = body.modules.filter((id) => course.lessonsOfModule(id).length === 0);
  if (unknownLessons.length || unknownModules.length) {
    const fieldErrors: Record<string, string[]> = {};
    if (unknownLessons.length) fieldErrors.lessons = [`no test for: ${unknownLessons.join(', ')}`];
    if (unknownModules.length) fieldErrors.modules = [`no module with tests: ${unknownModules.join(', ')}`];
    return failure(400, 'invalid-body', { fieldErrors });
  }
  const wanted = new Set([...body.lessons, ...body.modules.flatMap((id) => course.lessonsOfModule(id).map((lesson) => lesson.id))]);
  return success(course.lessons.filter((lesson) => wanted.has(lesson.id)).map((lesson) => lesson.id));
}

/** Creates or updates one assignment per lesson; the caller has checked the cohort is the trainer's. */
export async function assignLessons(db: Database, course: Course, cohortId: string, body: AssignBody): Promise<Outcome<Assignment[]>> {
  const lessons = lessonsToAssign(course, body);
  if (!lessons.ok) return lessons;
  const values = lessons.value.map((lessonId) => ({
    cohortId,
    lessonId,
    dueAt: new Date(body.dueAt),
    passMark: body.passMark,
    questionCount: body.questionCount,
  }));
  const rows = await db
    .insert(assignments)
    .values(values)
    .onConflictDoUpdate({
      target: [assignments.cohortId, assignments.lessonId],
      set: { dueAt: sql`excluded.due_at`, passMark: sql`excluded.pass_mark`, questionCount: sql`excluded.question_count` },
    })
    .returning();
  return success(rows);
}
