/**
 * Data of the authoring pages: the owner's preview of a draft lesson, and an assigned custom
 * lesson for a learner of that cohort. Anyone else gets null (the page answers 404).
 */
import { customLessonPage, type CustomLessonPage } from '../../lib/authoring/lessonPage.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { Database } from '../db/client.ts';
import { assignedModuleOfLesson, type AssignedModule } from './assignedModule.ts';
import { customRecording } from '../customAudio/recording.ts';
import type { AudioManifest } from '../../lib/narration/audio/manifest.ts';
import { customLessonKey } from '../../lib/authoring/ids.ts';
import { customLessonsByKey, loadSnapshots } from './catalog.ts';
import type { LessonPreview } from '../../lib/authoring/trainerLinks.ts';
import { readViewableDraft, type DraftModule } from './store.ts';
import { viewableBy } from './access.ts';
import { listShares } from './shares.ts';
import { and, inArray } from 'drizzle-orm';
import { previewPath } from '../../lib/authoring/paths.ts';
import { requiredQuestions } from '../../lib/authoring/publish.ts';
import type { EditorModule } from '../../lib/authoring/editorModule.ts';
import { customModules } from '../db/schema.ts';

export interface CustomLessonView {
  key: string;
  title: string;
  moduleTitle: string;
  locale: Locale;
  page: CustomLessonPage;
  position: number;
  lessonCount: number;
  /** The lesson's recorded narration when it is rendered and says what the page says; else the browser's voice reads it. */
  recording?: AudioManifest;
}

/** A lesson of a draft the trainer owns or was shared, as its preview page shows it. */
export async function draftLessonView(db: Database, trainerId: string, moduleId: string, lessonId: string): Promise<{ view: CustomLessonView; draft: DraftModule } | null> {
  const draft = await readViewableDraft(db, trainerId, moduleId);
  const index = draft?.lessons.findIndex((lesson) => lesson.id === lessonId) ?? -1;
  const lesson = draft?.lessons[index];
  if (!draft || !lesson) return null;
  const page = customLessonPage({ title: lesson.title, sections: lesson.sections, locale: draft.locale, pronunciations: draft.pronunciations });
  const recording = await latestRecording(db, draft, lesson.id, page);
  return {
    draft,
    view: { key: `draft-${lesson.id}`, title: lesson.title, moduleTitle: draft.title, locale: draft.locale, page, position: index + 1, lessonCount: draft.lessons.length, ...(recording ? { recording } : {}) },
  };
}

/** The preview plays the latest version's recording of the lesson while the draft still says the same. */
async function latestRecording(db: Database, draft: DraftModule, lessonId: string, page: CustomLessonPage): Promise<AudioManifest | undefined> {
  const latest = draft.versions[0];
  if (!latest) return undefined;
  const position = (await loadSnapshots(db, [latest.id])).get(latest.id)?.lessons.findIndex((lesson) => lesson.id === lessonId) ?? -1;
  return position < 0 ? undefined : customRecording(customLessonKey(latest.id, position + 1), page.segments);
}

/**
 * An assigned custom lesson of the learner's cohort, with the assignment that tests it and its
 * module (the other assigned lessons of that version, for previous/next and the finished message).
 */
export async function assignedLessonView(db: Database, cohortId: string, key: string): Promise<{ view: CustomLessonView; assignmentId: string; module: AssignedModule } | null> {
  const module = await assignedModuleOfLesson(db, cohortId, key);
  const index = module?.lessons.findIndex((lesson) => lesson.key === key) ?? -1;
  const lesson = module?.lessons[index];
  if (!module || !lesson) return null;
  const page = customLessonPage({ title: lesson.title, sections: lesson.content.sections, locale: module.locale, pronunciations: module.pronunciations });
  const recording = await customRecording(key, page.segments);
  return {
    assignmentId: lesson.assignmentId,
    module,
    view: { key, title: lesson.title, moduleTitle: module.title, locale: module.locale, page, position: index + 1, lessonCount: module.lessons.length, ...(recording ? { recording } : {}) },
  };
}

/** What the editor island starts from; preview links stay in the page's language. */
export async function editorModule(db: Database, trainerId: string, moduleId: string, locale: Locale): Promise<EditorModule | null> {
  const draft = await readViewableDraft(db, trainerId, moduleId);
  if (!draft) return null;
  const shares = draft.access === 'owner' ? await listShares(db, trainerId, moduleId) : null;
  return {
    id: draft.id,
    access: draft.access,
    ownerName: draft.ownerName,
    shares: shares?.ok ? shares.value : [],
    title: draft.title,
    locale: draft.locale,
    revisions: draft.revisions,
    pronunciations: draft.pronunciations,
    versions: draft.versions.length,
    lessons: draft.lessons.map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      url: previewPath(locale, draft.id, lesson.id),
      sections: lesson.sections,
      questions: lesson.questions,
      requiredQuestions: requiredQuestions(lesson.sections.length),
    })),
  };
}

/**
 * The draft lessons behind assigned custom lessons (`cm-<version>-<n>`) whose module the trainer
 * owns or was shared: where the dashboard links them (the preview). Others are left out: no link.
 */
export async function lessonPreviews(db: Database, trainerId: string, keys: readonly string[]): Promise<Record<string, LessonPreview>> {
  const entries = [...(await customLessonsByKey(db, keys))];
  const moduleIds = [...new Set(entries.map(([, entry]) => entry.snapshot.moduleId))];
  if (moduleIds.length === 0) return {};
  const owned = await db.select({ id: customModules.id }).from(customModules).where(and(inArray(customModules.id, moduleIds), viewableBy(db, trainerId)));
  const mine = new Set(owned.map((row) => row.id));
  return Object.fromEntries(entries.filter(([, entry]) => mine.has(entry.snapshot.moduleId)).map(([key, entry]) => [key, { moduleId: entry.snapshot.moduleId, lessonId: entry.content.id }]));
}
