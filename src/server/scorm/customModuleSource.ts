/**
 * A published version of a trainer's module as a package source. Versions are frozen snapshots
 * (src/server/authoring/publish.ts), so the package shows and reads exactly what assigned learners
 * get in the app: the same sanitized HTML and narration segments (src/lib/authoring/lessonPage.ts),
 * and the same banks, named by the lesson keys assignments use (`cm-<version id>-<n>`). The pictures
 * the lessons show travel inside the package (`images/<id>.<ext>`), so it works offline in an LMS.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { customModuleKey } from '../../lib/authoring/ids.ts';
import { IMAGE_EXTENSIONS, referencedImageIds, type ImageType } from '../../lib/authoring/images.ts';
import { customLessonPage } from '../../lib/authoring/lessonPage.ts';
import type { ModuleSnapshot } from '../../lib/authoring/schema.ts';
import { customQuestionsPerLesson } from '../../lib/scorm/packageData.ts';
import { packageText } from '../../lib/scorm/text.ts';
import { loadSnapshots } from '../authoring/catalog.ts';
import type { Database } from '../db/client.ts';
import { isUuid } from '../db/ids.ts';
import { customModuleImages } from '../db/schema.ts';
import type { ModuleSource, ModuleSourceLoader } from './moduleSource.ts';

/**
 * The package's id is the module's (`cm-<module id>`), the same for every version, so an LMS that
 * imports version 2 over version 1 keeps one course; the version goes into the manifest.
 */
export interface PackageImage {
  contentType: string;
  bytes: Uint8Array;
}

export function customVersionSource(snapshot: ModuleSnapshot, images: ReadonlyMap<string, PackageImage> = new Map()): ModuleSource {
  const { locale, pronunciations } = snapshot;
  // A picture that is not stored with the module has nothing to ship: its image is removed.
  const imageSrc = (id: string) => {
    const image = images.get(id);
    return image ? `images/${id}.${IMAGE_EXTENSIONS[image.contentType as ImageType] ?? 'img'}` : null;
  };
  return {
    id: customModuleKey(snapshot.moduleId),
    locale,
    title: snapshot.title,
    summary: packageText(locale, 'customSummary', { count: snapshot.lessons.length, version: snapshot.version }),
    lessons: snapshot.lessons.map((lesson) => {
      const page = customLessonPage({ title: lesson.title, sections: lesson.sections, locale, pronunciations, imageSrc });
      // The section headings are in the body already; a custom lesson has no objectives or glossary.
      return { id: lesson.bank.lesson, title: lesson.title, summary: '', objectives: [], keyTerms: [], body: '', html: page.html, segments: page.segments };
    }),
    banks: snapshot.lessons.map((lesson) => lesson.bank),
    questionsPerLesson: customQuestionsPerLesson(snapshot.lessons.length),
    version: String(snapshot.version),
    files: [...images].map(([id, image]) => ({ packagePath: imageSrc(id)!, bytes: image.bytes })),
  };
}

/** The module's stored pictures the snapshot's lessons show (another module's ids find nothing). */
async function snapshotImages(db: Database, snapshot: ModuleSnapshot): Promise<Map<string, PackageImage>> {
  const ids = referencedImageIds(snapshot.lessons.flatMap((lesson) => lesson.sections.map((section) => section.markdown)).join('\n'));
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: customModuleImages.id, contentType: customModuleImages.contentType, bytes: customModuleImages.bytes })
    .from(customModuleImages)
    .where(and(eq(customModuleImages.moduleId, snapshot.moduleId), inArray(customModuleImages.id, ids)));
  return new Map(rows.map(({ id, ...image }) => [id, image]));
}

/**
 * Loads by version id. A custom module is written in one language: asked for the other, it is
 * not there (null), as a built-in module without that language would be.
 */
export function customModuleSource(db: Database): ModuleSourceLoader {
  return async (versionId, locale) => {
    if (!isUuid(versionId)) return null;
    const snapshot = (await loadSnapshots(db, [versionId])).get(versionId);
    return snapshot && snapshot.locale === locale ? customVersionSource(snapshot, await snapshotImages(db, snapshot)) : null;
  };
}
