import { describe, expect, it } from 'vitest';
import { lessonSchema, MODULE_IDS } from '../../../src/lib/course/schemas.ts';
import { courseProblems } from '../../../src/lib/course/validateCourse.ts';
import { japaneseCharacterCount, readLessons } from './helpers.ts';

const lessons = readLessons();
const ja = lessons.filter((lesson) => lesson.locale === 'ja');
const en = lessons.filter((lesson) => lesson.locale === 'en');
const headings = (body: string) => [...body.matchAll(/^## (.+)$/gm)].map((match) => match[1]!.trim());

describe('the course', () => {
  it('has six lessons per module in each language', () => {
    for (const group of [ja, en]) {
      for (const module of MODULE_IDS) {
        expect(group.filter((lesson) => lesson.frontmatter['module'] === module)).toHaveLength(6);
      }
    }
  });

  it('pairs every lesson with its translation, with unique orders', () => {
    const files = lessons.map((lesson) => ({ path: lesson.path, locale: lesson.locale, data: lessonSchema.parse(lesson.frontmatter) }));
    expect(courseProblems(files, ['ja', 'en'])).toEqual([]);
  });
});

describe.each(lessons.map((lesson) => [lesson.path, lesson] as const))('%s', (_, lesson) => {
  const data = lessonSchema.parse(lesson.frontmatter);

  it('is named after its id, with 3-5 objectives, key terms and a quiz', () => {
    expect(lesson.path.endsWith(`/${data.id}.mdx`)).toBe(true);
    expect(data.objectives.length).toBeGreaterThanOrEqual(3);
    expect(data.keyTerms.length).toBeGreaterThanOrEqual(2);
    expect(data.quiz).toBe(data.id);
  });

  it('has the length the issue asks for', () => {
    if (lesson.locale === 'ja') {
      const count = japaneseCharacterCount(lesson.body);
      expect(count).toBeGreaterThanOrEqual(1500);
      expect(count).toBeLessThanOrEqual(3000);
    } else {
      const words = lesson.body.split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(600);
      expect(words).toBeLessThanOrEqual(1600);
    }
  });

  it('ends with the action list and the recap, and has a table of contents', () => {
    const list = headings(lesson.body);
    expect(list.length).toBeGreaterThanOrEqual(4);
    expect(list.slice(-2)).toEqual(lesson.locale === 'ja' ? ['明日からできること', 'まとめ'] : ['Try this tomorrow', 'Recap']);
  });

  it('has the same sections as its translation', () => {
    const other = lessons.find((candidate) => candidate.locale !== lesson.locale && candidate.frontmatter['id'] === data.id)!;
    expect(headings(other.body)).toHaveLength(headings(lesson.body).length);
  });

  it('links only to pages that exist', () => {
    const ids = new Set(lessons.map((candidate) => String(candidate.frontmatter['id'])));
    for (const [, href] of lesson.body.matchAll(/\]\((\/[^)\s]*)\)/g)) {
      const page = /^(?:\/en)?\/(?:workbench|review)\/?$/.test(href!);
      const match = /^(?:\/en)?\/lessons\/([a-z0-9-]+)\/?(?:#.*)?$/.exec(href!);
      expect(page || (match !== null && ids.has(match[1]!)), `${href} in ${lesson.path}`).toBe(true);
    }
  });

  it('uses no characters that break MDX or read badly aloud', () => {
    const text = lesson.body.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').replace(/<Calculator [^>]*\/>/g, '');
    expect(text).not.toMatch(/[<{}]/);
    if (lesson.locale === 'ja') expect(text).not.toMatch(/[→※／]/);
  });
});
