/**
 * Where a package's content comes from: one function per kind of module. Built-in modules are
 * read from src/content on disk (the CLI runs outside Astro); custom modules made by trainers come
 * from their frozen versions in the database (customModuleSource.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { courseModuleSchema, type LessonFrontmatter } from '../../lib/course/schemas.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { NarrationSegment } from '../../lib/narration/types.ts';
import { bankSchema, type Bank } from '../../lib/quiz/schema.ts';
import { loadLessonNarrations } from '../audio/lessons.ts';

export interface SourceLesson extends Pick<LessonFrontmatter, 'id' | 'title' | 'summary' | 'objectives' | 'keyTerms'> {
  /** The lesson text as Markdown (MDX components are handled by lessonHtml.ts). */
  body: string;
  /** The body already rendered and sanitized (custom lessons, as the app shows them); replaces `body`. */
  html?: string;
  /** What the narration speaks, in order, as the lesson page builds it. */
  segments: NarrationSegment[];
}

/** Everything a package needs of one module in one language. */
export interface ModuleSource {
  id: string;
  locale: Locale;
  title: string;
  summary: string;
  lessons: SourceLesson[];
  /** The question banks of the lessons that have one, in lesson order. */
  banks: Bank[];
  /** Questions per lesson in the module test; default QUESTIONS_PER_LESSON. */
  questionsPerLesson?: number;
  /** The content's version for the manifest (a custom module's version number); default the export date. */
  version?: string;
  /** Further files the lessons link to, relative to the launch page (a custom module's pictures under images/). */
  files?: { packagePath: string; bytes: Uint8Array }[];
}

export type ModuleSourceLoader = (moduleId: string, locale: Locale) => Promise<ModuleSource | null>;

/** Default content folder: the repository's, as the server and the CLI run from its root. */
export const DEFAULT_CONTENT_DIR = path.resolve(process.env.LTV_CONTENT_DIR ?? 'src/content');

function lessonBody(file: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no frontmatter between --- lines`);
  return match[1]!;
}

/** The built-in module `moduleId` from `contentDir`, or null when there is no such module. */
export function builtInModuleSource(contentDir: string = DEFAULT_CONTENT_DIR): ModuleSourceLoader {
  return async (moduleId, locale) => {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(moduleId)) return null;
    const moduleFile = path.join(contentDir, 'modules', `${moduleId}.yaml`);
    if (!existsSync(moduleFile)) return null;
    const module = courseModuleSchema.parse(parse(readFileSync(moduleFile, 'utf8')));
    const narrations = loadLessonNarrations(contentDir, [locale]).filter((lesson) => lesson.module === moduleId);
    const lessons = narrations
      .sort((a, b) => a.order - b.order)
      .map((narration) => {
        const file = path.join(contentDir, 'lessons', locale, `${narration.lesson}.mdx`);
        const frontmatter = parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))![1]!) as LessonFrontmatter;
        return {
          id: narration.lesson,
          title: narration.title,
          summary: frontmatter.summary,
          objectives: frontmatter.objectives,
          keyTerms: frontmatter.keyTerms ?? [],
          body: lessonBody(file),
          segments: narration.segments,
        };
      });
    const quizDir = path.join(contentDir, 'quizzes');
    const bankFiles = new Set(readdirSync(quizDir));
    const banks = lessons.flatMap((lesson) => {
      const name = [`${lesson.id}.yaml`, `${lesson.id}.yml`, `${lesson.id}.json`].find((candidate) => bankFiles.has(candidate));
      if (!name) return [];
      const raw = readFileSync(path.join(quizDir, name), 'utf8');
      return [bankSchema.parse(name.endsWith('.json') ? JSON.parse(raw) : parse(raw))];
    });
    return { id: moduleId, locale, title: module.title[locale], summary: module.summary[locale], lessons, banks };
  };
}
