/**
 * Edits of a draft. Each names the revision of the thing it changes (the module title, the
 * pronunciations, a lesson title, a lesson's test, a section) and is a compare-and-set on that
 * revision: a save naming an older one is refused with 409 and the current revision (another tab
 * or person saved that very thing: reload instead of overwriting), while edits of different
 * things never conflict. Every edit also bumps the draft's revision, which publishing names.
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

/** What an edit answers: the edited thing's new revision, the draft's new revision, and a value. */
export interface Saved<Value> {
  revision: number;
  draftRevision: number;
  value: Value;
}

async function inTransaction<Value>(db: Database, change: (tx: Transaction) => Promise<Outcome<Value>>): Promise<Outcome<Value>> {
  try {
    return await db.transaction(async (tx) => {
      const outcome = await change(tx);
      if (!outcome.ok) throw new Refused(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome as Outcome<never>;
    throw error;
  }
}

/**
 * Bumps the draft revision of the trainer's module (and with it locks the module row, so edits of
 * one module run one after another); with `expected`, only when the draft is still at it.
 */
async function bumpDraft(tx: Transaction, trainerId: string, moduleId: string, expected?: number): Promise<number | undefined> {
  const [bumped] = await tx
    .update(customModules)
    .set({ revision: sql`${customModules.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(customModules.id, moduleId), eq(customModules.trainerId, trainerId), expected === undefined ? undefined : eq(customModules.revision, expected)))
    .returning({ revision: customModules.revision });
  return bumped?.revision;
}

/**
 * Runs `change` when the module at `revision` is the trainer's, bumping that revision with it
 * (publishing: what is frozen is the draft the publisher saw).
 */
export function withRevision<Value>(
  db: Database,
  trainerId: string,
  moduleId: string,
  revision: number,
  change: (tx: Transaction) => Promise<Outcome<Value>>,
): Promise<Outcome<{ revision: number; value: Value }>> {
  if (!isUuid(moduleId)) return Promise.resolve(failure(404, 'not-found'));
  return inTransaction(db, async (tx) => {
    const bumped = await bumpDraft(tx, trainerId, moduleId, revision);
    if (bumped === undefined) {
      const current = await ownedModuleRow(tx as unknown as Database, trainerId, moduleId);
      return current ? failure(409, 'edited-elsewhere', { revision: current.revision }) : failure(404, 'not-found');
    }
    const outcome = await change(tx);
    return outcome.ok ? success({ revision: bumped, value: outcome.value }) : outcome;
  });
}

/** Runs an edit of one thing of the trainer's module; `change` compare-and-sets the thing's own revision. */
function editDraft<Value>(
  db: Database,
  trainerId: string,
  moduleId: string,
  change: (tx: Transaction) => Promise<Outcome<{ revision: number; value: Value }>>,
): Promise<Outcome<Saved<Value>>> {
  if (!isUuid(moduleId)) return Promise.resolve(failure(404, 'not-found'));
  return inTransaction(db, async (tx) => {
    const draftRevision = await bumpDraft(tx, trainerId, moduleId);
    if (draftRevision === undefined) return failure(404, 'not-found');
    const outcome = await change(tx);
    return outcome.ok ? success({ ...outcome.value, draftRevision }) : outcome;
  });
}

/** The compare-and-set's answer: the new revision, else 409 with the current one, or 404. */
async function compared(updated: { revision: number }[], current: () => Promise<{ revision: number }[]>): Promise<Outcome<{ revision: number; value: null }>> {
  if (updated[0]) return success({ revision: updated[0].revision, value: null });
  const [row] = await current();
  return row ? failure(409, 'edited-elsewhere', { revision: row.revision }) : failure(404, 'not-found');
}

export function patchModule(db: Database, trainerId: string, moduleId: string, patch: ModulePatch) {
  return editDraft(db, trainerId, moduleId, async (tx) => {
    // The schema lets a patch carry the title or the pronunciations, each with its own revision.
    const [column, set] =
      patch.title !== undefined
        ? ([customModules.titleRevision, { title: patch.title, titleRevision: sql`${customModules.titleRevision} + 1` }] as const)
        : ([customModules.pronunciationsRevision, { pronunciations: patch.pronunciations ?? [], pronunciationsRevision: sql`${customModules.pronunciationsRevision} + 1` }] as const);
    const mine = eq(customModules.id, moduleId);
    const rows = await tx.update(customModules).set(set).where(and(mine, eq(column, patch.revision))).returning({ revision: column });
    return compared(rows, () => tx.select({ revision: column }).from(customModules).where(mine));
  });
}

const lessonsOf = (tx: Transaction, moduleId: string) => tx.select({ id: customLessons.id }).from(customLessons).where(eq(customLessons.moduleId, moduleId));

export function patchLesson(db: Database, trainerId: string, moduleId: string, lessonId: string, patch: LessonPatch) {
  return editDraft(db, trainerId, moduleId, async (tx) => {
    if (!isUuid(lessonId)) return failure(404, 'not-found');
    const mine = and(eq(customLessons.id, lessonId), eq(customLessons.moduleId, moduleId));
    const set = { ...(patch.title !== undefined && { title: patch.title }), revision: sql`${customLessons.revision} + 1` };
    const rows = await tx.update(customLessons).set(set).where(and(mine, eq(customLessons.revision, patch.revision))).returning({ revision: customLessons.revision });
    return compared(rows, () => tx.select({ revision: customLessons.revision }).from(customLessons).where(mine));
  });
}

export function patchSection(db: Database, trainerId: string, moduleId: string, sectionId: string, patch: SectionPatch) {
  return editDraft(db, trainerId, moduleId, async (tx) => {
    if (!isUuid(sectionId)) return failure(404, 'not-found');
    const set: Partial<typeof customSections.$inferInsert> = {};
    if (patch.heading !== undefined) set.heading = patch.heading;
    if (patch.markdown !== undefined) set.markdown = patch.markdown;
    // An empty spoken version means "read the text", like none at all.
    if (patch.spoken !== undefined) set.spoken = patch.spoken?.trim() ? patch.spoken : null;
    const mine = and(eq(customSections.id, sectionId), inArray(customSections.lessonId, lessonsOf(tx, moduleId)));
    const rows = await tx
      .update(customSections)
      .set({ ...set, revision: sql`${customSections.revision} + 1` })
      .where(and(mine, eq(customSections.revision, patch.revision)))
      .returning({ revision: customSections.revision });
    return compared(rows, () => tx.select({ revision: customSections.revision }).from(customSections).where(mine));
  });
}

/** Replaces a lesson's test; questions must link to a section of that lesson. */
export function putQuestions(db: Database, trainerId: string, moduleId: string, lessonId: string, revision: number, questions: Question[]) {
  return editDraft(db, trainerId, moduleId, async (tx) => {
    if (!isUuid(lessonId)) return failure(404, 'not-found');
    const mine = and(eq(customLessons.id, lessonId), eq(customLessons.moduleId, moduleId));
    const bumped = await tx
      .update(customLessons)
      .set({ questionsRevision: sql`${customLessons.questionsRevision} + 1` })
      .where(and(mine, eq(customLessons.questionsRevision, revision)))
      .returning({ revision: customLessons.questionsRevision });
    const checkedRevision = await compared(bumped, () => tx.select({ revision: customLessons.questionsRevision }).from(customLessons).where(mine));
    if (!checkedRevision.ok) return checkedRevision;
    const sections = await tx.select({ id: customSections.id, position: customSections.position }).from(customSections).where(eq(customSections.lessonId, lessonId));
    const ordered = sections.sort((a, b) => a.position - b.position).map((section) => section.id);
    const checked = questionProblems(questions, ordered);
    if (!checked.ok) return failure(400, 'invalid-body', { fieldErrors: checked.fieldErrors });
    await tx.delete(customQuestions).where(eq(customQuestions.lessonId, lessonId));
    if (checked.questions.length) {
      await tx.insert(customQuestions).values(checked.questions.map((question, position) => ({ lessonId, position, question: question as unknown as Record<string, unknown> })));
    }
    return success({ revision: checkedRevision.value.revision, value: { questions: checked.questions } });
  });
}
