import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../src/lib/narration/browser/settings.ts';
import type { NarrationSegment } from '../../../src/lib/narration/types.ts';
import { $listen, $player, lessonPlayer, listenPlayer } from '../../../src/stores/player.ts';
import { $progress } from '../../../src/stores/progress.ts';
import { $settings, saveNarrationPosition } from '../../../src/stores/settings.ts';
import { fakeEngine } from '../../unit/narration/fakeEngine.ts';
import { fakeMedia, manifestOf } from '../../unit/narration/fakeMedia.ts';
import { sharedMediaOf } from '../../../src/lib/narration/recorded/media.ts';

const segment = (index: number, blockId: string, text: string, kind: NarrationSegment['kind'] = 'paragraph'): NarrationSegment => ({
  index,
  blockId,
  kind,
  display: text,
  spoken: text,
  durationMs: 1000,
});
const lesson = {
  id: 'what-is-ltv',
  title: 'LTVとは何か',
  segments: [segment(0, 'title', 'タイトル', 'title'), segment(1, 'b0', '一文目。'), segment(2, 'b0', '二文目。'), segment(3, 'b1', '三文目。')],
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  lessonPlayer.unload();
  listenPlayer.unload();
  $settings.set(defaultSettings());
  vi.useRealTimers();
});

describe('$player', () => {
  it('is idle and empty until a lesson is loaded in the browser', () => {
    expect($player.get()).toMatchObject({ loaded: false, status: 'idle' });
  });

  it('plays with the remembered speed and voice, and remembers where the lesson was left', () => {
    $settings.set({ ...defaultSettings(), rate: 1.5, voices: { ja: 'kyoko' } });
    const fake = fakeEngine();
    lessonPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [lesson] });
    lessonPlayer.play();
    expect(fake.latest().utterance).toEqual({ text: 'タイトル', lang: 'ja-JP', rate: 1.5, voiceId: 'kyoko' });
    fake.end();
    fake.end();
    expect($player.get()).toMatchObject({ loaded: true, status: 'playing', index: 2 });
    expect($settings.get().positions['ja/what-is-ltv']?.index).toBe(2);
    expect(JSON.parse(localStorage.getItem('ltv-dojo:narration')!).positions['ja/what-is-ltv'].index).toBe(2);
  });

  it('resumes at the saved position after a reload', () => {
    saveNarrationPosition('ja/what-is-ltv', 3);
    const fake = fakeEngine();
    lessonPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [lesson] });
    expect($player.get()).toMatchObject({ status: 'idle', index: 3 });
    lessonPlayer.play();
    expect(fake.texts()).toEqual(['三文目。']);
  });

  it('marks the lesson listened when heard to the end, and starts at the top next time', () => {
    const fake = fakeEngine();
    lessonPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [lesson] });
    lessonPlayer.seekToIndex(3);
    lessonPlayer.play();
    fake.end();
    expect($player.get().status).toBe('ended');
    expect($progress.get().lessons['what-is-ltv']?.listened).toBe(true);
    expect($settings.get().positions['ja/what-is-ltv']).toBeUndefined();
  });

  it('saves speed changes ([ and ]) and voice changes for the language', () => {
    const fake = fakeEngine();
    lessonPlayer.load({ engine: fake.engine, locale: 'en', lessons: [lesson] });
    lessonPlayer.faster();
    lessonPlayer.faster();
    lessonPlayer.slower();
    lessonPlayer.setVoice('samantha');
    expect($settings.get()).toMatchObject({ rate: 1.25, voices: { en: 'samantha' } });
    for (let i = 0; i < 10; i++) lessonPlayer.faster();
    expect($player.get().rate).toBe(2);
  });

  it('starts from a clicked paragraph', () => {
    const fake = fakeEngine();
    lessonPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [lesson] });
    lessonPlayer.playFromBlock('b1');
    expect($player.get()).toMatchObject({ status: 'playing', index: 3 });
    expect(fake.texts()).toEqual(['三文目。']);
  });

  it('passes word boundaries to the view while the sentence is said', () => {
    const fake = fakeEngine();
    lessonPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [lesson] });
    lessonPlayer.play();
    fake.latest().callbacks.onBoundary?.(2);
    expect($player.get().wordAt).toBe(2);
    fake.end();
    expect($player.get().wordAt).toBeUndefined();
  });

  it('plays one voice at a time: starting listen mode pauses the lesson, and back', () => {
    const fake = fakeEngine();
    lessonPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [lesson] });
    listenPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [lesson, { ...lesson, id: 'two' }] });
    lessonPlayer.play();
    listenPlayer.play();
    expect([$player.get().status, $listen.get().status]).toEqual(['paused', 'playing']);
    lessonPlayer.play();
    expect([$player.get().status, $listen.get().status]).toEqual(['playing', 'paused']);
  });

  it('stops at the end of the sentence being said when the sleep timer runs out', () => {
    const fake = fakeEngine();
    // Long sentences, so the missing-end watchdog stays out of the 15 minutes.
    const long = { ...lesson, segments: lesson.segments.map((s) => ({ ...s, durationMs: 600_000 })) };
    listenPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [long] });
    listenPlayer.setSleep(15);
    expect($listen.get().sleep.choice).toBe(15);
    listenPlayer.play();
    vi.advanceTimersByTime(15 * 60_000);
    expect($listen.get().status).toBe('playing');
    fake.end();
    expect($listen.get()).toMatchObject({ status: 'paused', index: 1 });
    expect($listen.get().sleep.choice).toBe('off');
  });

  it('leaving a lesson page does not silence listen mode (the lesson player never spoke)', () => {
    const fake = fakeEngine();
    listenPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [lesson] });
    listenPlayer.play();
    lessonPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [lesson] });
    const cancelsBefore = fake.cancelAllCalls();
    lessonPlayer.unload();
    expect(fake.cancelAllCalls()).toBe(cancelsBefore);
    expect(fake.latest().cancelled).toBe(false);
    expect($listen.get().status).toBe('playing');
  });

  it('plays a lesson recording through the shared element, and one element for both channels', () => {
    const fake = fakeEngine();
    const manifest = manifestOf('what-is-ltv', [1, 2, 2, 3], lesson.segments.map((s) => s.blockId));
    const media = fakeMedia({ [manifest.src]: manifest.duration });
    const shared = sharedMediaOf(media.element);
    lessonPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [lesson], media: shared });
    listenPlayer.load({ engine: fake.engine, locale: 'ja', lessons: [{ ...lesson, audio: manifest }], media: shared });
    lessonPlayer.attachAudio('what-is-ltv', manifest);
    expect($player.get().recording).toEqual({ label: 'Open JTalk', playing: true, seconds: 0, duration: 8 });
    lessonPlayer.play();
    media.at(3.5);
    expect($player.get()).toMatchObject({ status: 'playing', index: 2, progress: { elapsedMs: 3500, totalMs: 8000 } });
    expect($settings.get().positions['ja/what-is-ltv']?.index).toBe(2);
    listenPlayer.play();
    expect($player.get().status).toBe('paused');
    media.at(6);
    expect([$player.get().index, $listen.get().index]).toEqual([2, 3]);
    lessonPlayer.unload();
    expect(media.element.paused).toBe(false);
    media.end();
    expect($progress.get().lessons['what-is-ltv']?.listened).toBe(true);
    expect(fake.texts()).toEqual([]);
  });
});
