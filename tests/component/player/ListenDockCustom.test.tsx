/**
 * Listen mode fed by the page rather than the content collection: a trainer's Japanese module on
 * an English learner page, its lessons' narration made by the same code as its lesson pages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import ListenDock from '../../../src/components/player/listen/ListenDock.tsx';
import { LISTEN_DATA_ID, type ListenData } from '../../../src/components/player/listen/listenData.ts';
import { LISTEN_TEXT } from '../../../src/components/player/listen/text.ts';
import { PLAYER_TEXT } from '../../../src/components/player/text.ts';
import { customLessonPage } from '../../../src/lib/authoring/lessonPage.ts';
import { packSegments } from '../../../src/lib/narration/browser/packedSegments.ts';
import { $listen, listenPlayer } from '../../../src/stores/player.ts';
import { fakeSynthesis, voice } from '../../unit/player/fakeSynthesis.ts';
import { useFakeSpeech } from './fakeSpeech.ts';

const fake = fakeSynthesis([voice('Kyoko', 'ja-JP', { default: true }), voice('Samantha', 'en-US')]);

const lesson = (n: number, heading: string, markdown: string) => {
  const title = `提案 ${n}`;
  const { segments } = customLessonPage({ title, sections: [{ id: `00000000-0000-4000-8000-00000000000${n}`, heading, markdown, spoken: null }], locale: 'ja', pronunciations: [{ term: '御社', reading: 'おんしゃ' }] });
  return { id: `cm-3f2a8c1e-0b7d-4e5f-9a6b-1c2d3e4f5a6b-${n}`, title, href: `/en/learn/lessons/cm-3f2a8c1e-0b7d-4e5f-9a6b-1c2d3e4f5a6b-${n}/`, segments: packSegments(segments) };
};
const data: ListenData = {
  moduleId: 'cm-3f2a8c1e-0b7d-4e5f-9a6b-1c2d3e4f5a6b',
  moduleTitle: '提案デッキ',
  href: '/en/learn/listen/3f2a8c1e-0b7d-4e5f-9a6b-1c2d3e4f5a6b/',
  locale: 'ja',
  lessons: [lesson(1, '御社の課題', '解約理由を聞きます。'), lesson(2, '料金', '月額5,000円からです。')],
};

useFakeSpeech(fake);
afterEach(() => {
  listenPlayer.unload();
  document.body.innerHTML = '';
});

function listenPage() {
  document.body.innerHTML = `<button type="button" data-listen-start="0" data-listen-index="0">Play from the start</button>
    <ol><li data-listen-lesson="${data.lessons[0]!.id}"></li><li data-listen-lesson="${data.lessons[1]!.id}"></li></ol>
    <script type="application/json" id="${LISTEN_DATA_ID}">${JSON.stringify(data)}</script>`;
  const host = document.createElement('div');
  document.body.append(host);
  return render(<ListenDock locale="en" moduleTitle={data.moduleTitle} lessonCount={2} text={PLAYER_TEXT.en} words={LISTEN_TEXT.en} />, { container: host });
}

describe('ListenDock with lessons the page supplies', () => {
  it('plays the module’s lessons in order in their own language, with English controls', async () => {
    listenPage();
    const dock = await screen.findByTestId('listen-dock');
    expect(dock.getAttribute('lang')).toBe('en');
    // The page's playlist is loaded at once: the dock offers its first lesson, in its own language.
    expect(screen.getByTestId('listen-title').textContent).toBe('提案 1');
    expect(screen.getByTestId('listen-title').getAttribute('lang')).toBe('ja');
    expect(dock.querySelector(`a[href="${data.href}"]`)?.getAttribute('lang')).toBe('ja');

    fireEvent.click(screen.getByText('Play from the start'));
    // The heading is read with the module's pronunciation override, by a Japanese voice.
    await waitFor(() => expect(fake.latest()).toMatchObject({ text: '提案 1', lang: 'ja-JP' }));
    fake.end();
    await waitFor(() => expect(fake.latest().text).toBe('おんしゃの課題'));
    expect($listen.get()).toMatchObject({ status: 'playing', item: 0 });
    expect(screen.getByTestId('listen-title').textContent).toBe('提案 1');
    expect(screen.getByTestId('listen-title').getAttribute('lang')).toBe('ja');
    expect(document.querySelector('[aria-current="true"]')?.getAttribute('data-listen-lesson')).toBe(data.lessons[0]!.id);
    expect(dock.textContent).toContain('Lesson 1 of 2');

    fireEvent.click(screen.getByRole('button', { name: 'Next lesson' }));
    await waitFor(() => expect(screen.getByTestId('listen-title').textContent).toBe('提案 2'));
    await waitFor(() => expect(fake.latest().text).toBe('提案 2'));
    fake.end();
    await waitFor(() => expect(fake.latest().text).toBe('料金'));
    // Effects run after paint: the mark follows a moment after the title.
    await waitFor(() => expect(document.querySelector('[aria-current="true"]')?.getAttribute('data-listen-lesson')).toBe(data.lessons[1]!.id));
  });
});
