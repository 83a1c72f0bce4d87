import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import LessonPlayer from '../../../src/components/player/LessonPlayer.tsx';
import { forgetRecordings } from '../../../src/components/player/dom/recordings.ts';
import { PLAYER_TEXT } from '../../../src/components/player/text.ts';
import { narrationScriptHash } from '../../../src/lib/narration/audio/plan.ts';
import { unpackSegments } from '../../../src/lib/narration/browser/packedSegments.ts';
import { defaultSettings } from '../../../src/lib/narration/browser/settings.ts';
import { $player, lessonPlayer } from '../../../src/stores/player.ts';
import { $progress } from '../../../src/stores/progress.ts';
import { $settings } from '../../../src/stores/settings.ts';
import { fakeSynthesis, Utterance, voice } from '../../unit/player/fakeSynthesis.ts';
import { manifestOf } from '../../unit/narration/fakeMedia.ts';
import { LESSON_SEGMENTS } from './segments.ts';

const segments = unpackSegments(LESSON_SEGMENTS);
// title 0–2 s, heading 2–4 s, two sentences 4–7 s and 7–10 s.
const manifest = {
  ...manifestOf('what-is-ltv', [2, 2, 3, 3], segments.map((segment) => segment.blockId)),
  voice: { engine: 'open-jtalk', id: 'm001', label: 'Open JTalk' },
  scriptHash: narrationScriptHash(segments),
};
const fake = fakeSynthesis([voice('Kyoko', 'ja-JP', { default: true })]);
let served: unknown = manifest;

beforeAll(() => {
  Object.defineProperty(window, 'speechSynthesis', { value: fake.synthesis, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => (url === '/audio/ja/what-is-ltv.json' && served ? Response.json(served) : new Response(null, { status: 404 }))),
  );
  // happy-dom has no media pipeline: play and pause only flip `paused` and send their events.
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
    Object.defineProperty(this, 'paused', { value: false, configurable: true });
    this.dispatchEvent(new Event('play'));
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
    Object.defineProperty(this, 'paused', { value: true, configurable: true });
    this.dispatchEvent(new Event('pause'));
  });
});
afterAll(() => vi.unstubAllGlobals());
afterEach(() => {
  lessonPlayer.unload();
  forgetRecordings();
  served = manifest;
  $settings.set(defaultSettings());
});

const renderPlayer = (recorded = true, recording?: typeof manifest) =>
  render(
    <LessonPlayer
      recorded={recorded}
      recording={recording}
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

const audio = () => document.querySelector<HTMLAudioElement>('audio[data-testid="narration-audio"]')!;
/** The element's clock moves on, as a playing file's does. */
const tick = (seconds: number) => {
  Object.defineProperty(audio(), 'currentTime', { value: seconds, configurable: true, writable: true });
  audio().dispatchEvent(new Event('timeupdate'));
};

describe('LessonPlayer with a recording', () => {
  it('plays the file, not the speech engine, and the position follows its clock', async () => {
    renderPlayer();
    await waitFor(() => expect($player.get().recording?.playing).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: '再生' }));
    await screen.findByRole('button', { name: '一時停止' });
    expect(audio().getAttribute('src')).toBe(manifest.src);
    expect(fake.spoken).toHaveLength(0);
    expect(screen.getByTestId('lesson-player').dataset['source']).toBe('recording');
    tick(7.5);
    const seek = screen.getByRole('slider', { name: '再生位置' });
    await waitFor(() => expect(seek.getAttribute('aria-valuetext')).toContain('4文目'));
    fireEvent.click(screen.getByRole('button', { name: '前の文' }));
    expect(audio().currentTime).toBe(4);
    fireEvent.click(screen.getByRole('button', { name: '一時停止' }));
    expect(audio().paused).toBe(true);
  });

  it('offers the recorded voice in the picker, and a speech voice instead at the same place', async () => {
    renderPlayer();
    await waitFor(() => expect($player.get().recording).toBeDefined());
    fireEvent.click(screen.getByRole('button', { name: '設定' }));
    const voices = (await screen.findByLabelText('声')) as HTMLSelectElement;
    expect([...voices.options].map((option) => option.textContent)).toEqual(['自動（おすすめ）', '録音音声（Open JTalk）', 'Kyoko']);
    fireEvent.change(screen.getByLabelText('速さ'), { target: { value: '1.5' } });
    fireEvent.click(screen.getByRole('button', { name: '再生' }));
    await screen.findByRole('button', { name: '一時停止' });
    expect(audio().playbackRate).toBe(1.5);
    expect(audio().preservesPitch).toBe(true);
    fireEvent.change(screen.getByLabelText('速さ'), { target: { value: '0.75' } });
    expect(audio().playbackRate).toBe(0.75);
    fireEvent.change(voices, { target: { value: fake.synthesis.getVoices()[0]!.voiceURI } });
    await waitFor(() => expect(fake.spoken.at(-1)?.text).toBeTruthy());
    expect(audio().paused).toBe(true);
    expect($player.get().recording?.playing).toBe(false);
  });

  it('marks the lesson listened when the file ends', async () => {
    renderPlayer();
    await waitFor(() => expect($player.get().recording).toBeDefined());
    fireEvent.click(screen.getByRole('button', { name: '再生' }));
    await screen.findByRole('button', { name: '一時停止' });
    Object.defineProperty(audio(), 'ended', { value: true, configurable: true });
    audio().dispatchEvent(new Event('ended'));
    Object.defineProperty(audio(), 'ended', { value: false, configurable: true });
    expect($progress.get().lessons['what-is-ltv']?.listened).toBe(true);
  });

  it('asks for no manifest when the build found no recording', async () => {
    renderPlayer(false);
    const before = fake.spoken.length;
    fireEvent.click(await screen.findByRole('button', { name: '再生' }));
    await waitFor(() => expect(fake.spoken).toHaveLength(before + 1));
    expect(vi.mocked(fetch).mock.calls.map(([url]) => String(url))).not.toContain('/audio/ja/what-is-ltv.json');
  });

  it('ignores a manifest made from another version of the lesson', async () => {
    served = { ...manifest, scriptHash: 'older' };
    renderPlayer();
    const before = fake.spoken.length;
    fireEvent.click(await screen.findByRole('button', { name: '再生' }));
    await waitFor(() => expect(fake.spoken).toHaveLength(before + 1));
    expect($player.get().recording).toBeUndefined();
  });

  it('plays a manifest the server gave (a custom module’s, behind authorization) without fetching one', async () => {
    const given = { ...manifest, src: '/api/custom-audio/11111111-2222-4333-8444-555555555555/1.0123456789abcdef.mp3' };
    const calls = vi.mocked(fetch).mock.calls.length;
    renderPlayer(false, given);
    await waitFor(() => expect($player.get().recording).toBeDefined());
    fireEvent.click(screen.getByRole('button', { name: '再生' }));
    await screen.findByRole('button', { name: '一時停止' });
    expect(audio().getAttribute('src')).toBe(given.src);
    expect(vi.mocked(fetch).mock.calls.length).toBe(calls);
  });

  it('reads aloud instead when the given manifest was made from other words', async () => {
    renderPlayer(false, { ...manifest, scriptHash: 'older' });
    const before = fake.spoken.length;
    fireEvent.click(await screen.findByRole('button', { name: '再生' }));
    await waitFor(() => expect(fake.spoken).toHaveLength(before + 1));
    expect($player.get().recording).toBeUndefined();
  });
});
