import { describe, expect, it } from 'vitest';
import { courseProblems, type LessonFile } from '../../../src/lib/course/validateCourse.ts';

const file = (locale: string, id: string, order: number, module: 'ltv-selling' | 'clv-practice' = 'ltv-selling'): LessonFile => ({
  path: `src/content/lessons/${locale}/${id}.mdx`,
  locale,
  data: { id, module, order },
});

describe('courseProblems', () => {
  it('accepts a course with every lesson in both languages', () => {
    expect(courseProblems([file('ja', 'a', 1), file('en', 'a', 1), file('ja', 'b', 2), file('en', 'b', 2)], ['ja', 'en'])).toEqual([]);
  });

  it('names both files when two lessons share an order', () => {
    const problems = courseProblems([file('ja', 'a', 1), file('ja', 'b', 1), file('en', 'a', 1), file('en', 'b', 2)], ['ja', 'en']);
    expect(problems).toEqual([
      'src/content/lessons/ja/b.mdx: order 1 in module ltv-selling is already used by src/content/lessons/ja/a.mdx',
      'src/content/lessons/en/b.mdx: module/order (ltv-selling 2) differ from src/content/lessons/ja/b.mdx (ltv-selling 1)',
    ]);
  });

  it('reports a missing translation with the expected path', () => {
    expect(courseProblems([file('ja', 'a', 1)], ['ja', 'en'])).toEqual([
      'src/content/lessons/ja/a.mdx: lesson a has no en version (expected src/content/lessons/en/a.mdx)',
    ]);
  });
});
