import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/preact';
import ModuleLessons from '../../../src/components/course/ModuleLessons.tsx';
import { $progress, markLessonDone } from '../../../src/stores/progress.ts';
import { emptyProgress } from '../../../src/lib/progress/progress.ts';

const lessons = [
  { id: 'a', title: 'レッスンA', href: '/lessons/a/', minutes: 5 },
  { id: 'b', title: 'レッスンB', href: '/lessons/b/', minutes: 6 },
];
const tick = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

afterEach(() => {
  cleanup();
  $progress.set(emptyProgress());
});

describe('ModuleLessons', () => {
  it('says nothing about the next step until every lesson is done', async () => {
    markLessonDone('a');
    render(<ModuleLessons locale="ja" lessons={lessons} moduleTitle="LTV思考の営業" testsHref="/review/" nextModule={{ title: 'CLVの計算と活用', href: '/lessons/c/' }} />);
    await tick();
    expect(screen.queryByTestId('module-finished')).toBeNull();
  });

  it('marks a lesson title written in another language than the page with its lang', () => {
    render(<ModuleLessons locale="en" lessons={[{ id: 'cm-x-1', title: '提案デッキ', href: '/en/learn/lessons/cm-x-1/', lang: 'ja' }, ...lessons]} />);
    expect(screen.getByRole('link', { name: '提案デッキ' }).getAttribute('lang')).toBe('ja');
    expect(screen.getByRole('link', { name: 'レッスンA' }).hasAttribute('lang')).toBe(false);
  });

  it.each([
    {
      name: 'a module with one after it: the tests, then the next module',
      next: { title: 'CLVの計算と活用', href: '/lessons/c/' },
      links: [
        ['理解度テストで確かめる：「LTV思考の営業」のレッスン', '/review/'],
        ['次のモジュール「CLVの計算と活用」へ進む', '/lessons/c/'],
      ],
      text: '次は、理解度テストで',
    },
    { name: 'the last module: the tests and reviews', next: undefined, links: [['理解度テストで確かめる：「LTV思考の営業」のレッスン', '/review/']], text: 'すべてのモジュールを学びました' },
  ])('once every lesson is done, suggests the next step ($name)', async ({ next, links, text }) => {
    markLessonDone('a');
    markLessonDone('b');
    render(<ModuleLessons locale="ja" lessons={lessons} moduleTitle="LTV思考の営業" testsHref="/review/" nextModule={next} />);
    await tick();
    const finished = screen.getByTestId('module-finished');
    expect(finished.textContent).toContain('「LTV思考の営業」のレッスンをすべて完了しました。');
    expect(finished.textContent).toContain(text);
    expect([...finished.querySelectorAll('a')].map((link) => [link.getAttribute('aria-label') ?? link.textContent, link.getAttribute('href')])).toEqual(links);
  });
});
