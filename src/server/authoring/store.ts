/**
 * Custom modules in the database: created from an import in one transaction (a file is never
 * half-imported), read as a tree, and reached only through their owner: every query names the
 * trainer, so another trainer's module is "not found", like a cohort.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { editTarget } from '../../lib/authoring/autosave.ts';
import type { ImportedImage } from '../../lib/authoring/images.ts';
import type { ImportedModule, Pronunciation, StoredSection } from '../../lib/authoring/schema.ts';
import type { Question } from '../../lib/quiz/schema.ts';
import type { Database } from '../db/client.ts';
import { isUuid } from '../db/ids.ts';
import { customLessons, customModuleImages, customModules, customModuleVersions, customQuestions, customSections, trainers, type CustomModuleRow } from '../db/schema.ts';
import { viewableBy, viewableModuleRow, type ViewableModule } from './access.ts';

export interface DraftLesson {
  id: string;
  position: number;
  title: string;
  sections: StoredSection[];
  questions: Question[];
}

export interface DraftModule {
  id: string;
  title: string;
  locale: 'ja' | 'en';
  status: 'draft' | 'published';
  /** The draft's revision (publishing names it). */
  revision: number;
  /** The revision of each thing an edit names, by `editTarget` (src/lib/authoring/autosave.ts). */
  revisions: Record<string, number>;
  pronunciations: Pronunciation[];
  updatedAt: string;
  lessons: DraftLesson[];
  /** Published versions, newest first. */
  versions: { id: string; number: number; publishedAt: string }[];
}

/** Stores an import as a new draft, with the pictures its Markdown names; returns the module and lesson ids in order. */
export async function createModule(db: Database, trainerId: string, module: ImportedModule, images: readonly ImportedImage[] = []): Promise<{ id: string; lessons: { id: string; title: string }[] }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(customModules).values({ trainerId, title: module.title, locale: module.locale }).returning({ id: customModules.id });
    if (!row) throw new Error('insert returned no module');
    const lessonRows = await tx
      .insert(customLessons)
      .values(module.lessons.map((lesson, position) => ({ moduleId: row.id, position, title: lesson.title })))
      .returning({ id: customLessons.id, position: customLessons.position, title: customLessons.title });
    lessonRows.sort((a, b) => a.position - b.position);
    const sectionValues = module.lessons.flatMap((lesson, i) =>
      lesson.sections.map((section, position) => ({ lessonId: lessonRows[i]!.id, position, heading: section.heading, markdown: section.markdown, spoken: section.spoken })),
    );
    if (sectionValues.length) await tx.insert(customSections).values(sectionValues);
    // One row at a time: a batch of 40 pictures of 5 MB would be one 200 MB statement.
    for (const image of images) await tx.insert(customModuleImages).values({ id: image.id, moduleId: row.id, contentType: image.contentType, bytes: image.bytes, sha256: image.sha256 });
    return { id: row.id, lessons: lessonRows.map(({ id, title }) => ({ id, title })) };
  });
}

/** The module row when the trainer owns it. */
export async function ownedModuleRow(db: Database, trainerId: string, moduleId: string): Promise<CustomModuleRow | undefined> {
  if (!isUuid(moduleId)) return undefined;
  const [row] = await db.select().from(customModules).where(and(eq(customModules.id, moduleId), eq(customModules.trainerId, trainerId)));
  return row;
}

/** The whole draft of a module the trainer owns, lessons and sections in order, or null. */
export async function readDraft(db: Database, trainerId: string, moduleId: string): Promise<DraftModule | null> {
  const row = await ownedModuleRow(db, trainerId, moduleId);
  return row ? draftOf(db, row) : null;
}

export type ViewableDraft = DraftModule & Omit<ViewableModule, 'row'>;

/** The draft of a module the trainer owns or was shared (to view, never to edit), or null. */
export async function readViewableDraft(db: Database, trainerId: string, moduleId: string): Promise<ViewableDraft | null> {
  const found = await viewableModuleRow(db, trainerId, moduleId);
  return found ? { ...(await draftOf(db, found.row)), access: found.access, ownerName: found.ownerName } : null;
}

async function draftOf(db: Database, row: CustomModuleRow): Promise<DraftModule> {
  const lessons = await db.select().from(customLessons).where(eq(customLessons.moduleId, row.id)).orderBy(asc(customLessons.position));
  const lessonIds = lessons.map((lesson) => lesson.id);
  const [sections, questions, versions] = await Promise.all([
    lessonIds.length ? db.select().from(customSections).where(inArray(customSections.lessonId, lessonIds)).orderBy(asc(customSections.position)) : [],
    lessonIds.length ? db.select().from(customQuestions).where(inArray(customQuestions.lessonId, lessonIds)).orderBy(asc(customQuestions.position)) : [],
    db.select({ id: customModuleVersions.id, number: customModuleVersions.number, publishedAt: customModuleVersions.publishedAt }).from(customModuleVersions).where(eq(customModuleVersions.moduleId, row.id)).orderBy(desc(customModuleVersions.number)),
  ]);
  return {
    id: row.id,
    title: row.title,
    locale: row.locale,
    status: row.status,
    revision: row.revision,
    revisions: Object.fromEntries([
      [editTarget.draft, row.revision],
      [editTarget.title, row.titleRevision],
      [editTarget.pronunciations, row.pronunciationsRevision],
      ...lessons.flatMap((lesson) => [
        [editTarget.lesson(lesson.id), lesson.revision],
        [editTarget.questions(lesson.id), lesson.questionsRevision],
      ]),
      ...sections.map((section) => [editTarget.section(section.id), section.revision]),
    ]),
    pronunciations: row.pronunciations,
    updatedAt: row.updatedAt.toISOString(),
    lessons: lessons.map((lesson) => ({
      id: lesson.id,
      position: lesson.position,
      title: lesson.title,
      sections: sections.filter((s) => s.lessonId === lesson.id).map(({ id, heading, markdown, spoken }) => ({ id, heading, markdown, spoken })),
      questions: questions.filter((q) => q.lessonId === lesson.id).map((q) => q.question as unknown as Question),
    })),
    versions: versions.map((version) => ({ id: version.id, number: version.number, publishedAt: version.publishedAt.toISOString() })),
  };
}

/** The trainer's own modules and those shared with them, newest first, for the module list. */
export async function listModules(db: Database, trainerId: string) {
  const rows = await db
    .select({ id: customModules.id, title: customModules.title, locale: customModules.locale, status: customModules.status, updatedAt: customModules.updatedAt, ownerId: customModules.trainerId, ownerName: trainers.name })
    .from(customModules)
    .innerJoin(trainers, eq(trainers.id, customModules.trainerId))
    .where(viewableBy(db, trainerId))
    .orderBy(desc(customModules.updatedAt));
  return rows.map(({ ownerId, ownerName, ...row }) => ({ ...row, updatedAt: row.updatedAt.toISOString(), sharedBy: ownerId === trainerId ? null : ownerName }));
}
