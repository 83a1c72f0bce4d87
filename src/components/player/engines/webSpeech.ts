import type { SpeechVoice, UtteranceHandle } from '../../../lib/narration/engine.ts';
import { globalTimers, type PlayerTimers } from '../../../lib/narration/timers.ts';
import { pickVoice, type SpeechSupport, type VoiceEngine } from '../../../lib/narration/browser/voiceEngine.ts';

/** The parts of the Web Speech API this engine uses, so tests can hand in a fake. */
export interface SynthesisLike {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  getVoices(): SpeechSynthesisVoice[];
  readonly paused: boolean;
  readonly speaking: boolean;
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
  onvoiceschanged?: ((this: SpeechSynthesis, event: Event) => unknown) | null;
}

export interface WebSpeechOptions {
  synthesis?: SynthesisLike | undefined;
  Utterance?: typeof SpeechSynthesisUtterance | undefined;
  /** How long to wait for the first voices before saying there are none. */
  voiceTimeoutMs?: number;
  /**
   * Desktop Chrome stops network voices after about 15 s of speech; a pause and resume every
   * few seconds keeps them going. Off on Android, where pause() loses the place.
   */
  keepAliveMs?: number;
  timers?: PlayerTimers;
}

/** Error codes the browser gives when we cancelled, not when speech failed. */
const CANCEL_CODES = new Set(['interrupted', 'canceled']);

/**
 * The browser's own voices (Web Speech API). Works around its faults: voices that arrive late
 * (`voiceschanged`, with a timeout), utterances garbage-collected before their `end` (kept
 * referenced), events after a cancel (ignored), a synthesis left paused (resumed before speaking).
 */
export function createWebSpeechEngine(options: WebSpeechOptions = {}): VoiceEngine {
  const synthesis = 'synthesis' in options ? options.synthesis : globalThis.speechSynthesis;
  const Utterance = 'Utterance' in options ? options.Utterance : globalThis.SpeechSynthesisUtterance;
  const timers = options.timers ?? globalTimers;
  if (!synthesis || !Utterance) return unsupportedEngine();

  const listeners = new Set<() => void>();
  let native: SpeechSynthesisVoice[] = [];
  let voices: SpeechVoice[] = [];
  let support: SpeechSupport = 'checking';
  // Chrome drops utterances it no longer references and never sends their `end`; each one
  // said or waiting is kept here with the function that ends it as interrupted.
  const live = new Map<SpeechSynthesisUtterance, () => void>();

  const refresh = () => {
    try {
      native = synthesis.getVoices() ?? [];
    } catch {
      native = [];
    }
    // The browser's default voice first, so it is the pick for its language.
    const ordered = [...native.filter((voice) => voice.default), ...native.filter((voice) => !voice.default)];
    voices = ordered.map((voice) => ({ id: voice.voiceURI || voice.name, name: voice.name, lang: voice.lang, local: voice.localService }));
    if (voices.length > 0) support = 'ready';
    for (const listener of [...listeners]) listener();
  };
  if (synthesis.addEventListener) synthesis.addEventListener('voiceschanged', refresh);
  else synthesis.onvoiceschanged = refresh;
  refresh();
  if (support === 'checking') {
    timers.setTimeout(() => {
      if (support !== 'checking') return;
      support = 'unsupported';
      for (const listener of [...listeners]) listener();
    }, options.voiceTimeoutMs ?? 3000);
  }

  return {
    support: () => support,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getVoices: () => voices,
    speak(utterance, callbacks): UtteranceHandle {
      const spoken = new Utterance(utterance.text);
      spoken.lang = utterance.lang;
      spoken.rate = utterance.rate;
      const chosen = pickVoice(voices, utterance.lang, utterance.voiceId);
      const voice = chosen && native.find((candidate) => (candidate.voiceURI || candidate.name) === chosen.id);
      if (voice) spoken.voice = voice;
      let done = false;
      let keepAlive: unknown;
      const settle = () => {
        done = true;
        live.delete(spoken);
        if (keepAlive !== undefined) timers.clearTimeout(keepAlive);
      };
      const tick = () => {
        keepAlive = timers.setTimeout(() => {
          if (done || !synthesis.speaking) return;
          synthesis.pause();
          synthesis.resume();
          tick();
        }, options.keepAliveMs!);
      };
      spoken.onstart = () => {
        if (done) return;
        if (options.keepAliveMs && voice && !voice.localService) tick();
        callbacks.onStart();
      };
      spoken.onend = () => {
        if (done) return;
        settle();
        callbacks.onEnd();
      };
      spoken.onerror = (event) => {
        if (done) return;
        settle();
        const code = (event as SpeechSynthesisErrorEvent).error ?? 'synthesis-failed';
        // Another page or tab interrupted us; say so rather than pretend the sentence was said.
        callbacks.onError(CANCEL_CODES.has(code) ? 'interrupted' : code);
      };
      spoken.onboundary = (event) => {
        if (!done) callbacks.onBoundary?.(event.charIndex);
      };
      live.set(spoken, () => {
        settle();
        callbacks.onError('interrupted');
      });
      if (synthesis.paused) synthesis.resume();
      synthesis.speak(spoken);
      return {
        cancel() {
          if (done) return;
          settle();
          synthesis.cancel();
        },
      };
    },
    cancel() {
      // Whoever still waits for an utterance hears that it was cut off (the quiz read over the
      // lesson, say), rather than waiting for an end that will not come.
      for (const interrupt of [...live.values()]) interrupt();
      synthesis.cancel();
    },
  };
}

/** No speech here: nothing to say, and the player shows why. */
function unsupportedEngine(): VoiceEngine {
  return {
    support: () => 'unsupported',
    onChange: () => () => {},
    getVoices: () => [],
    speak(_utterance, callbacks) {
      callbacks.onError('synthesis-unavailable');
      return { cancel() {} };
    },
    cancel() {},
  };
}
