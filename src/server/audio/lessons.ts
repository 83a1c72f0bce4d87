import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { calculatorDescriptionsByLocale } from '../../lib/calculators/descriptions.ts';
import { lessonSchema, type LessonFrontmatter } from '../../lib/course/schemas.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { lessonScript } from '../../lib/narration/script.ts';
import { segmentBlocks } from '../../lib/narration/segment.ts';
import type { NarrationSegment } from '../../lib/narration/types.ts';

/** A lesson's narration as the page builds it, with what the report groups by. */
export interface LessonNarration {
  lesson: string;
  locale: Locale;
  module: LessonFrontmatter['module'];
  order: number;
  title: string;
  segments: NarrationSegment[];
}

/**
 * Every published lesson of `locales` in `contentDir/lessons/<locale>/*.mdx`, read from disk
 * (this runs outside Astro) and turned into segments exactly as LessonView.astro does:
 * `segmentBlocks(lessonScript(...))` with the calculators' descriptions. Drafts are skipped,
 * as in a production build.
 */
export function loadLessonNarrations(contentDir: string, locales: readonly Locale[]): LessonNarration[] {
  const calculatorDescriptions = calculatorDescriptionsByLocale();
  return locales.flatMap((locale) => {
    const dir = path.join(contentDir, 'lessons', locale);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .map((name) => readLesson(path.join(dir, name)))
      .filter(({ data }) => !data.draft)
      .map(({ data, body }) => ({
        lesson: data.id,
        locale,
        module: data.module,
        order: data.order,
        title: data.title,
        segments: segmentBlocks(lessonScript({ ...data, body, locale, calculatorDescriptions }), locale),
      }));
  });
}

function readLesson(file: string): { data: LessonFrontmatter; body: string } {
  const source = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file}: no frontmatter between --- lines`);
  const parsed = lessonSchema.safeParse(parse(match[1]!));
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return { data: parsed.data, body: match[2]! };
}
