import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlaylist, type PlaylistItem } from '../../../src/lib/narration/browser/playlist.ts';
import { sharedMediaOf } from '../../../src/lib/narration/recorded/media.ts';
import { RECORDED_VOICE_ID } from '../../../src/lib/narration/recorded/recording.ts';
import { fakeEngine } from '../narration/fakeEngine.ts';
import { fakeMedia, manifestOf } from '../narration/fakeMedia.ts';

const lesson = (id: string, lengths: number[], recorded = true): PlaylistItem => ({
  id,
  title: id,
  segments: lengths.map((_, i) => ({ blockId: `b${i}`, kind: 'paragraph', spoken: `${id}-${i}`, durationMs: 1000 })),
  ...(recorded ? { audio: manifestOf(id, lengths) } : {}),
});

function setup(items: PlaylistItem[], voiceId?: string) {
  const engine = fakeEngine();
  const media = fakeMedia(Object.fromEntries(items.flatMap((item) => (item.audio ? [[item.audio.src, item.audio.duration]] : []))));
  const ended: string[] = [];
  const playlist = createPlaylist({
    engine: engine.engine,
    items,
    lang: 'ja-JP',
    media: sharedMediaOf(media.element),
    onItemEnd: (item) => ended.push(item.id),
    ...(voiceId === undefined ? {} : { voiceId }),
  });
  return { engine, media, playlist, ended };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('playlist of recorded lessons', () => {
  it('starts the next lesson file from the ended event itself, with no timer', () => {
    const { media, playlist, ended } = setup([lesson('one', [2, 2]), lesson('two', [3]), lesson('three', [1])]);
    playlist.play();
    expect(media.element.src).toBe('/audio/ja/one.abc.mp3');
    media.at(2.5);
    expect(playlist.getState()).toMatchObject({ item: 0, index: 1, seconds: 2.5 });
    media.end();
    // No timers run: the switch happened synchronously inside the `ended` handler.
    expect(ended).toEqual(['one']);
    expect(playlist.getState()).toMatchObject({ item: 1, index: 0, status: 'playing', advancing: false });
    expect(media.element).toMatchObject({ src: '/audio/ja/two.abc.mp3', currentTime: 0, paused: false });
    media.end();
    media.end();
    expect(ended).toEqual(['one', 'two', 'three']);
    expect(playlist.getState()).toMatchObject({ item: 2, status: 'ended' });
    // Old players stopped listening to the element.
    expect(media.listenerCount()).toBe(5);
  });

  it('keeps the speed from one file to the next', () => {
    const { media, playlist } = setup([lesson('one', [2]), lesson('two', [3])]);
    playlist.play();
    playlist.setRate(1.75);
    media.end();
    expect(media.element.playbackRate).toBe(1.75);
    expect(playlist.getState().rate).toBe(1.75);
  });

  it('reads a lesson without a recording with the speech engine, after a pause', () => {
    const { engine, media, playlist } = setup([lesson('one', [2]), lesson('two', [1, 1], false)]);
    playlist.play();
    media.end();
    expect(playlist.getState()).toMatchObject({ item: 0, advancing: true });
    vi.advanceTimersByTime(5000);
    expect(playlist.getState()).toMatchObject({ item: 1, status: 'playing' });
    expect(engine.texts()).toEqual(['two-0']);
  });

  it('switches between the recording and a speech voice at the same place', () => {
    const { engine, media, playlist } = setup([lesson('one', [2, 2, 2])]);
    playlist.play();
    playlist.nextSentence();
    playlist.setVoice('Kyoko');
    expect(media.element.paused).toBe(true);
    expect(engine.texts()).toEqual(['one-1']);
    expect(playlist.getState()).toMatchObject({ index: 1, status: 'playing', voiceId: 'Kyoko' });
    playlist.setVoice(RECORDED_VOICE_ID);
    expect(media.element).toMatchObject({ paused: false, currentTime: 2 });
    expect(playlist.getState()).toMatchObject({ index: 1, status: 'playing', voiceId: RECORDED_VOICE_ID });
  });

  it('plays the speech engine when the learner chose a speech voice, even with a recording', () => {
    const { engine, media, playlist } = setup([lesson('one', [2])], 'Kyoko');
    playlist.play();
    expect(media.element.plays).toBe(0);
    expect(engine.texts()).toEqual(['one-0']);
  });

  it('takes a recording found later, and falls back to speech when the file fails', () => {
    const item = lesson('one', [2, 2]);
    const { engine, media, playlist } = setup([{ ...item, audio: undefined } as PlaylistItem]);
    playlist.setAudio(0, item.audio);
    playlist.play();
    expect(media.element.plays).toBe(1);
    media.fail();
    expect(playlist.getState()).toMatchObject({ status: 'playing', index: 0 });
    expect(engine.texts()).toEqual(['one-0']);
  });
});
