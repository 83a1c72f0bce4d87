import { describe, expect, it, vi } from 'vitest';
import { createFilePlayer, fileProgress } from '../../../src/lib/narration/recorded/filePlayer.ts';
import { sharedMediaOf, type SharedMedia } from '../../../src/lib/narration/recorded/media.ts';
import type { PlayerSegment } from '../../../src/lib/narration/player.ts';
import { fakeMedia, manifestOf } from './fakeMedia.ts';

// title | intro (2 sentences) | heading A | a-text | heading B | b-text
const SEGMENTS: PlayerSegment[] = [
  { blockId: 'title', kind: 'title', spoken: 'T', durationMs: 1000 },
  { blockId: 'intro', kind: 'paragraph', spoken: 'I1', durationMs: 1000 },
  { blockId: 'intro', kind: 'paragraph', spoken: 'I2', durationMs: 1000 },
  { blockId: 'h-a', kind: 'heading', spoken: 'A', durationMs: 1000 },
  { blockId: 'p-a', kind: 'paragraph', spoken: 'a', durationMs: 1000 },
  { blockId: 'h-b', kind: 'heading', spoken: 'B', durationMs: 1000 },
  { blockId: 'p-b', kind: 'paragraph', spoken: 'b', durationMs: 1000 },
];
// Starts: 0, 2, 5, 6, 8, 11, 12; the file lasts 15 s.
const MANIFEST = manifestOf('lesson', [2, 3, 1, 2, 3, 1, 3], SEGMENTS.map((segment) => segment.blockId));

function setup(options: { startIndex?: number; rate?: number } = {}) {
  const fake = fakeMedia({ [MANIFEST.src]: MANIFEST.duration });
  const media: SharedMedia = sharedMediaOf(fake.element);
  const onLessonEnd = vi.fn();
  const player = createFilePlayer({ media, manifest: MANIFEST, segments: SEGMENTS, onLessonEnd, ...options });
  return { fake, media, player, onLessonEnd };
}

describe('file player', () => {
  it.each([
    // seconds → the segment highlighted (the last one starting at or before it)
    [0, 0],
    [1.99, 0],
    [2, 1],
    [5.5, 2],
    [11.2, 5],
    [14.9, 6],
  ])('at %s s highlights segment %i', (seconds, index) => {
    const { fake, player } = setup();
    player.play();
    fake.at(seconds);
    expect(player.getState()).toMatchObject({ status: 'playing', index, seconds });
  });

  it('plays the lesson file through the shared element, with the pitch kept', () => {
    const { fake, player, media } = setup({ rate: 1.5 });
    player.play();
    expect(fake.element).toMatchObject({ src: MANIFEST.src, paused: false, playbackRate: 1.5, preservesPitch: true });
    expect(media.owner).toBeDefined();
    player.pause();
    expect(fake.element.paused).toBe(true);
    expect(player.getState().status).toBe('paused');
  });

  it.each([
    // [start index, action, expected index, expected currentTime]
    [1, 'nextSentence', 2, 5],
    [1, 'previousSentence', 0, 0],
    [0, 'previousSentence', 0, 0],
    [6, 'nextSentence', 6, 12],
    [1, 'nextSection', 3, 6],
    [4, 'nextSection', 5, 11],
    [6, 'nextSection', 6, 12],
    [4, 'previousSection', 3, 6],
    [3, 'previousSection', 0, 0],
    [6, 'previousSection', 5, 11],
  ] as const)('from segment %i, %s goes to segment %i at %s s', (startIndex, action, index, seconds) => {
    const { fake, player } = setup({ startIndex });
    player.play();
    player[action]();
    expect(player.getState()).toMatchObject({ index, status: 'playing' });
    expect(fake.element.currentTime).toBe(seconds);
  });

  it('seeks by time and by block, and clamps a seek past the end', () => {
    const { fake, player } = setup();
    player.play();
    player.seekToTime(8.5);
    expect(player.getState().index).toBe(4);
    expect(fake.element.currentTime).toBe(8.5);
    expect(player.seekToBlock('h-b')).toBe(true);
    expect(fake.element.currentTime).toBe(11);
    expect(player.seekToBlock('nowhere')).toBe(false);
    player.seekToTime(99);
    expect(fake.element.currentTime).toBe(15);
  });

  it.each([
    [0.25, 0.5],
    [0.6, 0.5],
    [1.3, 1.25],
    [2, 2],
    [3, 2],
    [Number.NaN, 1],
  ])('rate %s is played at %s', (asked, played) => {
    const { fake, player } = setup();
    player.play();
    player.setRate(asked);
    expect(player.getState().rate).toBe(played);
    expect(fake.element.playbackRate).toBe(played);
  });

  it("resumes where the learner left the lesson: the saved segment's start", () => {
    const { fake, player } = setup({ startIndex: 4 });
    expect(player.getState()).toMatchObject({ status: 'idle', index: 4, seconds: 8 });
    player.play();
    expect(fake.element.currentTime).toBe(8);
    fake.at(9);
    player.pause();
    fake.element.currentTime = 0; // what another lesson's file would leave
    player.play();
    expect(fake.element.currentTime).toBe(0); // still the owner: the element's own clock counts
  });

  it('counts the lesson as heard at the end, once, and starts again from the top after', () => {
    const { fake, player, onLessonEnd } = setup({ startIndex: 5 });
    player.play();
    fake.end();
    expect(player.getState()).toMatchObject({ status: 'ended', index: 6 });
    expect(onLessonEnd).toHaveBeenCalledTimes(1);
    expect(player.progress()).toMatchObject({ ratio: 1, remainingMs: 0 });
    player.play();
    expect(player.getState()).toMatchObject({ status: 'playing', index: 0 });
  });

  it('reports a pause it did not ask for (the system controls) and a file that will not load', () => {
    const { fake, player } = setup();
    player.play();
    fake.element.pause();
    expect(player.getState().status).toBe('paused');
    player.play();
    fake.fail();
    expect(player.getState()).toMatchObject({ status: 'error', error: 'audio-unavailable' });
  });

  it('loads its file where it will start while the element is free, and leaves an owned element alone', () => {
    const { fake } = setup({ startIndex: 3 });
    expect(fake.element).toMatchObject({ src: MANIFEST.src, currentTime: 6, paused: true });
    const busy = fakeMedia();
    const media = sharedMediaOf(busy.element);
    const other = createFilePlayer({ media, manifest: manifestOf('other', [4]), segments: SEGMENTS.slice(0, 1) });
    other.play();
    busy.at(2);
    createFilePlayer({ media, manifest: MANIFEST, segments: SEGMENTS, startIndex: 3 });
    expect(busy.element).toMatchObject({ src: '/audio/ja/other.abc.mp3', currentTime: 2, paused: false });
  });

  it('shares the element: a player that does not own it ignores its events and never stops it', () => {
    const fake = fakeMedia();
    const media = sharedMediaOf(fake.element);
    const other = manifestOf('other', [4, 4]);
    const mine = createFilePlayer({ media, manifest: MANIFEST, segments: SEGMENTS });
    const theirs = createFilePlayer({ media, manifest: other, segments: SEGMENTS.slice(0, 2) });
    mine.play();
    theirs.play();
    expect(fake.element.src).toBe(other.src);
    fake.at(5);
    expect(mine.getState()).toMatchObject({ index: 0 });
    expect(theirs.getState()).toMatchObject({ index: 1 });
    mine.pause();
    mine.destroy();
    expect(fake.element.paused).toBe(false);
    theirs.destroy();
    expect(fake.element.paused).toBe(true);
    expect(fake.listenerCount()).toBe(0);
  });

  it.each([
    // seconds, duration, rate → elapsed, remaining (ms), ratio
    [0, 10, 1, 0, 10_000, 0],
    [5, 10, 2, 2500, 2500, 0.5],
    [12, 10, 1, 10_000, 0, 1],
  ])('progress at %s s of %s s at %s×', (seconds, duration, rate, elapsedMs, remainingMs, ratio) => {
    expect(fileProgress(seconds, duration, rate)).toEqual({ elapsedMs, remainingMs, totalMs: elapsedMs + remainingMs, ratio });
  });
});
