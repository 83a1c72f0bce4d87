/**
 * A published version of a trainer's module as a package source. Versions are frozen snapshots
 * (src/server/authoring/publish.ts), so the package shows and reads exactly what assigned learners
 * get in the app: the same sanitized HTML and narration segments (src/lib/authoring/lessonPage.ts),
 * and the same banks, named by the lesson keys assignments use (`cm-<version id>-<n>`).
 */
import { customModuleKey } from '../../lib/authoring/ids.ts';
import { customLessonPage } from '../../lib/authoring/lessonPage.ts';
import type { ModuleSnapshot } from '../../lib/authoring/schema.ts';
import { customQuestionsPerLesson } from '../../lib/scorm/packageData.ts';
import { packageText } from '../../lib/scorm/text.ts';
import { loadSnapshots } from '../authoring/catalog.ts';
import type { Database } from '../db/client.ts';
import { isUuid } from '../db/ids.ts';
import type { ModuleSource, ModuleSourceLoader } from './moduleSource.ts';

/**
 * The package's id is the module's (`cm-<module id>`), the same for every version, so an LMS that
 * imports version 2 over version 1 keeps one course; the version goes into the manifest.
 */
export function customVersionSource(snapshot: ModuleSnapshot): ModuleSource {
  const { locale, pronunciations } = snapshot;
  return {
    id: customModuleKey(snapshot.moduleId),
    locale,
    title: snapshot.title,
    summary: packageText(locale, 'customSummary', { count: snapshot.lessons.length, version: snapshot.version }),
    lessons: snapshot.lessons.map((lesson) => {
      const page = customLessonPage({ title: lesson.title, sections: lesson.sections, locale, pronunciations });
      // The section headings are in the body already; a custom lesson has no objectives or glossary.
      return { id: lesson.bank.lesson, title: lesson.title, summary: '', objectives: [], keyTerms: [], body: '', html: page.html, segments: page.segments };
    }),
    banks: snapshot.lessons.map((lesson) => lesson.bank),
    questionsPerLesson: customQuestionsPerLesson(snapshot.lessons.length),
    version: String(snapshot.version),
  };
}

/**
 * Loads by version id. A custom module is written in one language: asked for the other, it is
 * not there (null), as a built-in module without that language would be.
 */
export function customModuleSource(db: Database): ModuleSourceLoader {
  return async (versionId, locale) => {
    if (!isUuid(versionId)) return null;
    const snapshot = (await loadSnapshots(db, [versionId])).get(versionId);
    return snapshot && snapshot.locale === locale ? customVersionSource(snapshot) : null;
  };
}
