import type { SpeechEngine, UtteranceHandle } from './engine.ts';
import { indexAtElapsed, segmentMoves, type SegmentMoves } from './navigation.ts';
import { progress, type PlaybackProgress } from './progress.ts';
import { normalizeRate } from './rate.ts';
import { globalTimers, type PlayerTimers } from './timers.ts';
import type { NarrationSegment } from './types.ts';

export type { PlayerTimers } from './timers.ts';

export type PlayerStatus = 'idle' | 'playing' | 'paused' | 'ended' | 'error';

export interface PlayerState {
  status: PlayerStatus;
  /** The current segment: the one being said, or where play and resume start. */
  index: number;
  /** 0.5 to 2.0 in steps of 0.25. */
  rate: number;
  voiceId: string | undefined;
  /** Why the engine stopped, while `status` is 'error'. */
  error?: string;
  /** How many times the watchdog stood in for an `end` the engine never sent. */
  missedEnds: number;
  /** Seconds into the lesson's recording, while a recording (not a speech engine) plays it. */
  seconds?: number;
}

/** What the player reads of a segment. */
export type PlayerSegment = Pick<NarrationSegment, 'blockId' | 'kind' | 'spoken' | 'durationMs'>;

/**
 * Some engines never send `end` (Chrome after a long pause, Safari when the voice changes).
 * If none arrives within `durationMs / rate × factor + graceMs`, the sentence counts as said.
 */
export interface WatchdogOptions {
  factor: number;
  graceMs: number;
}

export interface PlayerOptions {
  engine: SpeechEngine;
  segments: readonly PlayerSegment[];
  /** BCP 47 tag of the lesson's language, given to every utterance. */
  lang: string;
  rate?: number;
  voiceId?: string;
  /** Where to begin, e.g. where the learner stopped last time. */
  startIndex?: number;
  timers?: PlayerTimers;
  watchdog?: Partial<WatchdogOptions>;
  /** Called each time the last segment has been said (to mark the lesson as listened). */
  onLessonEnd?: () => void;
}

export interface Player extends SegmentMoves {
  getState(): PlayerState;
  /** Calls `listener` after every change (not at once); returns the unsubscribe function. */
  subscribe(listener: (state: PlayerState) => void): () => void;
  /** Starts or resumes; after the end or an error, starts again (from the top, or the failed sentence). */
  play(): void;
  pause(): void;
  resume(): void;
  /** Moves to `seconds` into the lesson at normal speed (the system's seek bar). */
  seekToTime(seconds: number): void;
  setRate(rate: number): void;
  setVoice(voiceId: string | undefined): void;
  progress(): PlaybackProgress;
  /** Silences the engine and drops listeners; the player is not used after this. */
  destroy(): void;
}

/**
 * The narration player: says one segment at a time and moves on when the engine reports its
 * end. Moves (skip, seek) keep the status: while playing, speech continues from the new place;
 * otherwise only the position changes (from 'ended' or 'error' the player becomes 'paused').
 */
export function createPlayer(options: PlayerOptions): Player {
  const { engine, segments, lang, onLessonEnd } = options;
  const timers = options.timers ?? globalTimers;
  const watchdog: WatchdogOptions = { factor: 2, graceMs: 3000, ...options.watchdog };
  const lastIndex = segments.length - 1;
  const clampIndex = (index: number) => Math.max(0, Math.min(Math.trunc(index) || 0, Math.max(lastIndex, 0)));
  const listeners = new Set<(state: PlayerState) => void>();
  let state: PlayerState = {
    status: 'idle',
    index: clampIndex(options.startIndex ?? 0),
    rate: normalizeRate(options.rate ?? 1),
    voiceId: options.voiceId,
    missedEnds: 0,
  };
  // Every utterance gets the generation current when it started; callbacks of older ones
  // (after cancel, skip or a rate change) find a newer generation and are ignored.
  let generation = 0;
  let current: UtteranceHandle | undefined;
  let watchdogTimer: unknown;

  function update(patch: Partial<PlayerState>): void {
    const next: PlayerState = { ...state, ...patch };
    if (next.status !== 'error') delete next.error;
    state = next;
    for (const listener of [...listeners]) listener(state);
  }

  /** Stops the current utterance and makes all its pending callbacks stale. */
  function silence(): void {
    generation++;
    if (watchdogTimer !== undefined) timers.clearTimeout(watchdogTimer);
    watchdogTimer = undefined;
    const handle = current;
    current = undefined;
    handle?.cancel();
  }

  function speakCurrent(): void {
    silence();
    const token = generation;
    const isCurrent = () => token === generation && state.status === 'playing';
    const segment = segments[state.index];
    if (!segment) return finish();
    const armWatchdog = () => {
      if (watchdogTimer !== undefined) timers.clearTimeout(watchdogTimer);
      const limitMs = (segment.durationMs / state.rate) * watchdog.factor + watchdog.graceMs;
      watchdogTimer = timers.setTimeout(() => {
        if (!isCurrent()) return;
        update({ missedEnds: state.missedEnds + 1 });
        advance();
      }, limitMs);
    };
    let handle: UtteranceHandle;
    try {
      const voice = state.voiceId === undefined ? {} : { voiceId: state.voiceId };
      handle = engine.speak(
        { text: segment.spoken, lang, rate: state.rate, ...voice },
        {
          onStart: () => {
            if (isCurrent()) armWatchdog(); // Count from the start: voices can take a while to load.
          },
          onEnd: () => {
            if (isCurrent()) advance();
          },
          onError: (message) => {
            if (isCurrent()) fail(message);
          },
        },
      );
    } catch (error) {
      if (token === generation) fail(error instanceof Error ? error.message : String(error));
      return;
    }
    // The engine may already have ended (or failed) this utterance inside `speak`.
    if (!isCurrent()) return;
    current = handle;
    armWatchdog();
  }

  function advance(): void {
    if (state.index >= lastIndex) return finish();
    update({ index: state.index + 1 });
    speakCurrent();
  }

  function finish(): void {
    silence();
    update({ status: 'ended' });
    if (segments.length > 0) onLessonEnd?.();
  }

  function fail(message: string): void {
    silence();
    update({ status: 'error', error: message || 'speech failed' });
  }

  function start(index: number): void {
    if (segments.length === 0) return update({ status: 'ended' });
    update({ status: 'playing', index });
    speakCurrent();
  }

  function moveTo(index: number): void {
    const target = clampIndex(index);
    if (state.status === 'playing') {
      update({ index: target });
      speakCurrent();
      return;
    }
    const settled = state.status === 'ended' || state.status === 'error' ? 'paused' : state.status;
    update({ index: target, status: settled });
  }

  /** Applies a change of rate or voice; the current sentence restarts with it, mid-sentence. */
  function reconfigure(patch: Pick<PlayerState, 'rate'> | Pick<PlayerState, 'voiceId'>): void {
    update(patch);
    if (state.status === 'playing') speakCurrent();
  }

  function resume(): void {
    // Android's engines lose their place on pause(); saying the sentence again is reliable.
    if (state.status === 'paused') start(state.index);
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    play() {
      if (state.status === 'playing') return;
      if (state.status === 'paused') return resume();
      if (state.status === 'idle') engine.cancel(); // Chrome may still be reading a previous page.
      start(state.status === 'ended' ? 0 : state.index);
    },
    pause() {
      if (state.status !== 'playing') return;
      silence();
      update({ status: 'paused' });
    },
    resume,
    ...segmentMoves(segments, () => state.index, moveTo),
    seekToTime: (seconds) => moveTo(indexAtElapsed(segments, seconds * 1000)),
    setRate(rate) {
      const normalized = normalizeRate(rate);
      if (normalized !== state.rate) reconfigure({ rate: normalized });
    },
    setVoice(voiceId) {
      if (voiceId !== state.voiceId) reconfigure({ voiceId });
    },
    progress: () => progress(segments, state),
    destroy() {
      silence();
      engine.cancel();
      listeners.clear();
    },
  };
}
