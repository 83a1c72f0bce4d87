import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextSectionStart, previousSectionStart } from '../../../src/lib/narration/navigation.ts';
import { createPlayer, type PlayerOptions, type PlayerSegment, type PlayerState } from '../../../src/lib/narration/player.ts';
import { normalizeRate } from '../../../src/lib/narration/rate.ts';
import { fakeEngine } from './fakeEngine.ts';

const segment = (blockId: string, kind: PlayerSegment['kind'], spoken: string, durationMs: number): PlayerSegment => ({
  blockId,
  kind,
  spoken,
  durationMs,
});

/** A small lesson: a title, then three sections (headings at 1, 4 and 6). */
const segments: PlayerSegment[] = [
  segment('title', 'title', 'タイトル', 1000),
  segment('b0', 'heading', '見出しA', 1000),
  segment('b1', 'paragraph', 'A一文目。', 2000),
  segment('b1', 'paragraph', 'A二文目。', 2000),
  segment('b2', 'heading', '見出しB', 1000),
  segment('b3', 'paragraph', 'B一文目。', 3000),
  segment('b4', 'heading', '見出しC', 1000),
  segment('b5.0', 'list-item', 'C項目。', 1000),
];

function setup(options: Partial<PlayerOptions> = {}) {
  const fake = fakeEngine();
  const onLessonEnd = vi.fn();
  const player = createPlayer({ engine: fake.engine, segments, lang: 'ja-JP', onLessonEnd, ...options });
  const states: PlayerState[] = [];
  player.subscribe((state) => states.push(state));
  return { ...fake, player, onLessonEnd, states };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('playing', () => {
  it('says one segment at a time, moving on at each end', () => {
    const { player, texts, end, latest } = setup();
    expect(player.getState()).toMatchObject({ status: 'idle', index: 0, rate: 1, voiceId: undefined });
    player.play();
    expect(player.getState()).toMatchObject({ status: 'playing', index: 0 });
    expect(latest().utterance).toEqual({ text: 'タイトル', lang: 'ja-JP', rate: 1 });
    end();
    end();
    expect(player.getState().index).toBe(2);
    expect(texts()).toEqual(['タイトル', '見出しA', 'A一文目。']);
  });

  it('starts where it is told and tells subscribers about every change', () => {
    const { player, states } = setup({ startIndex: 5 });
    const late = vi.fn();
    const unsubscribe = player.subscribe(late);
    unsubscribe();
    player.play();
    expect(states.at(-1)).toMatchObject({ status: 'playing', index: 5 });
    expect(late).not.toHaveBeenCalled();
  });

  it('ends after the last segment, calls onLessonEnd once, and plays again from the top', () => {
    const { player, end, onLessonEnd, texts } = setup({ startIndex: 7 });
    player.play();
    end();
    expect(player.getState().status).toBe('ended');
    expect(onLessonEnd).toHaveBeenCalledOnce();
    expect(player.progress()).toMatchObject({ remainingMs: 0, ratio: 1 });
    player.play();
    expect(player.getState()).toMatchObject({ status: 'playing', index: 0 });
    expect(texts()).toEqual(['C項目。', 'タイトル']);
  });

  it('survives an engine that ends each utterance inside speak()', () => {
    const fake = fakeEngine();
    const eager = { ...fake.engine, speak: vi.fn((utterance, callbacks) => {
      const handle = fake.engine.speak(utterance, callbacks);
      callbacks.onEnd();
      return handle;
    }) } satisfies typeof fake.engine;
    const onLessonEnd = vi.fn();
    const player = createPlayer({ engine: eager, segments, lang: 'ja-JP', onLessonEnd });
    player.play();
    expect(player.getState().status).toBe('ended');
    expect(eager.speak).toHaveBeenCalledTimes(segments.length);
    expect(onLessonEnd).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60_000); // no watchdog left behind
    expect(eager.speak).toHaveBeenCalledTimes(segments.length);
  });

  it('ends at once, without onLessonEnd, when there is nothing to say', () => {
    const { engine } = fakeEngine();
    const onLessonEnd = vi.fn();
    const player = createPlayer({ engine, segments: [], lang: 'ja-JP', onLessonEnd });
    player.play();
    expect(player.getState().status).toBe('ended');
    expect(onLessonEnd).not.toHaveBeenCalled();
  });
});

describe('pause and resume', () => {
  it('pause cancels the sentence; resume says the same sentence again from its start', () => {
    const { player, end, latest, texts } = setup();
    player.play();
    end();
    const interrupted = latest();
    player.pause();
    expect(interrupted.cancelled).toBe(true);
    expect(player.getState()).toMatchObject({ status: 'paused', index: 1 });
    player.resume();
    expect(player.getState()).toMatchObject({ status: 'playing', index: 1 });
    expect(texts()).toEqual(['タイトル', '見出しA', '見出しA']);
  });

  it('play() while paused resumes; pause and resume out of turn do nothing', () => {
    const { player, texts } = setup();
    player.pause();
    player.resume();
    expect(player.getState().status).toBe('idle');
    player.play();
    player.play();
    player.pause();
    player.play();
    expect(texts()).toEqual(['タイトル', 'タイトル']);
  });
});

describe('stale events', () => {
  it('ignores end, error and start of an utterance that was cancelled', () => {
    const { player, latest, texts } = setup();
    player.play();
    const first = latest();
    player.nextSentence(); // cancels "タイトル", says "見出しA"
    first.callbacks.onEnd(); // Safari reports the cancelled one as ended…
    first.callbacks.onError('interrupted'); // …Chrome as an error
    first.callbacks.onStart();
    expect(player.getState()).toMatchObject({ status: 'playing', index: 1 });
    expect(texts()).toEqual(['タイトル', '見出しA']);
  });

  it('ignores the end of an utterance that arrives after pause', () => {
    const { player, end } = setup();
    player.play();
    player.pause();
    end();
    expect(player.getState()).toMatchObject({ status: 'paused', index: 0 });
  });
});

describe('moving around', () => {
  it.each([
    ['next sentence', 2, (p: ReturnType<typeof setup>['player']) => p.nextSentence(), 3],
    ['previous sentence', 2, (p: ReturnType<typeof setup>['player']) => p.previousSentence(), 1],
    ['previous sentence at the top', 0, (p: ReturnType<typeof setup>['player']) => p.previousSentence(), 0],
    ['next sentence at the end', 7, (p: ReturnType<typeof setup>['player']) => p.nextSentence(), 7],
    ['next section', 2, (p: ReturnType<typeof setup>['player']) => p.nextSection(), 4],
    ['next section in the last section', 7, (p: ReturnType<typeof setup>['player']) => p.nextSection(), 7],
    ['previous section, mid-section', 3, (p: ReturnType<typeof setup>['player']) => p.previousSection(), 1],
    ['previous section, at a heading', 4, (p: ReturnType<typeof setup>['player']) => p.previousSection(), 1],
    ['previous section before any heading', 0, (p: ReturnType<typeof setup>['player']) => p.previousSection(), 0],
  ])('%s while playing: %i → %i, speaking the new sentence', (_, from, move, to) => {
    const { player, latest } = setup({ startIndex: from });
    player.play();
    const before = latest();
    move(player);
    expect(player.getState()).toMatchObject({ status: 'playing', index: to });
    expect(latest().utterance.text).toBe(segments[to]!.spoken);
    if (latest() !== before) expect(before.cancelled).toBe(true);
  });

  it('while paused, moves without speaking; play starts from the new place', () => {
    const { player, texts } = setup();
    player.play();
    player.pause();
    player.nextSection();
    expect(player.getState()).toMatchObject({ status: 'paused', index: 1 });
    expect(texts()).toEqual(['タイトル']);
    player.play();
    expect(texts()).toEqual(['タイトル', '見出しA']);
  });

  it('seeks to the first segment of a clicked block, and refuses unknown ids', () => {
    const { player, texts } = setup();
    expect(player.seekToBlock('b3')).toBe(true);
    expect(player.getState()).toMatchObject({ status: 'idle', index: 5 });
    expect(player.seekToBlock('b99')).toBe(false);
    expect(player.getState().index).toBe(5);
    player.play();
    expect(player.seekToBlock('b1')).toBe(true);
    expect(texts()).toEqual(['B一文目。', 'A一文目。']);
  });

  it('after the end, a move makes the player paused at the new place', () => {
    const { player, end } = setup({ startIndex: 7 });
    player.play();
    end();
    player.seekToBlock('b2');
    expect(player.getState()).toMatchObject({ status: 'paused', index: 4 });
  });

  it.each([
    [0, 1, 0],
    [1, 4, 0],
    [5, 6, 4],
    [7, undefined, 6],
  ])('section starts around %i: next %s, previous %i', (index, next, previous) => {
    expect(nextSectionStart(segments, index)).toBe(next);
    expect(previousSectionStart(segments, index)).toBe(previous);
  });
});

describe('rate and voice', () => {
  it.each([
    [0.3, 0.5],
    [0.5, 0.5],
    [1.1, 1],
    [1.13, 1.25],
    [1.75, 1.75],
    [2.6, 2],
    [Number.NaN, 1],
  ])('a rate of %d becomes %d', (asked, applied) => {
    expect(normalizeRate(asked)).toBe(applied);
  });

  it('restarts the current sentence at the new rate, mid-sentence', () => {
    const { player, latest, utterances } = setup({ startIndex: 2 });
    player.play();
    const before = latest();
    player.setRate(1.5);
    expect(before.cancelled).toBe(true);
    expect(latest().utterance).toMatchObject({ text: 'A一文目。', rate: 1.5 });
    player.setRate(1.5); // no change, no restart
    expect(utterances).toHaveLength(2);
    expect(player.getState()).toMatchObject({ status: 'playing', index: 2, rate: 1.5 });
  });

  it('changes rate and voice while paused without speaking', () => {
    const { player, utterances, latest } = setup();
    player.setRate(0.75);
    player.setVoice('kyoko');
    expect(utterances).toHaveLength(0);
    player.play();
    expect(latest().utterance).toEqual({ text: 'タイトル', lang: 'ja-JP', rate: 0.75, voiceId: 'kyoko' });
  });

  it('restarts the current sentence with a new voice', () => {
    const { player, latest } = setup();
    player.play();
    player.setVoice('kyoko');
    expect(latest().utterance.voiceId).toBe('kyoko');
    player.setVoice(undefined);
    expect(latest().utterance).not.toHaveProperty('voiceId');
  });
});

describe('errors', () => {
  it('surfaces an engine error and retries the failed sentence on play', () => {
    const { player, fail, texts } = setup({ startIndex: 3 });
    player.play();
    fail('synthesis-failed');
    expect(player.getState()).toMatchObject({ status: 'error', index: 3, error: 'synthesis-failed' });
    vi.advanceTimersByTime(60_000); // the watchdog does not move an errored player
    expect(player.getState().index).toBe(3);
    player.play();
    expect(player.getState()).toMatchObject({ status: 'playing', index: 3 });
    expect(player.getState()).not.toHaveProperty('error');
    expect(texts()).toEqual(['A二文目。', 'A二文目。']);
  });

  it('turns an engine that throws into an error state, never a stuck player', () => {
    const { player, throwOnNextSpeak } = setup();
    throwOnNextSpeak('no voice for ja-JP');
    player.play();
    expect(player.getState()).toMatchObject({ status: 'error', error: 'no voice for ja-JP' });
    player.nextSentence();
    expect(player.getState()).toMatchObject({ status: 'paused', index: 1 });
  });
});

describe('the missing-end watchdog', () => {
  it('moves on when no end arrives within duration / rate × 2 + 3 s, and counts it', () => {
    // "A一文目。" lasts 2000 ms at 1.0; at 2.0 that is 1000 ms, so the limit is 1000 × 2 + 3000.
    const { player, latest } = setup({ startIndex: 2, rate: 2 });
    player.play();
    const silent = latest();
    vi.advanceTimersByTime(4999);
    expect(player.getState().index).toBe(2);
    vi.advanceTimersByTime(1);
    expect(player.getState()).toMatchObject({ status: 'playing', index: 3, missedEnds: 1 });
    expect(silent.cancelled).toBe(true);
  });

  it('counts from the start event when one arrives', () => {
    const { player, latest } = setup({ startIndex: 7, watchdog: { factor: 1, graceMs: 500 } });
    player.play();
    vi.advanceTimersByTime(1000);
    latest().callbacks.onStart(); // the voice took a second to load
    vi.advanceTimersByTime(1499);
    expect(player.getState().status).toBe('playing');
    vi.advanceTimersByTime(1);
    expect(player.getState()).toMatchObject({ status: 'ended', missedEnds: 1 });
  });

  it('stays quiet once the end arrived, and after pause', () => {
    const { player, end } = setup({ startIndex: 6 });
    player.play();
    end();
    player.pause();
    vi.advanceTimersByTime(60_000);
    expect(player.getState()).toMatchObject({ status: 'paused', index: 7, missedEnds: 0 });
  });
});

describe('progress and teardown', () => {
  it('computes elapsed and remaining time from durations and rate', () => {
    // Total 12,000 ms at 1.0; before index 4: 1000 + 1000 + 2000 + 2000 = 6000 ms.
    const { player } = setup({ startIndex: 4, rate: 2 });
    expect(player.progress()).toEqual({ elapsedMs: 3000, remainingMs: 3000, totalMs: 6000, ratio: 0.5 });
  });

  it('destroy silences the engine and stops notifying', () => {
    const { player, latest, cancelAllCalls, states } = setup();
    player.play();
    const count = states.length;
    player.destroy();
    expect(latest().cancelled).toBe(true);
    expect(cancelAllCalls()).toBe(2); // once before the first utterance, once now
    vi.advanceTimersByTime(60_000);
    expect(states).toHaveLength(count);
  });
});
