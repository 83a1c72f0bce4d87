import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import LessonPlayer from '../../../src/components/player/LessonPlayer.tsx';
import { PLAYER_TEXT } from '../../../src/components/player/text.ts';
import { defaultSettings } from '../../../src/lib/narration/browser/settings.ts';
import { $player, lessonPlayer } from '../../../src/stores/player.ts';
import { $settings } from '../../../src/stores/settings.ts';
import { fakeSynthesis, voice } from '../../unit/player/fakeSynthesis.ts';
import { useFakeSpeech } from './fakeSpeech.ts';
import { LESSON_SEGMENTS } from './segments.ts';

const fake = fakeSynthesis([voice('Kyoko', 'ja-JP', { default: true }), voice('Samantha', 'en-US')]);

useFakeSpeech(fake);
afterEach(() => {
  lessonPlayer.unload();
  $settings.set(defaultSettings());
});

const renderPlayer = () =>
  render(
    <LessonPlayer
      locale="ja"
      lessonId="what-is-ltv"
      title="LTVとは何か"
      album="LTV思考の営業"
      artist="LTV道場"
      segments={LESSON_SEGMENTS}
      otherLanguageHref="/en/lessons/what-is-ltv/"
      text={PLAYER_TEXT.ja}
    />,
  );

describe('LessonPlayer', () => {
  it('plays the lesson in Japanese and labels every control', async () => {
    renderPlayer();
    const toggle = await screen.findByRole('button', { name: '再生' });
    for (const name of ['前の見出し', '前の文', '次の文', '次の見出し', '設定']) expect(screen.getByRole('button', { name })).toBeTruthy();
    const seek = screen.getByRole('slider', { name: '再生位置' });
    expect(seek.getAttribute('aria-valuetext')).toContain('1文目');
    fireEvent.click(toggle);
    await waitFor(() => expect(fake.latest()).toMatchObject({ text: 'エルティーブイとは何か', lang: 'ja-JP' }));
    await screen.findByRole('button', { name: '一時停止' });
    fake.end();
    await waitFor(() => expect(seek.getAttribute('aria-valuetext')).toContain('2文目'));
    expect(fake.latest().text).toBe('一件の売上');
  });

  it('answers the keyboard shortcuts, but not while typing', async () => {
    renderPlayer();
    await screen.findByRole('button', { name: '再生' });
    fireEvent.keyDown(document.body, { key: 'k' });
    expect($player.get().status).toBe('playing');
    fireEvent.keyDown(document.body, { key: 'L', shiftKey: true });
    expect($player.get().index).toBe(1);
    fireEvent.keyDown(document.body, { key: 'l' });
    expect($player.get().index).toBe(2);
    fireEvent.keyDown(document.body, { key: ']' });
    expect($player.get().rate).toBe(1.25);
    const input = document.createElement('input');
    document.body.append(input);
    fireEvent.keyDown(input, { key: 'k' });
    expect($player.get().status).toBe('playing');
    input.remove();
  });

  it('opens the settings: the speed is applied and remembered, voices are those of the lesson language', async () => {
    renderPlayer();
    fireEvent.click(await screen.findByRole('button', { name: '設定' }));
    const speed = await screen.findByLabelText('速さ');
    fireEvent.change(speed, { target: { value: '1.5' } });
    expect($player.get().rate).toBe(1.5);
    expect($settings.get().rate).toBe(1.5);
    const voices = screen.getByLabelText('声') as HTMLSelectElement;
    expect([...voices.options].map((option) => option.textContent)).toEqual(['自動（おすすめ）', 'Kyoko']);
    expect(screen.getByText('キーボード操作')).toBeTruthy();
  });
});
