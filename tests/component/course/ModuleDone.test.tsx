import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/preact';
import ModuleDone from '../../../src/components/course/ModuleDone.tsx';
import ModuleLessons from '../../../src/components/course/ModuleLessons.tsx';
import { moduleNextSteps } from '../../../src/components/learner/moduleLinks.ts';
import { $progress, markLessonDone } from '../../../src/stores/progress.ts';
import { emptyProgress } from '../../../src/lib/progress/progress.ts';

const lessons = [
  { key: 'cm-v-1', title: '御社向けのご提案', assignmentId: 'a1' },
  { key: 'cm-v-2', title: '料金', assignmentId: 'a2' },
];
const tick = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
const links = () => [...screen.getByTestId('module-finished').querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]);

afterEach(() => $progress.set(emptyProgress()));

describe('a custom module finished', () => {
  it('on the lesson page: appears when the last lesson is marked done, with each lesson’s test named', async () => {
    render(<ModuleDone locale="ja" moduleTitle="提案デッキ" lessonIds={lessons.map((lesson) => lesson.key)} {...moduleNextSteps('ja', lessons)} />);
    markLessonDone('cm-v-1');
    await tick();
    expect(screen.queryByTestId('module-finished')).toBeNull();
    act(() => markLessonDone('cm-v-2'));
    await tick();
    expect(screen.getByTestId('module-finished').textContent).toContain('「提案デッキ」のレッスンをすべて完了しました。 次は、テストで身についたかを確かめましょう。');
    expect(links()).toEqual([
      ['テストを受ける：「御社向けのご提案」', '/learn/test/a1/'],
      ['テストを受ける：「料金」', '/learn/test/a2/'],
    ]);
  });

  it('in the English course list: progress, no minutes where none are known, and links to the tests', async () => {
    markLessonDone('cm-v-1');
    const view = render(
      <ModuleLessons
        locale="en"
        lessons={lessons.map((lesson) => ({ id: lesson.key, title: lesson.title, href: `/en/learn/lessons/${lesson.key}/` }))}
        moduleTitle="提案デッキ"
        nextSteps={moduleNextSteps('en', lessons)}
      />,
    );
    await tick();
    expect(screen.getByRole('progressbar', { name: '1 of 2 lessons done' }).getAttribute('aria-valuenow')).toBe('1');
    expect(view.container.querySelector('.lesson-list__minutes')).toBeNull();
    act(() => markLessonDone('cm-v-2'));
    await tick();
    expect(links()).toEqual([
      ['Take the test: 御社向けのご提案', '/en/learn/test/a1/'],
      ['Take the test: 料金', '/en/learn/test/a2/'],
    ]);
  });
});
