/**
 * Published custom modules inside the course the trainer and learner code already uses
 * (src/server/learner/course.ts): their lessons resolve by key (`cm-<version>-<n>`) to the frozen
 * version's title and bank, so assigning, attempts, grading, the dashboard's item analysis and
 * the CSV export work for them unchanged. A trainer's course adds the latest version of each of
 * their modules (what the assign form offers) and every version assigned to their cohorts; a
 * learner's, the versions assigned to their cohort. Versions never change, so they are cached.
 */
import { and, desc, eq, inArray, like } from 'drizzle-orm';
import { customLessonKey, customModuleKey, parseCustomLessonKey, parseCustomModuleKey, CUSTOM_PREFIX } from '../../lib/authoring/ids.ts';
import { moduleSnapshotSchema, type ModuleSnapshot, type SnapshotLesson } from '../../lib/authoring/schema.ts';
import type { Localized } from '../../lib/quiz/schemaParts.ts';
import type { Bank } from '../../lib/quiz/schema.ts';
import type { Database } from '../db/client.ts';
import { assignments, cohorts, customModules, customModuleVersions } from '../db/schema.ts';
import type { Course, CourseLesson } from '../learner/course.ts';
import { viewableBy } from './access.ts';

const snapshots = new Map<string, ModuleSnapshot>();
const CACHE_LIMIT = 500;

/** Frozen versions by id (rows of other modules are simply absent). */
export async function loadSnapshots(db: Database, versionIds: readonly string[]): Promise<Map<string, ModuleSnapshot>> {
  const found = new Map<string, ModuleSnapshot>();
  const missing = [...new Set(versionIds)].filter((id) => {
    const cached = snapshots.get(id);
    if (cached) found.set(id, cached);
    return !cached;
  });
  if (missing.length) {
    const rows = await db.select({ id: customModuleVersions.id, snapshot: customModuleVersions.snapshot }).from(customModuleVersions).where(inArray(customModuleVersions.id, missing));
    for (const row of rows) {
      const snapshot = moduleSnapshotSchema.parse(row.snapshot);
      if (snapshots.size >= CACHE_LIMIT) snapshots.delete(snapshots.keys().next().value!);
      snapshots.set(row.id, snapshot);
      found.set(row.id, snapshot);
    }
  }
  return found;
}

export interface CustomCourseLesson {
  lesson: CourseLesson;
  bank: Bank;
  snapshot: ModuleSnapshot;
  content: SnapshotLesson;
  versionId: string;
}

const same = (text: string): Localized => ({ ja: text, en: text });

function lessonsOf(versionId: string, snapshot: ModuleSnapshot, moduleOrder: number): CustomCourseLesson[] {
  return snapshot.lessons.map((content, i) => {
    const id = customLessonKey(versionId, i + 1);
    const headings = content.sections.map((section) => section.heading || content.title);
    return {
      lesson: { id, module: customModuleKey(snapshot.moduleId), order: i + 1, moduleOrder, title: same(content.title), moduleTitle: same(snapshot.title), objectives: { ja: headings, en: headings }, lang: snapshot.locale },
      bank: content.bank,
      snapshot,
      content,
      versionId,
    };
  });
}

/** The custom lessons of these assigned keys (ignoring built-in ones and unknown versions). */
export async function customLessonsByKey(db: Database, keys: readonly string[]): Promise<Map<string, CustomCourseLesson>> {
  const versionIds = keys.flatMap((key) => parseCustomLessonKey(key)?.versionId ?? []);
  const loaded = await loadSnapshots(db, versionIds);
  const byKey = new Map<string, CustomCourseLesson>();
  for (const [versionId, snapshot] of loaded) for (const entry of lessonsOf(versionId, snapshot, 1000)) byKey.set(entry.lesson.id, entry);
  return byKey;
}

/** The course plus custom lessons: `assignable` are listed and assignable, `known` only resolve. */
export function extendCourse(base: Course, assignable: readonly CustomCourseLesson[], known: ReadonlyMap<string, CustomCourseLesson>): Course {
  const byKey = new Map(known);
  for (const entry of assignable) byKey.set(entry.lesson.id, entry);
  if (byKey.size === 0) return base;
  const lessons = [...base.lessons, ...assignable.map((entry) => entry.lesson)];
  return {
    lessons,
    lesson: (id) => base.lesson(id) ?? byKey.get(id)?.lesson,
    bank: (id) => base.bank(id) ?? byKey.get(id)?.bank,
    lessonsOfModule: (moduleId) => (parseCustomModuleKey(moduleId) ? assignable.filter((entry) => entry.lesson.module === moduleId).map((entry) => entry.lesson) : base.lessonsOfModule(moduleId)),
    conceptLabel: (lessonId, concept) => {
      const entry = byKey.get(lessonId);
      if (!entry) return base.conceptLabel(lessonId, concept);
      // The section most of the concept's questions link to.
      const counts = new Map<number, number>();
      for (const question of entry.bank.questions) if (question.concept === concept) counts.set(question.objective, (counts.get(question.objective) ?? 0) + 1);
      const [top] = [...counts].sort((a, b) => b[1] - a[1]);
      const label = top === undefined ? concept : (entry.lesson.objectives.ja[top[0]] ?? concept);
      return same(label);
    },
  };
}

const CUSTOM_KEYS = `${CUSTOM_PREFIX}%`;

/** The trainer's course: the latest version of each own or shared module, plus versions assigned to own cohorts. */
export async function trainerCourse(db: Database, base: Course, trainerId: string): Promise<Course> {
  const [latest, assigned] = await Promise.all([
    db
      .select({ id: customModuleVersions.id, moduleId: customModuleVersions.moduleId, number: customModuleVersions.number })
      .from(customModuleVersions)
      .innerJoin(customModules, eq(customModules.id, customModuleVersions.moduleId))
      .where(viewableBy(db, trainerId))
      .orderBy(desc(customModuleVersions.number)),
    db
      .selectDistinct({ lessonId: assignments.lessonId })
      .from(assignments)
      .innerJoin(cohorts, eq(cohorts.id, assignments.cohortId))
      .where(and(eq(cohorts.trainerId, trainerId), like(assignments.lessonId, CUSTOM_KEYS))),
  ]);
  if (latest.length === 0 && assigned.length === 0) return base;
  const newest = new Map<string, string>();
  for (const row of latest) if (!newest.has(row.moduleId)) newest.set(row.moduleId, row.id);
  const loaded = await loadSnapshots(db, [...newest.values()]);
  const assignable = [...newest.values()].flatMap((versionId, i) => {
    const snapshot = loaded.get(versionId);
    return snapshot ? lessonsOf(versionId, snapshot, 1000 + i) : [];
  });
  return extendCourse(base, assignable, await customLessonsByKey(db, assigned.map((row) => row.lessonId)));
}

/** A learner's course: the custom lessons assigned to their cohort. */
export async function cohortCourse(db: Database, base: Course, cohortId: string): Promise<Course> {
  const assigned = await db.selectDistinct({ lessonId: assignments.lessonId }).from(assignments).where(and(eq(assignments.cohortId, cohortId), like(assignments.lessonId, CUSTOM_KEYS)));
  if (assigned.length === 0) return base;
  return extendCourse(base, [], await customLessonsByKey(db, assigned.map((row) => row.lessonId)));
}
