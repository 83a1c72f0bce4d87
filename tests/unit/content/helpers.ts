import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const lessonsDir = path.join(repoRoot, 'src/content/lessons');

export interface LessonSource {
  path: string;
  locale: 'ja' | 'en';
  frontmatter: Record<string, unknown>;
  body: string;
}

/** Every lesson file with its frontmatter and body, read straight from disk. */
export function readLessons(): LessonSource[] {
  return (['ja', 'en'] as const).flatMap((locale) =>
    readdirSync(path.join(lessonsDir, locale))
      .filter((file) => file.endsWith('.mdx'))
      .sort()
      .map((file) => {
        const source = readFileSync(path.join(lessonsDir, locale, file), 'utf8');
        const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
        if (!match) throw new Error(`${locale}/${file}: no frontmatter`);
        return { path: `src/content/lessons/${locale}/${file}`, locale, frontmatter: parse(match[1]!), body: match[2]! };
      }),
  );
}

/** Body text without MDX comments and components, whitespace removed: what the learner reads. */
export function japaneseCharacterCount(body: string): number {
  return body.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').replace(/<[^>]+\/>/g, '').replace(/\s/g, '').length;
}
