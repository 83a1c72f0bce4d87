import { getCollection, type CollectionEntry } from 'astro:content';
import { isLocale, type Locale } from '../lib/i18n/locales.ts';
import { buildCatalog, type CatalogLesson } from '../lib/course/catalog.ts';
import { courseProblems } from '../lib/course/validateCourse.ts';
import { LOCALES } from '../lib/i18n/locales.ts';

/** The language of a lesson entry comes from its folder: `ja/what-is-ltv`. */
export function lessonLocale(entry: CollectionEntry<'lessons'>): Locale {
  const folder = entry.id.split('/')[0];
  if (!isLocale(folder)) throw new Error(`Lesson ${entry.id} is not in a language folder (ja/ or en/)`);
  return folder;
}

/** Published lessons of one language (drafts too while developing). */
export async function lessonsIn(locale: Locale): Promise<CollectionEntry<'lessons'>[]> {
  const all = await getCollection('lessons', (entry) => !entry.data.draft || import.meta.env.DEV);
  return all.filter((entry) => lessonLocale(entry) === locale).sort((a, b) => a.data.order - b.data.order);
}

/** Modules with their lessons, in course order, for one language. */
export async function catalogFor(locale: Locale) {
  const [modules, lessons] = await Promise.all([getCollection('modules'), getCollection('lessons')]);
  assertCourseIsSound(lessons);
  const catalogLessons: CatalogLesson[] = lessons.map((entry) => ({ ...entry.data, locale: lessonLocale(entry) }));
  return buildCatalog(modules, catalogLessons, locale);
}

let checked = false;
/** Fails the build with file paths when lessons collide or lack a translation. */
function assertCourseIsSound(lessons: CollectionEntry<'lessons'>[]): void {
  if (checked) return;
  const problems = courseProblems(
    lessons.map((entry) => ({ path: entry.filePath ?? entry.id, locale: lessonLocale(entry), data: entry.data })),
    LOCALES,
  );
  if (problems.length) throw new Error(`The course has ${problems.length} problem(s):\n${problems.join('\n')}`);
  checked = true;
}
