import { atom, type ReadableAtom } from 'nanostores';
import { LANGUAGE_TAG, type Locale } from '../lib/i18n/locales.ts';
import type { SpeechEngine, SpeechVoice } from '../lib/narration/engine.ts';
import type { PlayerStatus } from '../lib/narration/player.ts';
import type { PlaybackProgress } from '../lib/narration/progress.ts';
import { RATE_MAX, RATE_MIN, RATE_STEP } from '../lib/narration/rate.ts';
import type { NarrationSegment } from '../lib/narration/types.ts';
import type { AudioManifest } from '../lib/narration/audio/manifest.ts';
import { createPlaylist, type Playlist } from '../lib/narration/browser/playlist.ts';
import type { SharedMedia } from '../lib/narration/recorded/media.ts';
import { playsRecording, RECORDED_VOICE_ID } from '../lib/narration/recorded/recording.ts';
import { positionKey } from '../lib/narration/browser/settings.ts';
import { createSleepTimer, type SleepChoice, type SleepTimerState } from '../lib/narration/browser/sleepTimer.ts';
import type { SpeechSupport, VoiceEngine } from '../lib/narration/browser/voiceEngine.ts';
import { markLessonListened } from './progress.ts';
import { $settings, clearNarrationPosition, narrationPosition, saveNarrationPosition, setNarrationRate, setNarrationVoice } from './settings.ts';

/** A lesson as a player channel plays it. */
export interface ChannelLesson {
  id: string;
  title: string;
  segments: readonly NarrationSegment[];
  /** Its recorded narration, when it has one that matches `segments`. */
  audio?: AudioManifest;
}

/** What the player UI shows; `loaded` is false until a lesson is loaded in the browser. */
export interface PlayerView {
  loaded: boolean;
  status: PlayerStatus;
  /** The lesson playing, from 0 (listen mode plays several). */
  item: number;
  /** The segment being said, or where play starts. */
  index: number;
  rate: number;
  voiceId: string | undefined;
  error?: string;
  /** Between one lesson's end and the next one's start. */
  advancing: boolean;
  progress: PlaybackProgress;
  /** Start of the word being said in the segment's text, where the engine reports words. */
  wordAt?: number;
  sleep: SleepTimerState;
  /** The current lesson's recording: its voice's name, whether it is what plays, and where. */
  recording?: { label: string; playing: boolean; seconds: number; duration: number };
}

export interface LoadOptions {
  engine: SpeechEngine & Partial<Pick<VoiceEngine, 'prepare'>>;
  locale: Locale;
  lessons: readonly ChannelLesson[];
  startItem?: number;
  /** The page's one audio element, for lessons with a recording. */
  media?: SharedMedia;
}

const IDLE: PlayerView = {
  loaded: false,
  status: 'idle',
  item: 0,
  index: 0,
  rate: 1,
  voiceId: undefined,
  advancing: false,
  progress: { elapsedMs: 0, remainingMs: 0, totalMs: 0, ratio: 0 },
  sleep: { choice: 'off' },
};

const channels = new Set<PlayerChannel>();
/** The channel the learner played last: the one the system's media controls act on. */
export const $lastPlayed = atom<PlayerChannel | undefined>(undefined);
/** The channel whose sentence the shared speech engine is saying, or said last. */
let speaker: PlayerChannel | undefined;

/**
 * One player on the page wrapping the pure playlist: it loads lessons with the learner's
 * speed, voice and saved position, saves them back as they change, marks a lesson listened
 * when heard to the end, and pauses every other channel when it starts (one voice at a time).
 */
export function createPlayerChannel() {
  const $state = atom<PlayerView>(IDLE);
  let playlist: Playlist | undefined;
  let loaded: LoadOptions | undefined;
  let unsubscribe = () => {};
  let stopAtSentenceEnd = false;
  const sleep = createSleepTimer(() => {
    stopAtSentenceEnd = true;
  });
  sleep.subscribe((timer) => $state.set({ ...$state.get(), sleep: timer }));

  const lessonKey = (item: number) => (loaded ? positionKey(loaded.locale, loaded.lessons[item]?.id ?? '') : '');

  function load(options: LoadOptions): void {
    unload();
    loaded = options;
    if (speaker === channel) speaker = undefined;
    const { engine, locale, lessons } = options;
    const startItem = options.startItem ?? 0;
    const settings = $settings.get();
    let utterances = 0;
    // Word boundaries reach the UI through this wrapper; the pure player has no use for them.
    const tracked: SpeechEngine = {
      getVoices: () => engine.getVoices(),
      // The engine is shared: a channel that is not speaking (a lesson page being left while
      // listen mode talks) must not silence the one that is.
      cancel: () => {
        if (speaker === undefined || speaker === channel) engine.cancel();
      },
      speak(utterance, callbacks) {
        speaker = channel;
        const token = ++utterances;
        if ($state.get().wordAt !== undefined) $state.set({ ...$state.get(), wordAt: undefined });
        return engine.speak(utterance, {
          ...callbacks,
          onBoundary: (charIndex) => {
            if (token === utterances) $state.set({ ...$state.get(), wordAt: charIndex });
          },
        });
      },
    };
    const voiceId = settings.voices[locale];
    playlist = createPlaylist({
      engine: tracked,
      items: lessons,
      lang: LANGUAGE_TAG[locale],
      rate: settings.rate,
      ...(voiceId === undefined ? {} : { voiceId }),
      startItem,
      startIndex: narrationPosition(positionKey(locale, lessons[startItem]?.id ?? '')) ?? 0,
      onItemEnd: (lesson) => {
        markLessonListened(lesson.id);
        clearNarrationPosition(positionKey(locale, lesson.id));
      },
      continueAfter: () => sleep.continueAfterLesson(),
      ...(options.media ? { media: options.media } : {}),
    });
    let last = playlist.getState();
    unsubscribe = playlist.subscribe((state) => {
      const moved = state.index !== last.index || state.item !== last.item;
      if (moved && stopAtSentenceEnd && state.status === 'playing') {
        stopAtSentenceEnd = false;
        playlist?.pause();
        return;
      }
      if (state.rate !== last.rate) setNarrationRate(state.rate);
      if (state.voiceId !== last.voiceId) setNarrationVoice(locale, state.voiceId);
      if (moved && (state.status === 'playing' || state.status === 'paused')) saveNarrationPosition(lessonKey(state.item), state.index);
      if (moved && state.status === 'playing') prepareNext(state.item, state.index);
      last = state;
      publish();
    });
    publish();
  }

  /** Lets a cloud voice download the next sentence while this one plays. */
  function prepareNext(item: number, index: number): void {
    const next = loaded?.lessons[item]?.segments[index + 1];
    if (!loaded?.engine.prepare || !next || !playlist) return;
    const { rate, voiceId } = playlist.getState();
    loaded.engine.prepare({ text: next.spoken, lang: LANGUAGE_TAG[loaded.locale], rate, ...(voiceId === undefined ? {} : { voiceId }) });
  }

  function publish(): void {
    if (!playlist) return $state.set({ ...IDLE, sleep: sleep.getState() });
    const { status, item, index, rate, voiceId, error, advancing, seconds } = playlist.getState();
    const audio = playlist.items[item]?.audio;
    const view: PlayerView = { loaded: true, status, item, index, rate, voiceId, advancing, progress: playlist.progress(), sleep: sleep.getState() };
    if (audio) {
      const playing = loaded?.media !== undefined && playsRecording(audio, voiceId);
      view.recording = { label: audio.voice.label, playing, seconds: playing ? (seconds ?? 0) : 0, duration: audio.duration };
    }
    const wordAt = $state.get().wordAt;
    $state.set({ ...view, ...(error === undefined ? {} : { error }), ...(wordAt === undefined || status !== 'playing' ? {} : { wordAt }) });
  }

  function unload(): void {
    unsubscribe();
    unsubscribe = () => {};
    playlist?.destroy();
    playlist = undefined;
    loaded = undefined;
    stopAtSentenceEnd = false;
    publish();
  }

  const withPlaylist =
    <Args extends unknown[]>(action: (current: Playlist, ...args: Args) => void) =>
    (...args: Args): void => {
      if (playlist) action(playlist, ...args);
    };

  const play = withPlaylist((current) => {
    for (const other of channels) if (other !== channel) other.pause();
    $lastPlayed.set(channel);
    stopAtSentenceEnd = false;
    current.play();
  });
  const pause = withPlaylist((current) => current.pause());
  const stepRate = (direction: 1 | -1) =>
    withPlaylist((current) => current.setRate(Math.min(RATE_MAX, Math.max(RATE_MIN, current.getState().rate + direction * RATE_STEP))));

  const channel = {
    $state: $state as ReadableAtom<PlayerView>,
    load,
    unload,
    play,
    pause,
    toggle: () => ($state.get().status === 'playing' || $state.get().advancing ? pause() : play()),
    nextSentence: withPlaylist((current) => current.nextSentence()),
    previousSentence: withPlaylist((current) => current.previousSentence()),
    nextSection: withPlaylist((current) => current.nextSection()),
    previousSection: withPlaylist((current) => current.previousSection()),
    seekToIndex: withPlaylist((current, index: number) => current.seekToIndex(index)),
    /** Seconds into the lesson at normal speed (the system's seek bar). */
    seekToTime: withPlaylist((current, seconds: number) => current.seekToTime(seconds)),
    /** Moves by `delta` seconds of the lesson (the system's skip buttons). */
    seekBy: withPlaylist((current, delta: number) => {
      const { recording, progress } = $state.get();
      const at = recording?.playing ? recording.seconds : (progress.elapsedMs * current.getState().rate) / 1000;
      current.seekToTime(Math.max(0, at + delta));
    }),
    /** Gives lesson `lessonId` the recording found for it. */
    attachAudio: withPlaylist((current, lessonId: string, audio: AudioManifest | undefined) => {
      const item = current.items.findIndex((lesson) => lesson.id === lessonId);
      if (item !== -1) current.setAudio(item, audio);
      publish();
    }),
    /** A click on a paragraph: play from its first sentence. */
    playFromBlock: withPlaylist((current, blockId: string) => {
      if (current.seekToBlock(blockId)) play();
    }),
    goToLesson: withPlaylist((current, item: number, index?: number) => current.goTo(item, index ?? narrationPosition(lessonKey(item)) ?? 0)),
    nextLesson: withPlaylist((current) => current.nextItem()),
    previousLesson: withPlaylist((current) => current.previousItem()),
    setRate: withPlaylist((current, rate: number) => current.setRate(rate)),
    faster: stepRate(1),
    slower: stepRate(-1),
    setVoice: withPlaylist((current, voiceId: string | undefined) => current.setVoice(voiceId)),
    setSleep: (choice: SleepChoice) => sleep.set(choice),
    /** Says `text` with a voice so the learner can hear it before choosing it; pauses playback. */
    preview(text: string, voiceId: string | undefined): void {
      if (!loaded) return;
      // The recording is heard by playing it.
      if (voiceId === RECORDED_VOICE_ID) return play();
      for (const each of channels) each.pause();
      loaded.engine.cancel();
      const { rate } = $state.get();
      const voice = voiceId === undefined ? {} : { voiceId };
      loaded.engine.speak({ text, lang: LANGUAGE_TAG[loaded.locale], rate, ...voice }, { onStart() {}, onEnd() {}, onError() {} });
    },
    lessons: () => loaded?.lessons ?? [],
    locale: () => loaded?.locale,
  };
  channels.add(channel);
  return channel;
}

export type PlayerChannel = ReturnType<typeof createPlayerChannel>;

/** The lesson page's player. */
export const lessonPlayer = createPlayerChannel();
export const $player = lessonPlayer.$state;

/** Listen mode: a module's lessons one after another, in the player that stays across pages. */
export const listenPlayer = createPlayerChannel();
export const $listen = listenPlayer.$state;

/** What the engine can do: whether it speaks at all, and its voices. */
export const $voices = atom<{ support: SpeechSupport; voices: readonly SpeechVoice[] }>({ support: 'checking', voices: [] });

/** Keeps `$voices` in step with an engine; returns the function that stops. */
export function watchVoices(engine: VoiceEngine): () => void {
  const update = () => $voices.set({ support: engine.support(), voices: engine.getVoices() });
  update();
  return engine.onChange(update);
}
