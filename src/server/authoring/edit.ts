/**
 * Edits of a draft. Each names the module revision it was made on; the revision is bumped in the
 * same transaction as the change, and a save naming an older one is refused with 409 and the
 * current revision (another tab or person saved in between: reload instead of overwriting).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LessonPatch, ModulePatch, SectionPatch } from '../../lib/authoring/schema.ts';
import { questionProblems } from '../../lib/authoring/publish.ts';
import type { Question } from '../../lib/quiz/schema.ts';
import type { Database } from '../db/client.ts';
import { isUuid } from '../db/ids.ts';
import { customLessons, customModules, customQuestions, customSections } from '../db/schema.ts';
import { failure, success, type Outcome } from '../http/outcome.ts';
import { ownedModuleRow } from './store.ts';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Rolls the transaction back with a failure to answer. */
class Refused extends Error {
  readonly outcome: Outcome<never>;
  constructor(outcome: Outcome<never>) {
    super('refused');
    this.outcome = outcome;
  }
}

export async function withRevision<Value>(
  db: Database,
  trainerId: string,
  moduleId: string,
  revision: number,
  change: (tx: Transaction) => Promise<Outcome<Value>>,
): Promise<Outcome<{ revision: number; value: Value }>> {
  if (!isUuid(moduleId)) return failure(404, 'not-found');
  try {
    return await db.transaction(async (tx) => {
      const [bumped] = await tx
        .update(customModules)
        .set({ revision: sql`${customModules.revision} + 1`, updatedAt: new Date() })
        .where(and(eq(customModules.id, moduleId), eq(customModules.trainerId, trainerId), eq(customModules.revision, revision)))
        .returning({ revision: customModules.revision });
      if (!bumped) {
        const current = await ownedModuleRow(tx as unknown as Database, trainerId, moduleId);
        throw new Refused(current ? failure(409, 'edited-elsewhere', { revision: current.revision }) : failure(404, 'not-found'));
      }
      const outcome = await change(tx);
      if (!outcome.ok) throw new Refused(outcome);
      return success({ revision: bumped.revision, value: outcome.value });
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome as Outcome<never>;
    throw error;
  }
}

export function patchModule(db: Database, trainerId: string, moduleId: string, patch: ModulePatch) {
  return withRevision(db, trainerId, moduleId, patch.revision, async (tx) => {
    const set: Partial<typeof customModules.$inferInsert> = {};
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.pronunciations !== undefined) set.pronunciations = patch.pronunciations;
    if (Object.keys(set).length) await tx.update(customModules).set(set).where(eq(customModules.id, moduleId));
    return success(null);
  });
}

const lessonsOf = (tx: Transaction, moduleId: string) => tx.select({ id: customLessons.id }).from(customLessons).where(eq(customLessons.moduleId, moduleId));

export function patchLesson(db: Database, trainerId: string, moduleId: string, lessonId: string, patch: LessonPatch) {
  return withRevision(db, trainerId, moduleId, patch.revision, async (tx) => {
    if (!isUuid(lessonId)) return failure(404, 'not-found');
    if (patch.title === undefined) return success(null);
    const rows = await tx.update(customLessons).set({ title: patch.title }).where(and(eq(customLessons.id, lessonId), eq(customLessons.moduleId, moduleId))).returning({ id: customLessons.id });
    return rows.length ? success(null) : failure(404, 'not-found');
  });
}

export function patchSection(db: Database, trainerId: string, moduleId: string, sectionId: string, patch: SectionPatch) {
  return withRevision(db, trainerId, moduleId, patch.revision, async (tx) => {
    if (!isUuid(sectionId)) return failure(404, 'not-found');
    const set: Partial<typeof customSections.$inferInsert> = {};
    if (patch.heading !== undefined) set.heading = patch.heading;
    if (patch.markdown !== undefined) set.markdown = patch.markdown;
    // An empty spoken version means "read the text", like none at all.
    if (patch.spoken !== undefined) set.spoken = patch.spoken?.trim() ? patch.spoken : null;
    const where = and(eq(customSections.id, sectionId), inArray(customSections.lessonId, lessonsOf(tx, moduleId)));
    const rows = Object.keys(set).length
      ? await tx.update(customSections).set(set).where(where).returning({ id: customSections.id })
      : await tx.select({ id: customSections.id }).from(customSections).where(where);
    return rows.length ? success(null) : failure(404, 'not-found');
  });
}

/** Replaces a lesson's test; questions must link to a section of that lesson. */
export function putQuestions(db: Database, trainerId: string, moduleId: string, lessonId: string, revision: number, questions: Question[]) {
  return withRevision(db, trainerId, moduleId, revision, async (tx) => {
    if (!isUuid(lessonId)) return failure(404, 'not-found');
    const [lesson] = await tx.select({ id: customLessons.id }).from(customLessons).where(and(eq(customLessons.id, lessonId), eq(customLessons.moduleId, moduleId)));
    if (!lesson) return failure(404, 'not-found');
    const sections = await tx.select({ id: customSections.id, position: customSections.position }).from(customSections).where(eq(customSections.lessonId, lessonId));
    const ordered = sections.sort((a, b) => a.position - b.position).map((section) => section.id);
    const checked = questionProblems(questions, ordered);
    if (!checked.ok) return failure(400, 'invalid-body', { fieldErrors: checked.fieldErrors });
    await tx.delete(customQuestions).where(eq(customQuestions.lessonId, lessonId));
    if (checked.questions.length) {
      await tx.insert(customQuestions).values(checked.questions.map((question, position) => ({ lessonId, position, question: question as unknown as Record<string, unknown> })));
    }
    return success({ questions: checked.questions });
  });
}
