/**
 * `astro:content` outside Astro (the API tests, `npm run sample-data`): the lessons, modules and
 * quizzes collections read from src/content on disk and validated with the same schemas as
 * src/content.config.ts, with the same entry ids Astro's glob loader gives (`ja/what-is-ltv`,
 * `clv-formula`). Only getCollection. Draft lessons are left out, as in a production build (and
 * so src/server/learner/course.ts never asks `import.meta.env`, which plain Node lacks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { courseModuleSchema, lessonSchema } from '../../src/lib/course/schemas.ts';
import { bankSchema } from '../../src/lib/quiz/schema.ts';

const root = path.resolve(import.meta.dirname, '../../src/content');

interface Entry<Data> {
  id: string;
  data: Data;
}

function frontmatter(file: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no frontmatter`);
  return parse(match[1] as string);
}

function lessons() {
  return ['ja', 'en'].flatMap((locale) =>
    readdirSync(path.join(root, 'lessons', locale))
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => ({ id: `${locale}/${name.replace(/\.mdx$/, '')}`, data: lessonSchema.parse(frontmatter(path.join(root, 'lessons', locale, name))) }))
      .filter((entry) => !entry.data.draft),
  );
}

function yamlEntries<Data>(folder: string, read: (data: unknown) => Data): Entry<Data>[] {
  return readdirSync(path.join(root, folder))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => ({ id: name.replace(/\.ya?ml$/, ''), data: read(parse(readFileSync(path.join(root, folder, name), 'utf8'))) }));
}

const cache = new Map<string, Entry<unknown>[]>();

export async function getCollection(name: string, filter?: (entry: Entry<unknown>) => boolean): Promise<Entry<unknown>[]> {
  if (!cache.has(name)) {
    if (name === 'lessons') cache.set(name, lessons());
    else if (name === 'modules') cache.set(name, yamlEntries('modules', (data) => courseModuleSchema.parse(data)));
    // A bank another author is still writing may not parse yet: leave it out rather than fail every test.
    else if (name === 'quizzes') cache.set(name, yamlEntries('quizzes', (data) => bankSchema.safeParse(data).data ?? null).filter((entry) => entry.data !== null));
    else throw new Error(`unknown collection ${name}`);
  }
  const entries = cache.get(name) ?? [];
  return filter ? entries.filter(filter) : entries;
}
