import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlaylist, type PlaylistItem } from '../../../src/lib/narration/browser/playlist.ts';
import { createSleepTimer } from '../../../src/lib/narration/browser/sleepTimer.ts';
import { fakeEngine } from '../narration/fakeEngine.ts';

const lesson = (id: string, ...texts: string[]): PlaylistItem => ({
  id,
  title: id,
  segments: texts.map((spoken, i) => ({ blockId: `b${i}`, kind: 'paragraph', spoken, durationMs: 1000 })),
});
const items = [lesson('one', '1a', '1b'), lesson('two', '2a'), lesson('three', '3a')];

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('playlist', () => {
  it('plays lesson after lesson, with a pause between, keeping the speed', () => {
    const fake = fakeEngine();
    const ended: string[] = [];
    const playlist = createPlaylist({ engine: fake.engine, items, lang: 'ja-JP', onItemEnd: (item) => ended.push(item.id), gapMs: 1000 });
    playlist.play();
    playlist.setRate(1.5);
    fake.end();
    fake.end();
    expect(ended).toEqual(['one']);
    expect(playlist.getState()).toMatchObject({ item: 0, status: 'ended', advancing: true });
    vi.advanceTimersByTime(1000);
    expect(playlist.getState()).toMatchObject({ item: 1, index: 0, status: 'playing', advancing: false, rate: 1.5 });
    fake.end();
    vi.advanceTimersByTime(1000);
    fake.end();
    expect(ended).toEqual(['one', 'two', 'three']);
    // The speed change says the current sentence again at the new speed.
    expect(fake.texts()).toEqual(['1a', '1a', '1b', '2a', '3a']);
    expect(playlist.getState()).toMatchObject({ item: 2, status: 'ended', advancing: false });
  });

  it('stops after a lesson when asked to (a sleep timer set to the end of the lesson)', () => {
    const fake = fakeEngine();
    const timer = createSleepTimer(() => {});
    timer.set('end-of-lesson');
    const playlist = createPlaylist({ engine: fake.engine, items, lang: 'ja-JP', continueAfter: () => timer.continueAfterLesson() });
    playlist.play();
    fake.end();
    fake.end();
    vi.advanceTimersByTime(5000);
    expect(playlist.getState()).toMatchObject({ item: 0, status: 'ended', advancing: false });
    expect(timer.getState().choice).toBe('off');
  });

  it('moves between lessons, keeps playing if it was, and starts where it is told', () => {
    const fake = fakeEngine();
    const playlist = createPlaylist({ engine: fake.engine, items, lang: 'ja-JP', startItem: 0, startIndex: 1 });
    expect(playlist.getState()).toMatchObject({ item: 0, index: 1, status: 'idle' });
    playlist.nextItem();
    expect(playlist.getState()).toMatchObject({ item: 1, index: 0, status: 'idle' });
    playlist.play();
    playlist.goTo(2);
    expect(playlist.getState()).toMatchObject({ item: 2, status: 'playing' });
    expect(fake.texts().at(-1)).toBe('3a');
    playlist.previousItem(); // at the start of lesson three: back to lesson two
    expect(playlist.getState().item).toBe(1);
  });

  it('a pause during the gap between lessons cancels the move on', () => {
    const fake = fakeEngine();
    const playlist = createPlaylist({ engine: fake.engine, items, lang: 'ja-JP', gapMs: 1000 });
    playlist.goTo(1);
    playlist.play();
    fake.end();
    expect(playlist.getState().advancing).toBe(true);
    playlist.pause();
    vi.advanceTimersByTime(5000);
    expect(playlist.getState()).toMatchObject({ item: 1, advancing: false });
  });
});

describe('sleep timer', () => {
  it('expires after the minutes chosen, counted from when it was set', () => {
    const onExpire = vi.fn();
    let now = 0;
    const timer = createSleepTimer(onExpire, undefined, () => now);
    timer.set(15);
    expect(timer.getState()).toEqual({ choice: 15, endsAt: 15 * 60_000 });
    vi.advanceTimersByTime(15 * 60_000 - 1);
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onExpire).toHaveBeenCalledOnce();
    expect(timer.getState().choice).toBe('off');
    now = 1;
  });

  it('a new choice replaces the old one', () => {
    const onExpire = vi.fn();
    const timer = createSleepTimer(onExpire);
    timer.set(30);
    timer.set('off');
    vi.advanceTimersByTime(60 * 60_000);
    expect(onExpire).not.toHaveBeenCalled();
    expect(timer.continueAfterLesson()).toBe(true);
  });
});
