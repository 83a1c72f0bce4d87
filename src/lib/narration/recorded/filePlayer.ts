import type { AudioManifest } from '../audio/manifest.ts';
import { segmentAt } from '../audio/segmentAt.ts';
import { segmentMoves } from '../navigation.ts';
import type { Player, PlayerSegment, PlayerState } from '../player.ts';
import type { PlaybackProgress } from '../progress.ts';
import { normalizeRate } from '../rate.ts';
import type { MediaEventName, SharedMedia } from './media.ts';

export interface FilePlayerOptions {
  media: SharedMedia;
  /** The lesson's recording, already checked against `segments` (recordingFor). */
  manifest: AudioManifest;
  /** The page's segments: the sections to skip between and the blocks to seek to. */
  segments: readonly PlayerSegment[];
  rate?: number;
  voiceId?: string;
  startIndex?: number;
  /** Called when the recording has played to its end (to mark the lesson as listened). */
  onLessonEnd?: () => void;
  /** Called when the file cannot be played, so the caller can fall back to a speech engine. */
  onFailure?: (message: string) => void;
}

export interface FilePlayer extends Player {
  /** Stops listening to the shared element without stopping it (another player may own it). */
  detach(): void;
}

/**
 * The player for a lesson with recorded narration: the same controls as the speech player,
 * played through one shared media element. Where it is comes from the element (`timeupdate`
 * against the manifest's segment times), so highlight, position and progress follow the sound;
 * moves set `currentTime`. Only the owner of the element acts on its events or stops it.
 */
export function createFilePlayer(options: FilePlayerOptions): FilePlayer {
  const { media, manifest, segments, onLessonEnd, onFailure } = options;
  const element = media.element;
  const self = {};
  const lastIndex = Math.max(segments.length - 1, 0);
  const startOf = new Map(manifest.segments.map((segment) => [segment.id, segment.start]));
  const clampIndex = (index: number) => Math.max(0, Math.min(Math.trunc(index) || 0, lastIndex));
  const listeners = new Set<(state: PlayerState) => void>();
  const startIndex = clampIndex(options.startIndex ?? 0);
  let state: PlayerState = {
    status: 'idle',
    index: startIndex,
    rate: normalizeRate(options.rate ?? 1),
    voiceId: options.voiceId,
    missedEnds: 0,
    seconds: startOf.get(startIndex) ?? 0,
  };

  const owns = () => media.owner === self;

  function update(patch: Partial<PlayerState>): void {
    const next: PlayerState = { ...state, ...patch };
    if (next.status !== 'error') delete next.error;
    state = next;
    for (const listener of [...listeners]) listener(state);
  }

  /** Takes the element: loads this lesson's file if another is in it, at this player's place and speed. */
  function claim(): void {
    const fresh = !owns() || media.source !== manifest.src;
    media.owner = self;
    media.onClaim?.();
    if (media.source !== manifest.src) {
      element.src = manifest.src;
      media.source = manifest.src;
    }
    if (fresh) seekElement(state.seconds ?? 0);
    applyRate();
  }

  /** Seeks only when it moves: a seek to where the element already is restarts its loading. */
  function seekElement(seconds: number): void {
    if (Math.abs(element.currentTime - seconds) > 0.01) element.currentTime = seconds;
  }

  function applyRate(): void {
    element.playbackRate = state.rate;
    element.preservesPitch = true;
  }

  const on: Record<MediaEventName, () => void> = {
    timeupdate() {
      if (!owns()) return;
      const seconds = element.currentTime;
      const heard = segmentAt(manifest, seconds);
      update({ seconds, index: heard ? clampIndex(heard.id) : state.index });
    },
    play() {
      if (owns() && state.status !== 'playing') update({ status: 'playing' });
    },
    pause() {
      // A pause the page did not ask for: the system's controls, or the element left the page.
      // The one just before `ended` is left to `ended`.
      if (owns() && state.status === 'playing' && !element.ended) update({ status: 'paused', seconds: element.currentTime });
    },
    ended() {
      if (!owns() || state.status === 'ended') return;
      update({ status: 'ended', index: lastIndex, seconds: manifest.duration });
      onLessonEnd?.();
    },
    error() {
      if (!owns()) return;
      fail('audio-unavailable');
    },
  };
  const events = Object.keys(on) as MediaEventName[];
  for (const name of events) element.addEventListener(name, on[name]);
  // While nothing else is in the element, load this file's start now: Play then only starts it.
  if (media.owner === undefined && media.source !== manifest.src) {
    element.src = manifest.src;
    media.source = manifest.src;
    seekElement(state.seconds ?? 0);
  }

  function fail(message: string): void {
    update({ status: 'error', error: message });
    onFailure?.(message);
  }

  function play(): void {
    if (state.status === 'playing') return;
    if (state.status === 'ended') update({ index: 0, seconds: 0 });
    claim();
    update({ status: 'playing' });
    const started = element.play();
    if (started && typeof started.catch === 'function') {
      started.catch((error: unknown) => {
        // A later pause or move makes the first play() reject with AbortError: not a failure.
        if (!owns() || state.status !== 'playing' || (error instanceof Error && error.name === 'AbortError')) return;
        if (error instanceof Error && error.name === 'NotAllowedError') return update({ status: 'paused' });
        fail(error instanceof Error ? error.message : String(error));
      });
    }
  }

  function pause(): void {
    if (state.status !== 'playing') return;
    const seconds = owns() ? element.currentTime : state.seconds;
    if (owns()) element.pause();
    update({ status: 'paused', ...(seconds === undefined ? {} : { seconds }) });
  }

  function moveToSeconds(seconds: number, index: number): void {
    const target = Math.max(0, Math.min(seconds, manifest.duration));
    if (owns() && media.source === manifest.src) element.currentTime = target;
    const settled = state.status === 'ended' || state.status === 'error' ? 'paused' : state.status;
    update({ index, seconds: target, status: settled });
  }

  function moveTo(index: number): void {
    const target = clampIndex(index);
    moveToSeconds(startOf.get(target) ?? 0, target);
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    play,
    pause,
    resume() {
      if (state.status === 'paused') play();
    },
    ...segmentMoves(segments, () => state.index, moveTo),
    seekToTime(seconds) {
      const heard = segmentAt(manifest, seconds);
      moveToSeconds(seconds, heard ? clampIndex(heard.id) : 0);
    },
    setRate(rate) {
      const normalized = normalizeRate(rate);
      if (normalized === state.rate) return;
      update({ rate: normalized });
      if (owns()) applyRate();
    },
    setVoice(voiceId) {
      if (voiceId !== state.voiceId) update({ voiceId });
    },
    progress: () => fileProgress(state.status === 'ended' ? manifest.duration : (state.seconds ?? 0), manifest.duration, state.rate),
    detach() {
      for (const name of events) element.removeEventListener(name, on[name]);
      listeners.clear();
    },
    destroy() {
      for (const name of events) element.removeEventListener(name, on[name]);
      if (owns()) {
        element.pause();
        media.owner = undefined;
      }
      listeners.clear();
    },
  };
}

/** Elapsed and remaining listening time at `rate`, from the file's own clock. */
export function fileProgress(seconds: number, durationSeconds: number, rate: number): PlaybackProgress {
  const atRate = (s: number) => Math.round((s * 1000) / (rate > 0 ? rate : 1));
  const elapsed = Math.max(0, Math.min(seconds, durationSeconds));
  const totalMs = atRate(durationSeconds);
  const elapsedMs = atRate(elapsed);
  return { elapsedMs, remainingMs: totalMs - elapsedMs, totalMs, ratio: durationSeconds > 0 ? elapsed / durationSeconds : 0 };
}
