import type { AudioManifest } from '../audio/manifest.ts';
import type { SpeechEngine } from '../engine.ts';
import { createPlayer, type Player, type PlayerSegment, type PlayerState, type WatchdogOptions } from '../player.ts';
import { createFilePlayer } from '../recorded/filePlayer.ts';
import type { SharedMedia } from '../recorded/media.ts';
import { playsRecording } from '../recorded/recording.ts';
import { globalTimers, type PlayerTimers } from '../timers.ts';

/** One lesson of a playlist. */
export interface PlaylistItem {
  id: string;
  title: string;
  segments: readonly PlayerSegment[];
  /** The lesson's recorded narration, when it has one that matches `segments`. */
  audio?: AudioManifest;
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
  /** Silence between two lessons read by a speech engine (recordings end with their own). */
  gapMs?: number;
  /** The element recordings play through; without one, every lesson is read by `engine`. */
  media?: SharedMedia;
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
  | 'seekToTime'
  | 'setRate'
  | 'setVoice'
  | 'progress'
>;

export interface Playlist extends Controls {
  getState(): PlaylistState;
  subscribe(listener: (state: PlaylistState) => void): () => void;
  items: readonly PlaylistItem[];
  /** Gives lesson `item` its recording (found after the playlist was made); see playsRecording. */
  setAudio(item: number, audio: AudioManifest | undefined): void;
  /** Moves to lesson `item` at segment `index`; keeps playing if it was playing. */
  goTo(item: number, index?: number): void;
  nextItem(): void;
  previousItem(): void;
  destroy(): void;
}

/**
 * Lessons played one after another, like an audio course: one pure player per lesson, the next
 * made when the last one ends, with the same speed and voice. A lesson page is a playlist of one.
 * A lesson with a recording gets a file player (unless the learner picked a speech voice); the
 * next recording starts from the `ended` event itself, with no timer, so it also happens while
 * the screen is locked and the page's timers are held back.
 */
export function createPlaylist(options: PlaylistOptions): Playlist {
  const { engine, lang, onItemEnd, continueAfter, media } = options;
  const items = [...options.items];
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

  const recorded = (itemIndex: number, voice = voiceId) => media !== undefined && playsRecording(items[itemIndex]?.audio, voice);

  function makePlayer(itemIndex: number, startIndex: number): Player {
    const current = items[itemIndex] ?? { id: '', title: '', segments: [] };
    const voice = voiceId === undefined ? {} : { voiceId };
    const made = media && playsRecording(current.audio, voiceId) ? createFilePlayer({
      media,
      manifest: current.audio,
      segments: current.segments,
      rate,
      ...voice,
      startIndex,
      onLessonEnd: () => lessonEnded(current),
      onFailure: () => fallBackToSpeech(itemIndex),
    }) : createPlayer({
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
    if (recorded(item) && recorded(item + 1)) return switchTo(item + 1, 0, true);
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

  /** A recording that will not play (missing, or not decodable): the speech engine reads on. */
  function fallBackToSpeech(itemIndex: number): void {
    const failed = items[itemIndex];
    if (!failed?.audio) return;
    const { audio: _dropped, ...rest } = failed;
    items[itemIndex] = rest;
    if (itemIndex === item) switchTo(item, player.getState().index, true);
  }

  function switchTo(next: number, index: number, play: boolean): void {
    stopAdvancing();
    unsubscribe();
    // Not destroy(): that cancels the engine, and Chrome may drop an utterance spoken right after.
    player.pause();
    if ('detach' in player) (player as { detach(): void }).detach();
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
    seekToTime: act((current, seconds: number) => current.seekToTime(seconds)),
    setRate: (next) => player.setRate(next),
    setVoice(next) {
      if (recorded(item) === recorded(item, next)) return player.setVoice(next);
      // From the recording to a speech voice or back: another kind of player, at the same place.
      const { status, index } = player.getState();
      voiceId = next;
      switchTo(item, index, status === 'playing');
    },
    setAudio(itemIndex, audio) {
      const current = items[itemIndex];
      if (!current || current.audio === audio) return;
      const before = recorded(itemIndex);
      const { audio: _old, ...rest } = current;
      items[itemIndex] = audio ? { ...rest, audio } : rest;
      // The lesson on show changes player only while it is not being heard: never mid-sentence.
      const { status, index } = player.getState();
      if (itemIndex === item && before !== recorded(itemIndex) && status !== 'playing' && !advancing) {
        switchTo(item, index, false);
      }
    },
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
