/**
 * One published custom module as a learner of a cohort meets it: the lessons of that frozen
 * version assigned to the cohort, in the version's order, each with the assignment that tests it.
 * The lesson page (previous/next, the finished message) and listen mode read it; a version not
 * assigned to the cohort is null, so neither page tells a stranger that it exists.
 */
import { and, eq, like } from 'drizzle-orm';
import { CUSTOM_PREFIX, customLessonKey, parseCustomLessonKey } from '../../lib/authoring/ids.ts';
import type { SnapshotLesson, Pronunciation } from '../../lib/authoring/schema.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { Database } from '../db/client.ts';
import { assignments } from '../db/schema.ts';
import { loadSnapshots } from './catalog.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface AssignedModuleLesson {
  /** `cm-<version>-<n>`: the lesson's page, its progress and its assignment. */
  key: string;
  title: string;
  assignmentId: string;
  content: SnapshotLesson;
}

export interface AssignedModule {
  versionId: string;
  title: string;
  /** The language the module is written and spoken in. */
  locale: Locale;
  pronunciations: Pronunciation[];
  lessons: AssignedModuleLesson[];
}

/** The version's lessons assigned to this cohort, or null (not a version id, not assigned to it). */
export async function assignedModule(db: Database, cohortId: string, versionId: string): Promise<AssignedModule | null> {
  // Checked before the query: the id goes into a LIKE pattern, where % and _ would match anything.
  if (!UUID.test(versionId)) return null;
  const rows = await db
    .select({ id: assignments.id, lessonId: assignments.lessonId })
    .from(assignments)
    .where(and(eq(assignments.cohortId, cohortId), like(assignments.lessonId, `${CUSTOM_PREFIX}${versionId}-%`)));
  if (rows.length === 0) return null;
  const snapshot = (await loadSnapshots(db, [versionId])).get(versionId);
  if (!snapshot) return null;
  const byKey = new Map(rows.map((row) => [row.lessonId, row.id]));
  const lessons = snapshot.lessons.flatMap((content, i) => {
    const key = customLessonKey(versionId, i + 1);
    const assignmentId = byKey.get(key);
    return assignmentId ? [{ key, title: content.title, assignmentId, content }] : [];
  });
  if (lessons.length === 0) return null;
  return { versionId, title: snapshot.title, locale: snapshot.locale, pronunciations: snapshot.pronunciations, lessons };
}

/** The assigned module a lesson key belongs to (null for a built-in or malformed key). */
export function assignedModuleOfLesson(db: Database, cohortId: string, key: string): Promise<AssignedModule | null> {
  const parsed = parseCustomLessonKey(key);
  return parsed ? assignedModule(db, cohortId, parsed.versionId) : Promise.resolve(null);
}
