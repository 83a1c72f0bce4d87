import type { SpeechEngine } from '../engine.ts';
import { createPlayer, type Player, type PlayerSegment, type PlayerState, type WatchdogOptions } from '../player.ts';
import { globalTimers, type PlayerTimers } from '../timers.ts';

/** One lesson of a playlist. */
export interface PlaylistItem {
  id: string;
  title: string;
  segments: readonly PlayerSegment[];
}

export interface PlaylistState extends PlayerState {
  /** The lesson being played, from 0. */
  item: number;
  /** True in the short pause between one lesson's end and the next one's start. */
  advancing: boolean;
}

export interface PlaylistOptions {
  engine: SpeechEngine;
  items: readonly PlaylistItem[];
  lang: string;
  rate?: number;
  voiceId?: string;
  startItem?: number;
  startIndex?: number;
  timers?: PlayerTimers;
  watchdog?: Partial<WatchdogOptions>;
  /** Called when a lesson has been heard to its end (to mark it listened). */
  onItemEnd?: (item: PlaylistItem) => void;
  /** Asked at the end of each lesson; false stops there (a sleep timer set to "end of lesson"). */
  continueAfter?: (item: PlaylistItem) => boolean;
  /** Silence between two lessons. */
  gapMs?: number;
}

type Controls = Pick<
  Player,
  | 'play'
  | 'pause'
  | 'resume'
  | 'nextSentence'
  | 'previousSentence'
  | 'nextSection'
  | 'previousSection'
  | 'seekToBlock'
  | 'seekToIndex'
  | 'setRate'
  | 'setVoice'
  | 'progress'
>;

export interface Playlist extends Controls {
  getState(): PlaylistState;
  subscribe(listener: (state: PlaylistState) => void): () => void;
  items: readonly PlaylistItem[];
  /** Moves to lesson `item` at segment `index`; keeps playing if it was playing. */
  goTo(item: number, index?: number): void;
  nextItem(): void;
  previousItem(): void;
  destroy(): void;
}

/**
 * Lessons played one after another, like an audio course: one pure player per lesson, the next
 * made when the last one ends, with the same speed and voice. A lesson page is a playlist of one.
 */
export function createPlaylist(options: PlaylistOptions): Playlist {
  const { engine, items, lang, onItemEnd, continueAfter } = options;
  const timers = options.timers ?? globalTimers;
  const gapMs = options.gapMs ?? 1200;
  const listeners = new Set<(state: PlaylistState) => void>();
  const clampItem = (item: number) => Math.max(0, Math.min(Math.trunc(item) || 0, items.length - 1));
  let item = clampItem(options.startItem ?? 0);
  let advancing = false;
  let gapTimer: unknown;
  let rate = options.rate ?? 1;
  let voiceId = options.voiceId;
  let unsubscribe = () => {};
  let player = makePlayer(item, options.startIndex ?? 0);

  function makePlayer(itemIndex: number, startIndex: number): Player {
    const current = items[itemIndex] ?? { id: '', title: '', segments: [] };
    const made = createPlayer({
      engine,
      segments: current.segments,
      lang,
      rate,
      ...(voiceId === undefined ? {} : { voiceId }),
      startIndex,
      timers,
      ...(options.watchdog ? { watchdog: options.watchdog } : {}),
      onLessonEnd: () => lessonEnded(current),
    });
    unsubscribe = made.subscribe((state) => {
      rate = state.rate;
      voiceId = state.voiceId;
      emit();
    });
    return made;
  }

  function state(): PlaylistState {
    return { ...player.getState(), item, advancing };
  }

  function emit(): void {
    const snapshot = state();
    for (const listener of [...listeners]) listener(snapshot);
  }

  function lessonEnded(ended: PlaylistItem): void {
    onItemEnd?.(ended);
    if (item >= items.length - 1 || continueAfter?.(ended) === false) return;
    advancing = true;
    gapTimer = timers.setTimeout(() => {
      gapTimer = undefined;
      advancing = false;
      switchTo(item + 1, 0, true);
    }, gapMs);
    emit();
  }

  function stopAdvancing(): void {
    if (gapTimer !== undefined) timers.clearTimeout(gapTimer);
    gapTimer = undefined;
    advancing = false;
  }

  function switchTo(next: number, index: number, play: boolean): void {
    stopAdvancing();
    unsubscribe();
    // Not destroy(): that cancels the engine, and Chrome may drop an utterance spoken right after.
    player.pause();
    item = clampItem(next);
    player = makePlayer(item, index);
    if (play) player.play();
    emit();
  }

  function goTo(next: number, index = 0): void {
    const wasPlaying = player.getState().status === 'playing' || advancing;
    switchTo(next, index, wasPlaying);
  }

  /** Any move by the learner ends the pause between lessons and acts on the current lesson. */
  const act = <Args extends unknown[], Result>(fn: (current: Player, ...args: Args) => Result) =>
    (...args: Args): Result => {
      if (advancing) {
        stopAdvancing();
        emit();
      }
      return fn(player, ...args);
    };

  return {
    items,
    getState: state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    play: act((current) => current.play()),
    pause: act((current) => current.pause()),
    resume: act((current) => current.resume()),
    nextSentence: act((current) => current.nextSentence()),
    previousSentence: act((current) => current.previousSentence()),
    nextSection: act((current) => current.nextSection()),
    previousSection: act((current) => current.previousSection()),
    seekToBlock: act((current, blockId: string) => current.seekToBlock(blockId)),
    seekToIndex: act((current, index: number) => current.seekToIndex(index)),
    setRate: (next) => player.setRate(next),
    setVoice: (next) => player.setVoice(next),
    progress: () => player.progress(),
    goTo,
    nextItem() {
      if (item < items.length - 1) goTo(item + 1);
    },
    /** Back to the start of this lesson, or to the previous lesson when already at its start. */
    previousItem() {
      goTo(player.getState().index > 0 ? item : item - 1);
    },
    destroy() {
      stopAdvancing();
      unsubscribe();
      player.destroy();
      listeners.clear();
    },
  };
}
