/**
 * The podcast feeds as served by the built server: well-formed RSS whose episodes are exactly the
 * lessons with rendered audio in the build, each enclosure's length the true size of the file the
 * server sends, and a chapters file for each episode. Without `npm run audio` before the build the
 * feeds are valid and empty.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { readLessons } from '../../unit/content/helpers.ts';
import { distDir, useBuiltServer } from '../support/built.ts';

const server = useBuiltServer();

/** Lessons with an MP3 in the build, per language: `what-is-ltv.4df2….mp3` → what-is-ltv. */
function renderedLessons(lang: string): Map<string, string> {
  const dir = path.join(distDir, 'client/audio', lang);
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir)
      .filter((name) => /\.[0-9a-f]{8,}\.mp3$/.test(name))
      .map((name) => [name.split('.')[0]!, `/audio/${lang}/${name}`]),
  );
}

/** The module's published lessons in course order, from the lesson files. */
function moduleLessons(lang: string, module: string): string[] {
  return readLessons()
    .filter((lesson) => lesson.locale === lang && lesson.frontmatter.module === module && !lesson.frontmatter.draft)
    .sort((a, b) => Number(a.frontmatter.order) - Number(b.frontmatter.order))
    .map((lesson) => String(lesson.frontmatter.id));
}

describe.each([
  { lang: 'ja', module: 'ltv-selling' },
  { lang: 'en', module: 'clv-practice' },
])('/podcast/$lang/$module.xml', ({ lang, module }) => {
  const lessons = moduleLessons(lang, module);

  it('lists the rendered lessons of the module with true enclosure lengths and their chapters', async () => {
    const response = await fetch(`${server.baseUrl}/podcast/${lang}/${module}.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    const fail = (message: string) => {
      throw new Error(message);
    };
    const doc = new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(await response.text(), 'application/xml');
    const rendered = renderedLessons(lang);
    const expected = lessons.filter((lesson) => rendered.has(lesson));
    const items = Array.from(doc.getElementsByTagName('item'));
    expect(items).toHaveLength(expected.length);
    for (const item of items) {
      const enclosure = item.getElementsByTagName('enclosure')[0]!;
      const url = new URL(enclosure.getAttribute('url')!);
      const lesson = url.pathname.split('/').pop()!.split('.')[0]!;
      expect(url.pathname).toBe(rendered.get(lesson));
      expect(Number(enclosure.getAttribute('length'))).toBe(statSync(path.join(distDir, 'client', url.pathname)).size);
      const served = await fetch(server.baseUrl + url.pathname, { method: 'HEAD' });
      expect(served.headers.get('content-length')).toBe(enclosure.getAttribute('length'));
      const chaptersUrl = new URL(item.getElementsByTagName('podcast:chapters')[0]!.getAttribute('url')!);
      const chapters = (await (await fetch(server.baseUrl + chaptersUrl.pathname)).json()) as { version: string; chapters: { startTime: number; title: string }[] };
      expect(chapters.version).toBe('1.2.0');
      expect(chapters.chapters[0]?.startTime).toBe(0);
      expect(chapters.chapters.length).toBeGreaterThan(2);
    }
    expect(items.map((item) => item.getElementsByTagName('enclosure')[0]!.getAttribute('url')!.split('/').pop()!.split('.')[0])).toEqual(expected);
  });
});
