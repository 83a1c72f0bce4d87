import type { AudioManifest } from '../../../src/lib/narration/audio/manifest.ts';
import type { MediaElementLike, MediaEventName } from '../../../src/lib/narration/recorded/media.ts';

/** An audio element without sound: tests move its clock and fire its events by hand. */
export function fakeMedia(durations: Record<string, number> = {}) {
  const listeners = new Map<MediaEventName, Set<() => void>>();
  const fire = (name: MediaEventName) => {
    for (const listener of [...(listeners.get(name) ?? [])]) listener();
  };
  let source = '';
  const element = {
    // Like a browser: a new source starts at 0.
    get src(): string {
      return source;
    },
    set src(value: string) {
      source = value;
      element.currentTime = 0;
    },
    currentTime: 0,
    get duration(): number {
      return durations[element.src] ?? NaN;
    },
    playbackRate: 1,
    preservesPitch: false as boolean | undefined,
    paused: true as boolean,
    ended: false as boolean,
    plays: 0,
    play() {
      element.plays++;
      element.paused = false;
      element.ended = false;
      fire('play');
      return Promise.resolve();
    },
    pause() {
      if (element.paused) return;
      element.paused = true;
      fire('pause');
    },
    addEventListener(name: MediaEventName, listener: () => void) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(listener);
    },
    removeEventListener(name: MediaEventName, listener: () => void) {
      listeners.get(name)?.delete(listener);
    },
  } satisfies MediaElementLike & { plays: number };
  return {
    element,
    /** The clock moves to `seconds`, as `timeupdate` reports it. */
    at(seconds: number) {
      element.currentTime = seconds;
      fire('timeupdate');
    },
    /** The file plays to its end: pause, then ended, as browsers send them. */
    end() {
      element.currentTime = durations[element.src] ?? element.currentTime;
      element.ended = true;
      element.paused = true;
      fire('timeupdate');
      fire('pause');
      fire('ended');
    },
    fail() {
      fire('error');
    },
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}

/**
 * A manifest for segments of the given lengths in seconds: contiguous, ids from 0, blocks
 * `b0`, `b1`… unless `blocks` names them.
 */
export function manifestOf(lesson: string, lengths: number[], blocks?: string[]): AudioManifest {
  let position = 0;
  const segments = lengths.map((length, id) => {
    const start = position;
    position += length;
    return { id, block: blocks?.[id] ?? `b${id}`, start, end: position };
  });
  return {
    version: 1,
    lesson,
    lang: 'ja',
    src: `/audio/ja/${lesson}.abc.mp3`,
    duration: position,
    voice: { engine: 'open-jtalk', id: 'm001', label: 'Open JTalk' },
    scriptHash: 'hash',
    segments,
  };
}
