import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../../src/lib/course/schemas.ts';
import { buildCatalog, lessonPath, type CatalogLesson } from '../../../src/lib/course/catalog.ts';

const valid = {
  id: 'what-is-ltv',
  module: 'ltv-selling',
  order: 1,
  title: 'LTVとは何か',
  summary: '要約',
  objectives: ['説明できる', '比べられる', '挙げられる'],
  minutes: 8,
  keyTerms: [{ term: 'LTV', definition: '顧客生涯価値' }],
};

describe('lessonSchema', () => {
  it('accepts a complete lesson and fills defaults', () => {
    const lesson = lessonSchema.parse(valid);
    expect(lesson.draft).toBe(false);
    expect(lesson.quiz).toBeUndefined();
  });

  it.each([
    ['missing title', { ...valid, title: undefined }, 'title'],
    ['unknown module', { ...valid, module: 'sales-101' }, 'module'],
    ['order 0', { ...valid, order: 0 }, 'order'],
    ['id not a slug', { ...valid, id: 'What LTV' }, 'id'],
    ['six objectives', { ...valid, objectives: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'objectives'],
    ['term without definition', { ...valid, keyTerms: [{ term: 'LTV' }] }, 'keyTerms.0.definition'],
  ])('rejects %s and names the field', (_, input, field) => {
    const result = lessonSchema.safeParse(input);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain(field);
  });
});

describe('buildCatalog', () => {
  const lesson = (overrides: Partial<CatalogLesson>): CatalogLesson => ({
    ...lessonSchema.parse(valid),
    locale: 'ja',
    ...overrides,
  });
  const modules = [
    { id: 'clv-practice', data: { order: 2, audience: { ja: 'a', en: 'a' }, title: { ja: 't2', en: 't2' }, summary: { ja: 's', en: 's' } } },
    { id: 'ltv-selling', data: { order: 1, audience: { ja: 'a', en: 'a' }, title: { ja: 't1', en: 't1' }, summary: { ja: 's', en: 's' } } },
  ];

  it('orders modules and lessons, keeps one language and leaves drafts out', () => {
    const catalog = buildCatalog(
      modules,
      [
        lesson({ id: 'second', order: 2 }),
        lesson({ id: 'first', order: 1 }),
        lesson({ id: 'english', order: 3, locale: 'en' }),
        lesson({ id: 'draft', order: 4, draft: true }),
        lesson({ id: 'calc', module: 'clv-practice' }),
      ],
      'ja',
    );
    expect(catalog.map((entry) => entry.id)).toEqual(['ltv-selling', 'clv-practice']);
    expect(catalog[0]!.lessons.map((entry) => entry.id)).toEqual(['first', 'second']);
    expect(catalog[1]!.lessons.map((entry) => entry.id)).toEqual(['calc']);
  });

  it('builds lesson paths per language', () => {
    expect(lessonPath('ja', 'x')).toBe('/lessons/x/');
    expect(lessonPath('en', 'x')).toBe('/en/lessons/x/');
  });
});
